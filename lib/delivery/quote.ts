import "server-only";
import { inArray } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { products, type OrderDeliverySnapshot } from "@/db/schema";
import type { PaymentAddress, PaymentShipping } from "@/lib/finpay";
import { findAddress, listAddresses, type AddressView } from "./addresses";
import { findProvince, ZONE_NAMES, type Province } from "./provinces";
import { cheapestOption, isDeliveryOptionId, quoteAll, SHIP_FROM, type OptionQuote } from "./rates";

/**
 * Delivery priced on the server, from the database: the address is the customer's own, the weight is summed from
 * product weights, the price comes from the rate table. The browser names an address and an option, nothing more.
 */

export type AvailableOption = Extract<OptionQuote, { available: true }>;

type Line = { productId: number; quantity: number; lineTotalIdr: number };

export interface DeliveryRequest {
  addressId: string;
  optionId: string;
}

export interface DeliveryQuote {
  itemsSubtotalIdr: number;
  shippingIdr: number;
  totalIdr: number;
  option: AvailableOption;
  snapshot: OrderDeliverySnapshot;
}

/**
 * Why a delivery cannot be quoted, for the page or action to say in the shopper's language
 * (lib/delivery/presentation.ts deliveryProblemText; messages: checkout.delivery.problems).
 */
export type DeliveryProblem =
  | { key: "noCourier"; kg: number; province: string; zone: string }
  | { key: "province" }
  | { key: "chooseAddress" }
  | { key: "chooseOption" }
  | { key: "optionCannot"; option: string };

export type DeliveryRefusal = { ok: false; reason: "address" | "option" | "no_courier"; problem: DeliveryProblem };
export type QuoteResult = { ok: true; quote: DeliveryQuote } | DeliveryRefusal;

/** The parcel's weight: each product's packed weight times its quantity. */
export async function parcelWeight(lines: readonly Line[]): Promise<number> {
  if (lines.length === 0) return 0;
  const db = await getDb();
  const rows = await db.select({ id: products.id, weightGrams: products.weightGrams }).from(products).where(inArray(products.id, lines.map((l) => l.productId)));
  const weights = new Map(rows.map((row) => [row.id, row.weightGrams]));
  return lines.reduce((sum, line) => sum + (weights.get(line.productId) ?? 0) * line.quantity, 0);
}

const subtotal = (lines: readonly Line[]) => lines.reduce((sum, line) => sum + line.lineTotalIdr, 0);

/** Every option for one address, or why there is none (a province no longer on the list). */
function optionsFor(address: AddressView, weightGrams: number, itemsSubtotalIdr: number): { province: Province; options: OptionQuote[] } | undefined {
  const province = findProvince(address.provinceCode);
  return province && { province, options: quoteAll(province.zone, weightGrams, itemsSubtotalIdr) };
}

function noCourier(province: Province, weightGrams: number): DeliveryProblem {
  return { key: "noCourier", kg: Math.round(weightGrams / 100) / 10, province: province.name, zone: ZONE_NAMES[province.zone] };
}

export function snapshotOf(address: AddressView, province: Province, option: AvailableOption, weightGrams: number): OrderDeliverySnapshot {
  return {
    address: {
      recipientName: address.recipientName,
      mobilePhone: address.mobilePhone,
      street: address.street,
      district: address.district,
      city: address.city,
      provinceCode: province.code,
      provinceName: province.name,
      postalCode: address.postalCode,
      notes: address.notes,
    },
    option: { id: option.id, name: option.name, etaLabel: option.etaLabel, finpayMethod: option.finpayMethod, listPriceIdr: option.listPriceIdr, free: option.free },
    weightGrams,
  };
}

/** The priced delivery for a checkout: the customer's address, an option that can carry this parcel there. */
export async function quoteDelivery(userId: string, lines: readonly Line[], request: DeliveryRequest): Promise<QuoteResult> {
  const address = await findAddress(userId, request.addressId);
  if (!address) return { ok: false, reason: "address", problem: { key: "chooseAddress" } };
  const weightGrams = await parcelWeight(lines);
  const itemsSubtotalIdr = subtotal(lines);
  const priced = optionsFor(address, weightGrams, itemsSubtotalIdr);
  if (!priced) return { ok: false, reason: "address", problem: { key: "province" } };
  if (!priced.options.some((o) => o.available)) return { ok: false, reason: "no_courier", problem: noCourier(priced.province, weightGrams) };
  const option = priced.options.find((o) => o.id === request.optionId);
  if (!option) return { ok: false, reason: "option", problem: { key: "chooseOption" } };
  if (!option.available) return { ok: false, reason: "option", problem: { key: "optionCannot", option: option.name } };
  return {
    ok: true,
    quote: {
      itemsSubtotalIdr,
      shippingIdr: option.costIdr,
      totalIdr: itemsSubtotalIdr + option.costIdr,
      option,
      snapshot: snapshotOf(address, priced.province, option, weightGrams),
    },
  };
}

