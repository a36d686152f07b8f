import type { FinpayShippingMethod } from "@/lib/finpay";
import { ZONE_NAMES, type DeliveryZone } from "./provinces";

/**
 * The rate table: which courier services deliver to which zone, for how much per kilogram, how fast, and up to
 * what weight. Prices are from the shop's warehouse in Jakarta (SHIP_FROM) and are computed here, on the server,
 * only: the browser names an option by its id and never sends a price.
 */

/** Where parcels leave from: Finpay's `shipping.origin.postcodeZip`. */
export const SHIP_FROM = { city: "Jakarta Selatan", postalCode: "12160" } as const;

/** Regular (non-express) services cost nothing from this items subtotal on. */
export const FREE_SHIPPING_MIN_IDR = 500_000;

export const DELIVERY_OPTION_IDS = ["jne-reg", "jne-yes", "sicepat-best", "jnt-ez"] as const;
export type DeliveryOptionId = (typeof DELIVERY_OPTION_IDS)[number];

interface ZoneRate {
  perKgIdr: number;
  /** Working days, fastest and slowest. */
  etaDays: readonly [number, number];
  /** Lower than the service's own limit where the zone is reached by air (Maluku & Papua). */
  maxWeightGrams?: number;
}

export interface CourierService {
  id: DeliveryOptionId;
  /** As couriers and shoppers write it: "JNE REG". */
  name: string;
  description: string;
  express: boolean;
  maxWeightGrams: number;
  finpayMethod: FinpayShippingMethod;
  zones: Partial<Record<DeliveryZone, ZoneRate>>;
}

export const COURIER_SERVICES: readonly CourierService[] = [
  {
    id: "jne-reg",
    name: "JNE REG",
    description: "Regular",
    express: false,
    maxWeightGrams: 30_000,
    finpayMethod: "GROUND",
    zones: {
      jawa: { perKgIdr: 11_000, etaDays: [2, 3] },
      sumatra: { perKgIdr: 29_000, etaDays: [3, 5] },
      bali_nusa_tenggara: { perKgIdr: 32_000, etaDays: [3, 5] },
      kalimantan: { perKgIdr: 38_000, etaDays: [3, 6] },
      sulawesi: { perKgIdr: 45_000, etaDays: [4, 6] },
      maluku_papua: { perKgIdr: 89_000, etaDays: [5, 9], maxWeightGrams: 20_000 },
    },
  },
  {
    id: "jne-yes",
    name: "JNE YES",
    description: "Yakin Esok Sampai, next day",
    express: true,
    maxWeightGrams: 10_000,
    finpayMethod: "OVERNIGHT",
    zones: {
      jawa: { perKgIdr: 19_000, etaDays: [1, 1] },
      sumatra: { perKgIdr: 46_000, etaDays: [1, 1] },
      bali_nusa_tenggara: { perKgIdr: 52_000, etaDays: [1, 1] },
      kalimantan: { perKgIdr: 60_000, etaDays: [1, 2] },
      sulawesi: { perKgIdr: 69_000, etaDays: [1, 2] },
    },
  },
  {
    id: "sicepat-best",
    name: "SiCepat BEST",
    description: "Besok Sampai Tujuan, next day",
    express: true,
    maxWeightGrams: 10_000,
    finpayMethod: "OVERNIGHT",
    zones: {
      jawa: { perKgIdr: 17_000, etaDays: [1, 1] },
      sumatra: { perKgIdr: 42_000, etaDays: [1, 1] },
      bali_nusa_tenggara: { perKgIdr: 48_000, etaDays: [1, 1] },
    },
  },
  {
    id: "jnt-ez",
    name: "J&T EZ",
    description: "Regular",
    express: false,
    maxWeightGrams: 20_000,
    finpayMethod: "GROUND",
    zones: {
      jawa: { perKgIdr: 10_000, etaDays: [2, 4] },
      sumatra: { perKgIdr: 27_000, etaDays: [3, 6] },
      bali_nusa_tenggara: { perKgIdr: 30_000, etaDays: [3, 6] },
      kalimantan: { perKgIdr: 36_000, etaDays: [4, 7] },
      sulawesi: { perKgIdr: 43_000, etaDays: [4, 7] },
      maluku_papua: { perKgIdr: 85_000, etaDays: [6, 10], maxWeightGrams: 15_000 },
    },
  },
];

