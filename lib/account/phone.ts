/**
 * Finpay accepts customer.mobilePhone only in E.164 (`+62...`); `0812...` is refused as "Invalid Field Format"
 * (docs/finpay-reference.md §3.3). Customers type numbers in many shapes, so we normalise them once, on the way in.
 */

// Indonesian mobile numbers: 08xx followed by 7-10 more digits (10-13 digits written locally).
const E164_INDONESIAN_MOBILE = /^\+628\d{8,11}$/;

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

/**
 * How a stored number is shown to people: `+6281234567890` -> `+62 812-3456-7890` (country code, the operator's
 * three digits, then the rest in two groups). Anything that is not an Indonesian mobile in E.164 is shown as it is.
 */
export function formatPhone(e164: string): string {
  if (!E164_INDONESIAN_MOBILE.test(e164)) return e164;
  const local = e164.slice(3); // after +62
  const operator = local.slice(0, 3);
  const rest = local.slice(3);
  const half = Math.floor(rest.length / 2);
  return `+62 ${operator}-${rest.slice(0, half)}-${rest.slice(half)}`;
}
