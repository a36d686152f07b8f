import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford base32: no I, L, O, U to misread

/**
 * A Finpay `order.id` for one payment attempt: Alpha Dash (letters, digits, `-`, `_`), at most 30 characters,
 * unique. `TN` + Jakarta date + 12 random characters (60 bits), e.g. `TN261121-7K2M9QXA4HZD` (21 characters).
 */
export function newFinpayOrderId(now = new Date()): string {
  const jakarta = new Date(now.getTime() + 7 * 60 * 60 * 1000);
  const date = jakarta.toISOString().slice(2, 10).replace(/-/g, "");
  const bytes = randomBytes(12);
  let suffix = "";
  for (const byte of bytes) suffix += ALPHABET[byte % 32];
  return `TN${date}-${suffix}`;
}

/** Short, readable order number for people, derived from our order id. */
export function orderNumber(orderId: string): string {
  return orderId.replace(/-/g, "").slice(0, 8).toUpperCase();
}
