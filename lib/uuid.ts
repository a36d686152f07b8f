/** The shape of our ids. Checked before any query: a malformed id cast to uuid would make Postgres throw (a 500). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const UUID_PATTERN = UUID.source.slice(1, -1);

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
