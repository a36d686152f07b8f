import { z } from "zod";
import { orderStatus, paymentMethod } from "@/db/schema";
import { hasUnsafeCharacters, withoutUnsafeCharacters } from "@/lib/http/query-text";
import { decodeCursor } from "./cursor";
import { FULFILMENT_STATUSES } from "@/lib/delivery/fulfilment-states";

/**
 * The console's order-list filters, read from the address (so a filtered list can be bookmarked, shared and
 * exported as it is). A wrong value is named and left out; the rest of the filter still applies.
 */

export const ORDER_SORTS = ["newest", "oldest", "total_desc", "total_asc"] as const;
/** Its words are the `console.sort` messages. */
export type OrderSort = (typeof ORDER_SORTS)[number];

/**
 * The fulfilment filter: one state, or a work queue. "to_ship": paid (money not all given back) and not yet shipped;
 * "late": of those, paid more than WORK_QUEUE_DAYS ago, the merchant's daily queue. Their words are
 * `fulfilment.status` and `fulfilment.list` messages.
 */
export const FULFILMENT_FILTERS = [...FULFILMENT_STATUSES, "to_ship", "late"] as const;
export type FulfilmentFilter = (typeof FULFILMENT_FILTERS)[number];
export const WORK_QUEUE_DAYS = 2;

/**
 * Why a filter value was left out, as a key of the `console.validation` messages: the page translates it, so this
 * module stays free of next-intl (vitest runs it outside Next.js).
 */
export const FILTER_ERRORS = [
  "dateFormat",
  "dateInvalid",
  "dateOutOfRange",
  "searchTooLong",
  "searchInvalid",
  "statusInvalid",
  "methodInvalid",
  "fulfilmentInvalid",
  "sortInvalid",
  "verdictInvalid",
  "outcomeInvalid",
  "cursorBroken",
  "endBeforeStart",
  "invalidValue",
  "unknownParameter",
  "repeatedParameter",
] as const;
export type FilterError = (typeof FILTER_ERRORS)[number];

/** The first issue's key; anything a schema did not name (it should not happen) is a plain "invalid value". */
export function filterError(error: z.ZodError): FilterError {
  const message = error.issues[0]?.message;
  return (FILTER_ERRORS as readonly string[]).includes(message ?? "") ? (message as FilterError) : "invalidValue";
}