export interface DeliveryChoices {
  addresses: AddressView[];
  /** The address checkout shows as chosen: the one asked for, else the default. */
  address: AddressView | null;
  options: OptionQuote[];
  /** The option asked for when it can carry the parcel, else the cheapest; null when none can. */
  option: AvailableOption | null;
  /** Why nothing can be delivered to the chosen address (then no option is offered). */
  problem: DeliveryProblem | null;
  weightGrams: number;
  itemsSubtotalIdr: number;
}

const sameAddress = (a: AddressView, b: OrderDeliverySnapshot["address"]) =>
  a.recipientName === b.recipientName && a.mobilePhone === b.mobilePhone && a.street === b.street && a.district === b.district && a.city === b.city && a.provinceCode === b.provinceCode && a.postalCode === b.postalCode && a.notes === b.notes;

/**
 * What the checkout page offers: every address, and every option for the chosen one with its price or why not.
 * The chosen address is the one asked for, else the one `previous` (an open order's delivery) went to if it is
 * still in the book unchanged (with its option), else the default.
 */
export async function deliveryChoices(userId: string, lines: readonly Line[], wanted: Partial<DeliveryRequest>, previous?: OrderDeliverySnapshot): Promise<DeliveryChoices> {
  const [addresses, weightGrams] = await Promise.all([listAddresses(userId), parcelWeight(lines)]);
  const itemsSubtotalIdr = subtotal(lines);
  const asked = addresses.find((a) => a.id === wanted.addressId);
  const before = !asked && previous ? addresses.find((a) => sameAddress(a, previous.address)) : undefined;
  if (before && !wanted.optionId) wanted = { ...wanted, optionId: previous!.option.id };
  const address = asked ?? before ?? addresses.find((a) => a.isDefault) ?? addresses[0] ?? null;
  const base = { addresses, address, weightGrams, itemsSubtotalIdr };
  if (!address) return { ...base, options: [], option: null, problem: null };
  const priced = optionsFor(address, weightGrams, itemsSubtotalIdr);
  if (!priced) return { ...base, options: [], option: null, problem: { key: "province" } };
  const requested = priced.options.find((o): o is AvailableOption => o.available && o.id === wanted.optionId && isDeliveryOptionId(o.id));
  const option = requested ?? cheapestOption(priced.options) ?? null;
  return { ...base, options: priced.options, option, problem: option ? null : noCourier(priced.province, weightGrams) };
}

/** The order's delivery as Finpay's `shipping` (with the delivery line's price) and `billing.address`. */
export function finpayDelivery(snapshot: OrderDeliverySnapshot, shippingIdr: number, email: string): { shipping: PaymentShipping; billingAddress: PaymentAddress } {
  const province = findProvince(snapshot.address.provinceCode);
  if (!province) throw new Error(`order delivery names an unknown province ${snapshot.address.provinceCode}`);
  const { address } = snapshot;
  const finpayAddress: PaymentAddress = {
    street: address.street,
    street2: address.district,
    city: address.city,
    stateProvince: province.finpayName,
    stateProvinceCode: province.code.slice("ID-".length),
    postcodeZip: address.postalCode,
  };
  const [firstName = address.recipientName, ...rest] = address.recipientName.split(/\s+/);
  return {
    shipping: {
      method: snapshot.option.finpayMethod as PaymentShipping["method"],
      cost: shippingIdr,
      label: `Delivery: ${snapshot.option.name}`,
      sku: `SHIP-${snapshot.option.id.toUpperCase()}`,
      originPostcode: SHIP_FROM.postalCode,
      contact: { firstName, lastName: rest.join(" "), mobilePhone: address.mobilePhone, email },
      address: finpayAddress,
    },
    billingAddress: finpayAddress,
  };
}
