import type { OrderSort } from "./filters";

/**
 * The order list's keyset cursor: the last row's sort value and id, base64url JSON, opaque to the merchant. The
 * address carries it, so anyone can hand us any text: it is read back only when it is exactly what this module
 * writes for the list's sort (a created_at with microseconds, or a total that fits the integer column), because the
 * query casts the key (`::timestamptz`, `::int`) and PostgreSQL would answer anything else with an error, a 500.
 */
export type Cursor = { key: string; id: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const CREATED_KEY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const TOTAL_KEY = /^\d{1,10}$/;
const MAX_INT = 2 ** 31 - 1;

export const sortsByTotal = (sort: OrderSort) => sort === "total_desc" || sort === "total_asc";

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id]), "utf8").toString("base64url");
}

function isKeyFor(sort: OrderSort, key: string): boolean {
  if (sortsByTotal(sort)) return TOTAL_KEY.test(key) && Number(key) <= MAX_INT;
  // PostgreSQL has no year 0 (JavaScript does): nothing in the shop predates 1970 anyway.
  if (!CREATED_KEY.test(key) || Number(key.slice(0, 4)) < 1970) return false;
  // A real instant: the same text back once the microseconds are set aside (no 25:00, no 31 February).
  const millis = `${key.slice(0, 23)}Z`;
  const date = new Date(millis);
  return !Number.isNaN(date.getTime()) && date.toISOString() === millis;
}

/** Undefined for anything that is not a cursor this module made for `sort`. */
export function decodeCursor(text: string | undefined, sort: OrderSort): Cursor | undefined {
  if (!text || text.length > 200 || !/^[A-Za-z0-9_-]+$/.test(text)) return undefined;
  try {
    const value = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as unknown;
    if (!Array.isArray(value) || value.length !== 2) return undefined;
    const [key, id] = value as unknown[];
    if (typeof key !== "string" || typeof id !== "string") return undefined;
    if (!UUID.test(id) || !isKeyFor(sort, key)) return undefined;
    return { key, id };
  } catch {
    return undefined;
  }
}
