import type { Courier } from "@/db/schema";
import type { DeliveryOptionId } from "./rates";

export type { Courier };

/**
 * The couriers a parcel can be handed to, as data: how their tracking numbers (resi) look, and where a customer
 * follows a parcel on the courier's own public page. Nothing else in the shop knows a courier's formats.
 *
 * None of the three publishes a specification of its numbers; the formats below are what their printed labels and
 * public tracking pages show, and are marked (courier-resi-formats, courier-tracking-pages) where they are our reading of those examples (README,
 * "Fulfilment"). They are deliberately a little wider than the examples, so that a real resi is never refused,
 * while catching what a merchant most often gets wrong: a resi of another courier, a phone or order number, a typo
 * that drops or adds digits.
 */
export interface CourierInfo {
  id: Courier;
  name: string;
  /** A resi as the merchant types it, after normalizeResi (upper case, no spaces or dashes). */
  resiPattern: RegExp;
  /** A real-looking example, shown as the field's hint. */
  resiExample: string;
  /** The courier's public tracking page for one resi. */
  trackingUrl: (resi: string) => string;
}

export const COURIERS: Record<Courier, CourierInfo> = {
  jne: {
    id: "jne",
    name: "JNE",
    // [INFER:courier-resi-formats] JNE's connote ("nomor resi"): 10 to 16 digits, or a three-letter origin code (CGK, BDO, SUB...) and
    // 10 to 13 digits. An all-digit JNE number can look like a SiCepat one: the courier chosen decides.
    resiPattern: /^(?:[A-Z]{3}\d{10,13}|\d{10,16})$/,
    resiExample: "CGK1234567890",
    // [INFER:courier-tracking-pages] JNE's public tracking page takes the resi in the address.
    trackingUrl: (resi) => `https://www.jne.co.id/tracking-package?resi=${encodeURIComponent(resi)}`,
  },
  jnt: {
    id: "jnt",
    name: "J&T Express",
    // [INFER:courier-resi-formats] J&T Express Indonesia: "J" and a second letter (JP for most parcels, also JD, JO, JX...) then 10 digits.
    resiPattern: /^J[A-Z]\d{10}$/,
    resiExample: "JP1234567890",
    // [INFER:courier-tracking-pages] J&T's public tracking page takes the resi as `awb`.
    trackingUrl: (resi) => `https://jet.co.id/track?awb=${encodeURIComponent(resi)}`,
  },
  sicepat: {
    id: "sicepat",
    name: "SiCepat",
    // [INFER:courier-resi-formats] SiCepat: 12 digits (labels show numbers starting with 00).
    resiPattern: /^\d{12}$/,
    resiExample: "001234567890",
    // [INFER:courier-tracking-pages] SiCepat's public tracking page takes the resi as `awb`.
    trackingUrl: (resi) => `https://www.sicepat.com/checkAwb?awb=${encodeURIComponent(resi)}`,
  },
};

export const COURIER_IDS = Object.keys(COURIERS) as Courier[];

export function isCourier(value: string): value is Courier {
  return (COURIER_IDS as string[]).includes(value);
}

/** Which courier carries each delivery option the customer can choose (lib/delivery/rates.ts). */
const OPTION_COURIER: Record<DeliveryOptionId, Courier> = {
  "jne-reg": "jne",
  "jne-yes": "jne",
  "sicepat-best": "sicepat",
  "jnt-ez": "jnt",
};

/** The courier of the option the customer chose, as the order's delivery snapshot names it; null for older orders. */
export function courierOfOption(optionId: string | undefined): Courier | null {
  return optionId && optionId in OPTION_COURIER ? OPTION_COURIER[optionId as DeliveryOptionId] : null;
}

/** A resi as typed ("jp 1234-567 890") as couriers print it ("JP1234567890"). */
export function normalizeResi(input: string): string {
  return input.trim().toUpperCase().replace(/[\s-]/g, "");
}

/** Whether a normalised resi has the courier's format. */
export function isResiOf(courier: Courier, resi: string): boolean {
  return COURIERS[courier].resiPattern.test(resi);
}

export function trackingUrl(courier: Courier, resi: string): string {
  return COURIERS[courier].trackingUrl(resi);
}
