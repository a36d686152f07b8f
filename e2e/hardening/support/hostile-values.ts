/**
 * What the fuzz tests put in addresses, as they would appear in a URL (percent-encoded or raw): malformed and
 * overlong percent-encoding, NUL and other control characters (C0, DEL, C1), a lone surrogate, path tricks, SQL
 * and number edge cases, a right-to-left override.
 */
export const HOSTILE_VALUES = [
  "%ZZ",
  "%E0%A4%A",
  "%",
  "%00",
  "%2e%2e",
  "..%2F..%2Fetc%2Fpasswd",
  "x".repeat(3000),
  "%F0%9F%98",
  "'%20OR%201=1",
  "%C0%AF",
  "%ED%A0%80",
  "1e999",
  "-1",
  "null",
  "%E2%80%AE",
] as const;

/** The control characters besides NUL: each has broken a query somewhere before. */
export const CONTROL_VALUES = ["%01", "%1B%5B31m", "%7F", "%C2%85", "a%0Ab", "%09tab", "%0D%0A"] as const;

/** A value as a form field carries it: decoded where it decodes, as typed where it does not. */
export function decoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
