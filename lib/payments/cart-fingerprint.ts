import { createHash } from "node:crypto";
import type { OrderDeliverySnapshot } from "@/db/schema";

/** Where and how the cart is to be delivered, as far as it makes the purchase a different one. */
export interface DeliveryChoice {
  address: OrderDeliverySnapshot["address"];
  optionId: string;
  shippingIdr: number;
}

/**
 * What a checkout buys, as one comparable value: product, quantity and the price of the moment, in a fixed order,
 * and the delivery (the address as written, the option and its price). Two checkouts with the same fingerprint are
 * the same purchase, so the second returns to the first's order; another address or option is a changed cart.
 */
export function cartFingerprint(lines: readonly { productId: number; quantity: number; unitPriceIdr: number }[], delivery: DeliveryChoice): string {
  const canonical = [...lines]
    .sort((a, b) => a.productId - b.productId)
    .map((line) => `${line.productId}x${line.quantity}@${line.unitPriceIdr}`)
    .join(",");
  const a = delivery.address;
  const to = JSON.stringify([a.recipientName, a.mobilePhone, a.street, a.district, a.city, a.provinceCode, a.postalCode, a.notes]);
  return createHash("sha256").update(`${canonical}|${to}|${delivery.optionId}@${delivery.shippingIdr}`).digest("hex");
}
