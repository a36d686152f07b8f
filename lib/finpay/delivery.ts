/**
 * The delivery side of an initiate request: `shipping`, `billing.address` and `device` (reference §3.8), and the
 * rule that the order's items add up to its amount. Pure, like the rest of lib/finpay.
 *
 * Where the reference leaves a rule open, the assumption lives here and only here:
 * - [INFER:shipping-method] `shipping.method` takes the MPGS values (Finpay runs on MPGS, §0): the reference shows only SAME_DAY
 *   and says the list is not public.
 * - [INFER:items-add-up] Finpay checks that `order.item` adds up to `order.amount` (quantity × unitPrice, summed) when items are
 *   sent (§11, unknown #10): we send a delivery line so that they always do, and refuse to build a request that
 *   does not.
 * - [INFER:device-ipv4] `device.ipAddress` is IPv4 only (the one known schema types it so, matching MPGS): an IPv6 address or a
 *   missing one is left out rather than sent malformed; an IPv4-mapped IPv6 address (::ffff:203.0.113.7) is IPv4.
 */
import { z } from "zod";
import { FinpayError } from "./errors";
import { lastNameForFinpay } from "./format";
import type { FinpayBilling, FinpayDevice, FinpayOrderItem, FinpayShipping } from "./schemas";

/** [INFER:shipping-method] MPGS shipping methods. */
export const FINPAY_SHIPPING_METHODS = ["SAME_DAY", "OVERNIGHT", "PRIORITY", "GROUND", "PICKUP", "ELECTRONIC", "NOT_SHIPPED"] as const;
export type FinpayShippingMethod = (typeof FINPAY_SHIPPING_METHODS)[number];

/** `device.browser` is at most 2048 characters (MPGS, §3.8). */
export const DEVICE_BROWSER_MAX = 2048;

/** Indonesian addresses go out as ISO alpha-3 "IDN". */
export const INDONESIA = "IDN";

/** An address as Finpay takes it (shipping and billing share the fields); lengths are checked by the schemas. */
export interface PaymentAddress {
  street: string;
  street2?: string;
  city: string;
  /** At most 20 characters. */
  stateProvince: string;
  /** At most 3 characters, e.g. "JB" for ISO 3166-2 ID-JB. */
  stateProvinceCode: string;
  postcodeZip: string;
  /** ISO alpha-3; defaults to "IDN". */
  country?: string;
}

export interface PaymentShipping {
  method: FinpayShippingMethod;
  /** Integer rupiah; becomes the delivery line of `order.item` (0 when free). */
  cost: number;
  /** Name of the delivery line, e.g. "Delivery: JNE REG". */
  label: string;
  sku?: string;
  /** Postcode the parcel leaves from (`shipping.origin.postcodeZip`). */
  originPostcode?: string;
  contact: { firstName: string; lastName?: string; mobilePhone: string; email?: string };
  address: PaymentAddress;
}

/** What the shop knows of the shopper's device; the rules above decide what of it is sent. */
export interface PaymentDevice {
  ipAddress?: string | null;
  userAgent?: string | null;
}

const ipv4 = z.ipv4();

/** [INFER:device-ipv4] The IPv4 rule, in one place: an IPv4 address (or an IPv4-mapped IPv6 one) or nothing. */
export function deviceIpAddress(ip: string | null | undefined): string | undefined {
  const candidate = ip?.trim().replace(/^::ffff:/i, "");
  return candidate && ipv4.safeParse(candidate).success ? candidate : undefined;
}

/** The User-Agent cut to the schema's limit; an empty one is left out. */
export function deviceBrowser(userAgent: string | null | undefined): string | undefined {
  const trimmed = userAgent?.trim();
  return trimmed ? trimmed.slice(0, DEVICE_BROWSER_MAX) : undefined;
}

export function buildDevice(device: PaymentDevice): FinpayDevice | undefined {
  const out: FinpayDevice = {};
  const browser = deviceBrowser(device.userAgent);
  const ipAddress = deviceIpAddress(device.ipAddress);
  if (browser !== undefined) out.browser = browser;
  if (ipAddress !== undefined) out.ipAddress = ipAddress;
  return Object.keys(out).length > 0 ? out : undefined;
}

export function buildAddress(address: PaymentAddress): NonNullable<FinpayBilling["address"]> {
  const out: NonNullable<FinpayBilling["address"]> = { street: address.street };
  if (address.street2 !== undefined) out.street2 = address.street2;
  out.city = address.city;
  out.stateProvince = address.stateProvince;
  out.stateProvinceCode = address.stateProvinceCode;
  out.postcodeZip = address.postcodeZip;
  out.country = address.country ?? INDONESIA;
  return out;
}

export function buildShipping(shipping: PaymentShipping): FinpayShipping {
  const { contact } = shipping;
  const out: FinpayShipping = { method: shipping.method };
  if (shipping.originPostcode !== undefined) out.origin = { postcodeZip: shipping.originPostcode };
  out.contact = {
    firstName: contact.firstName,
    lastName: lastNameForFinpay(contact.lastName),
    mobilePhone: contact.mobilePhone,
    ...(contact.email !== undefined ? { email: contact.email } : {}),
  };
  out.address = buildAddress(shipping.address);
  return out;
}

/** [INFER:items-add-up] The item-sum rule: when items are sent, quantity × unitPrice over all of them equals the amount. */
export function checkItemsAddUp(order: { amount?: string; item?: FinpayOrderItem[] }): void {
  if (!order.item || order.amount === undefined) return;
  const sum = order.item.reduce((total, item) => total + Number(item.quantity ?? 0) * Number(item.unitPrice ?? 0), 0);
  if (sum === Number(order.amount)) return;
  const message = `the items add up to ${sum}, not to the amount ${order.amount}`;
  throw new FinpayError({
    kind: "validation",
    operation: "build",
    field: "order.amount",
    issues: [{ path: "order.amount", message }],
    message: `Finpay build: invalid request (order.amount: ${message})`,
  });
}
