/**
 * Text that arrives in an address (search boxes, filters, cursors) before it goes near the database. PostgreSQL
 * refuses a NUL in any text value (SQLSTATE 22021, a 500 if it gets that far), and no control character (C0, DEL,
 * C1) or lone UTF-16 surrogate (what a malformed percent-encoding can leave) belongs in a search, so they are found
 * here, in one place: forms that can name a wrong field refuse them; the shop's search box cleans them.
 */
const UNSAFE = /[\p{Cc}\p{Cs}]/u;
const UNSAFE_ALL = /[\p{Cc}\p{Cs}]/gu;

export function hasUnsafeCharacters(text: string): boolean {
  return UNSAFE.test(text);
}

/** What was typed, to show back in a form: without the characters that made it unusable. */
export function withoutUnsafeCharacters(text: string): string {
  return text.replace(UNSAFE_ALL, "");
}

/** Free text taken as it can be used: each unsafe character becomes a space, then trimmed and cut to `maxLength`. */
export function cleanQueryText(text: string | string[] | undefined, maxLength: number): string {
  const first = (Array.isArray(text) ? text[0] : text) ?? "";
  const spaced = first.slice(0, maxLength * 2).replace(UNSAFE_ALL, " ").trim();
  // Cutting can split a surrogate pair: the half left at the end goes too.
  return spaced.slice(0, maxLength).replace(UNSAFE_ALL, "").trim();
}