/** A day that exists (no 31 February: Date would roll it over to March). */
function isCalendarDay(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * The years a date filter takes (the `dateOutOfRange` message names them). Outside them a day is no use to the shop,
 * and at the edges it breaks the query: PostgreSQL has no year 0, which JavaScript's dates have.
 */
const FIRST_YEAR = 2000;
const LAST_YEAR = 2099;

/** A Jakarta calendar day typed as YYYY-MM-DD (order list and callback log). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "dateFormat" satisfies FilterError)
  .refine(isCalendarDay, "dateInvalid" satisfies FilterError)
  .refine((value) => Number(value.slice(0, 4)) >= FIRST_YEAR && Number(value.slice(0, 4)) <= LAST_YEAR, "dateOutOfRange" satisfies FilterError);

/** Free text for a search: refused (and named) when it holds what cannot be searched for, rather than a 500. */
const searchText = z
  .string()
  .trim()
  .refine((value) => !hasUnsafeCharacters(value), "searchInvalid" satisfies FilterError)
  .pipe(z.string().max(100, "searchTooLong" satisfies FilterError));

const fields = {
  q: searchText,
  status: z.enum(orderStatus.enumValues, { error: "statusInvalid" satisfies FilterError }),
  method: z.enum(paymentMethod.enumValues, { error: "methodInvalid" satisfies FilterError }),
  fulfilment: z.enum(FULFILMENT_FILTERS, { error: "fulfilmentInvalid" satisfies FilterError }),
  from: isoDate,
  to: isoDate,
  sort: z.enum(ORDER_SORTS, { error: "sortInvalid" satisfies FilterError }),
  cursor: z
    .string()
    .max(200, "cursorBroken" satisfies FilterError)
    .regex(/^[A-Za-z0-9_-]+$/, "cursorBroken" satisfies FilterError),
};

export interface OrderFilters {
  q?: string;
  status?: (typeof orderStatus.enumValues)[number];
  method?: (typeof paymentMethod.enumValues)[number];
  fulfilment?: FulfilmentFilter;
  /** Jakarta calendar days, inclusive. */
  from?: string;
  to?: string;
  sort: OrderSort;
}

export interface ParsedOrderFilters {
  filters: OrderFilters;
  cursor: string | undefined;
  /** What was typed, to put back in the form. */
  values: Record<string, string>;
  /** Field name → why its value was left out (a `console.validation` key). */
  errors: Record<string, FilterError>;
}

type Params = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

export function parseOrderFilters(params: Params): ParsedOrderFilters {
  const values: Record<string, string> = {};
  const errors: Record<string, FilterError> = {};
  const parsed: Record<string, string> = {};
  for (const [name, schema] of Object.entries(fields)) {
    const raw = first(params[name]);
    values[name] = withoutUnsafeCharacters(raw.slice(0, 200));
    if (raw.trim() === "") continue;
    const result = schema.safeParse(raw);
    if (result.success) parsed[name] = result.data;
    else errors[name] = filterError(result.error);
  }
  if (parsed.from && parsed.to && parsed.from > parsed.to) {
    errors.to = "endBeforeStart";
    delete parsed.to;
  }
  const sort = (parsed.sort as OrderSort | undefined) ?? "newest";
  // A cursor is a position in one sort order: one made for another (or by hand) would make the query cast nonsense.
  if (parsed.cursor && !decodeCursor(parsed.cursor, sort)) {
    errors.cursor = "cursorBroken";
    delete parsed.cursor;
  }
  const filters: OrderFilters = {
    sort,
    ...(parsed.q ? { q: parsed.q } : {}),
    ...(parsed.status ? { status: parsed.status as OrderFilters["status"] } : {}),
    ...(parsed.method ? { method: parsed.method as OrderFilters["method"] } : {}),
    ...(parsed.fulfilment ? { fulfilment: parsed.fulfilment as FulfilmentFilter } : {}),
    ...(parsed.from ? { from: parsed.from } : {}),
    ...(parsed.to ? { to: parsed.to } : {}),
  };
  return { filters, cursor: parsed.cursor, values, errors };
}

/** What the CSV export takes: the list's filters, no cursor (it exports every page). */
export const EXPORT_PARAMETERS = ["q", "status", "method", "from", "to", "sort"] as const;

/**
 * The export's address, checked whole before the first byte goes out: a wrong value, a parameter given twice or one
 * the export does not know is named (a script's misspelt `stauts=paid` would otherwise export every order).
 */
export function parseExportQuery(search: URLSearchParams): { filters: OrderFilters; errors: Record<string, FilterError> } {
  const params: Record<string, string[]> = {};
  for (const [name, value] of search) (params[name] ??= []).push(value);
  const { filters, errors } = parseOrderFilters(params);
  delete errors.cursor;
  for (const [name, values] of Object.entries(params)) {
    // The name goes back in the JSON answer (which escapes control characters): bounded.
    const shown = name.slice(0, 60);
    if (!(EXPORT_PARAMETERS as readonly string[]).includes(name)) errors[shown] = "unknownParameter";
    else if (values.length > 1) errors[name] = "repeatedParameter";
  }
  return { filters, errors };
}

/** The filters as query parameters (for links: next page, CSV export), without empty ones. */
export function filterQuery(filters: OrderFilters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...extra })) {
    if (value && !(key === "sort" && value === "newest")) params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** Start of a Jakarta calendar day (UTC+7, no daylight saving) as an instant. */
export function jakartaDayStart(day: string): Date {
  return new Date(`${day}T00:00:00+07:00`);
}

/** The Jakarta calendar day `days` after `day`. */
export function addDays(day: string, days: number): string {
  return new Date(jakartaDayStart(day).getTime() + days * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** Today in Jakarta, as YYYY-MM-DD. */
export function jakartaToday(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** How a search term is read; its words are the `console.searchKind` messages. */
export type SearchKind = "order_number" | "email" | "finpay_order_id" | "email_part";

/** What a search term is taken to be: each kind is an index lookup except a part of an email. */
export function searchKind(q: string): SearchKind {
  if (/^[0-9a-f]{8}$/i.test(q)) return "order_number";
  if (q.includes("@")) return "email";
  if (/^[A-Za-z0-9_-]{9,30}$/.test(q) && /\d/.test(q) && /[-_]/.test(q)) return "finpay_order_id";
  return "email_part";
}
