/**
 * Finpay accepts customer.mobilePhone only in E.164 (`+62...`); `0812...` is refused as "Invalid Field Format"
 * (finpay-api.md §3.3). Customers type numbers in many shapes, so we normalise them once, on the way in.
 */

// Indonesian mobile numbers: 08xx followed by 7-10 more digits (10-13 digits written locally).
const E164_INDONESIAN_MOBILE = /^\+628\d{8,11}$/;

export const PHONE_FORMAT_MESSAGE = "Enter an Indonesian mobile number, e.g. 0812 3456 7890 or +62 812 3456 7890.";

/** `0812-3456 7890`, `62 812 3456 7890` or `+62 (812) 3456-7890` -> `+6281234567890`; anything else -> null. */
export function normalizeIndonesianMobile(input: string): string | null {
  const compact = input.trim().replace(/[\s\-.()]/g, "");
  let candidate: string;
  if (compact.startsWith("+62")) candidate = compact;
  else if (compact.startsWith("62")) candidate = `+${compact}`;
  else if (compact.startsWith("0")) candidate = `+62${compact.slice(1)}`;
  else return null;
  return E164_INDONESIAN_MOBILE.test(candidate) ? candidate : null;
}