export function isDeliveryOptionId(value: string): value is DeliveryOptionId {
  return (DELIVERY_OPTION_IDS as readonly string[]).includes(value);
}

/** Couriers bill whole kilograms, rounded up, at least one. */
export function billableKg(weightGrams: number): number {
  return Math.max(1, Math.ceil(weightGrams / 1000));
}

export type OptionQuote =
  | {
      available: true;
      id: DeliveryOptionId;
      name: string;
      description: string;
      etaLabel: string;
      /** Working days, fastest and slowest: what etaLabel says, for the page to say it in the shopper's language. */
      etaDays: readonly [number, number];
      /** What the customer pays for delivery: 0 when free. */
      costIdr: number;
      /** The price before free shipping, to show what was waived. */
      listPriceIdr: number;
      free: boolean;
      finpayMethod: FinpayShippingMethod;
    }
  | { available: false; id: DeliveryOptionId; name: string; description: string; reason: string; why: UnavailableWhy };

/** Why a service cannot carry a parcel, for the page to say in the shopper's language (`reason` is the English). */
export type UnavailableWhy = { kind: "zone"; zone: DeliveryZone } | { kind: "weight"; maxKg: number; zone: DeliveryZone | null };

export function etaLabel([fastest, slowest]: readonly [number, number]): string {
  if (slowest === 1) return "next working day";
  return fastest === slowest ? `${fastest} working days` : `${fastest}-${slowest} working days`;
}

/** One service's price and speed for a parcel, or why it cannot carry it. */
export function quoteService(service: CourierService, zone: DeliveryZone, weightGrams: number, itemsSubtotalIdr: number): OptionQuote {
  const base = { id: service.id, name: service.name, description: service.description };
  const rate = service.zones[zone];
  if (!rate) return { ...base, available: false, reason: `Does not deliver to ${ZONE_NAMES[zone]}`, why: { kind: "zone", zone } };
  const limit = Math.min(service.maxWeightGrams, rate.maxWeightGrams ?? Infinity);
  if (weightGrams > limit) {
    const toZone = limit < service.maxWeightGrams;
    return { ...base, available: false, reason: `Carries at most ${limit / 1000} kg${toZone ? ` to ${ZONE_NAMES[zone]}` : ""}`, why: { kind: "weight", maxKg: limit / 1000, zone: toZone ? zone : null } };
  }
  const listPriceIdr = rate.perKgIdr * billableKg(weightGrams);
  const free = !service.express && itemsSubtotalIdr >= FREE_SHIPPING_MIN_IDR;
  return { ...base, available: true, etaLabel: etaLabel(rate.etaDays), etaDays: rate.etaDays, costIdr: free ? 0 : listPriceIdr, listPriceIdr, free, finpayMethod: service.finpayMethod };
}

/** Every service, in the table's order, priced for this zone, weight and items subtotal. */
export function quoteAll(zone: DeliveryZone, weightGrams: number, itemsSubtotalIdr: number): OptionQuote[] {
  return COURIER_SERVICES.map((service) => quoteService(service, zone, weightGrams, itemsSubtotalIdr));
}

/** The cheapest available option (the fastest among equals), the one checkout starts with. */
export function cheapestOption(quotes: readonly OptionQuote[]): Extract<OptionQuote, { available: true }> | undefined {
  const available = quotes.filter((q): q is Extract<OptionQuote, { available: true }> => q.available);
  return available.sort((a, b) => a.costIdr - b.costIdr)[0];
}
