/** Small conversions between the app's values and Finpay's wire values. */
import { FINPAY_DATETIME_PATTERN } from "./schemas";

/**
 * Integer rupiah → the string Finpay's samples send ("1000"). Throws RangeError on anything that is
 * not a whole, non-negative, exactly representable number: rounding money silently is never right.
 */
export function toWireAmount(rupiah: number): string {
  if (!Number.isSafeInteger(rupiah) || rupiah < 0) {
    throw new RangeError(`Expected a whole, non-negative number of rupiah, got ${String(rupiah)}`);
  }
  return String(rupiah);
}

/**
 * Finpay writes times as `YYYY-MM-DD HH:MM:SS` with no zone (expiryLink, result.payment.datetime).
 * They are read as Asia/Jakarta wall time, UTC+7, no daylight saving [INFER:wib-times: docs/finpay-reference.md §4.1].
 * Returns null for anything else, including impossible dates such as 2024-02-30.
 */
export function parseFinpayDateTime(value: string | null | undefined): Date | null {
  if (!value || !FINPAY_DATETIME_PATTERN.test(value)) return null;
  const date = new Date(`${value.replace(" ", "T")}+07:00`);
  if (Number.isNaN(date.getTime())) return null;
  // Date normalises overflow (Feb 30 → Mar 1); round-trip to reject it.
  const back = new Date(date.getTime() + 7 * 3600_000).toISOString().slice(0, 19).replace("T", " ");
  return back === value ? date : null;
}

/** The inverse of parseFinpayDateTime: a Date as Finpay writes it, in WIB. */
export function formatFinpayDateTime(date: Date): string {
  return new Date(date.getTime() + 7 * 3600_000).toISOString().slice(0, 19).replace("T", " ");
}

/** "512345xxxxxx0008" → "0008"; null when the mask does not end in four digits. */
export function lastFour(mask: string | null | undefined): string | null {
  const match = mask ? /(\d{4})$/.exec(mask) : null;
  return match?.[1] ?? null;
}

/** "MASTERCARD •••• 0008", "Card •••• 0008", or "Card" when nothing is known. For display only. */
export function describeCard(card: { mask?: string | null; info?: { brand?: string | null } | null }): string {
  const brand = card.info?.brand?.trim() || "Card";
  const four = lastFour(card.mask);
  return four ? `${brand} •••• ${four}` : brand;
}

/**
 * [INFER:no-last-name] The last name Finpay is sent. Single-name customers (common in Indonesia) have none, and Finpay's card
 * flows want one: the official WooCommerce plugin sends "-" in its place [CODE], and so do we. Used for the customer
 * and the shipping contact alike.
 */
export const NO_LAST_NAME = "-";

export function lastNameForFinpay(lastName: string | null | undefined): string {
  return lastName?.trim() ? lastName : NO_LAST_NAME;
}
