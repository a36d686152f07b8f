import "server-only";
import { and, count, desc, eq, gte, isNull, lt, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { paymentAttempts, paymentEvents } from "@/db/schema";
import { withoutUnsafeCharacters } from "@/lib/http/query-text";
import { addDays, filterError, isoDate, jakartaDayStart, type FilterError } from "./filters";
import { isPaymentEventOutcome, PAYMENT_EVENT_OUTCOMES } from "@/db/event-outcomes";

/**
 * Every callback received (payment_events with source "callback"), forged and unknown ones included, newest first,
 * paged by id. The verdict is the signature check; the outcome is what the handler did with it.
 */

export const VERDICTS = ["valid", "invalid", "unchecked"] as const;
export type Verdict = (typeof VERDICTS)[number];

/**
 * The outcomes the log can be filtered by: all of them, from the one vocabulary. A callback can end in any of them
 * (a late CAPTURED turns an expired payment paid: expired_to_paid), so a list of some would hide exactly those.
 */
export const CALLBACK_OUTCOMES = PAYMENT_EVENT_OUTCOMES;


const schema = z.object({
  verdict: z.enum(VERDICTS, { error: "verdictInvalid" satisfies FilterError }).optional(),
  outcome: z.string().refine(isPaymentEventOutcome, "outcomeInvalid" satisfies FilterError).optional(),
  // A day that does not exist ("2026-13-45") once reached the query as an Invalid Date: a 500.
  from: isoDate.optional(),
  to: isoDate.optional(),
  // An event id: a safe integer, so that Number() gives back exactly the id that was written.
  before: z.string().regex(/^[1-9]\d{0,14}$/, "cursorBroken" satisfies FilterError).optional(),
});
export type CallbackFilters = z.infer<typeof schema>;

export function parseCallbackFilters(params: Record<string, string | string[] | undefined>) {
  const values: Record<string, string> = {};
  const errors: Record<string, FilterError> = {};
  const accepted: Record<string, string> = {};
  for (const name of Object.keys(schema.shape) as (keyof CallbackFilters)[]) {
    const raw = params[name];
    const value = (Array.isArray(raw) ? raw[0] : raw)?.trim() ?? "";
    values[name] = withoutUnsafeCharacters(value.slice(0, 100));
    if (!value) continue;
    const result = schema.shape[name].safeParse(value);
    if (result.success && result.data !== undefined) accepted[name] = result.data;
    else errors[name] = result.success ? "invalidValue" : filterError(result.error);
  }
  if (accepted.from && accepted.to && accepted.from > accepted.to) {
    errors.to = "endBeforeStart";
    delete accepted.to;
  }
  return { filters: accepted as CallbackFilters, values, errors };
}

export interface CallbackLogRow {
  id: number;
  receivedAt: Date;
  finpayOrderId: string | null;
  finpayStatus: string | null;
  signatureValid: boolean | null;
  outcome: string;
  detail: string | null;
  flagged: boolean;
  orderId: string | null;
}

export const CALLBACK_PAGE_SIZE = 50;

export async function listCallbacks(filters: CallbackFilters): Promise<{ rows: CallbackLogRow[]; nextBefore: string | null }> {
  const db = await getDb();
  const conditions: SQL[] = [eq(paymentEvents.source, "callback")];
  if (filters.verdict === "valid") conditions.push(eq(paymentEvents.signatureValid, true));
  if (filters.verdict === "invalid") conditions.push(eq(paymentEvents.signatureValid, false));
  if (filters.verdict === "unchecked") conditions.push(isNull(paymentEvents.signatureValid));
  if (filters.outcome && isPaymentEventOutcome(filters.outcome)) conditions.push(eq(paymentEvents.outcome, filters.outcome));
  if (filters.from) conditions.push(gte(paymentEvents.receivedAt, jakartaDayStart(filters.from)));
  if (filters.to) conditions.push(lt(paymentEvents.receivedAt, jakartaDayStart(addDays(filters.to, 1))));
  if (filters.before) conditions.push(lt(paymentEvents.id, Number(filters.before)));
  const rows = await db
    .select({
      id: paymentEvents.id,
      receivedAt: paymentEvents.receivedAt,
      finpayOrderId: paymentEvents.finpayOrderId,
      finpayStatus: paymentEvents.finpayStatus,
      signatureValid: paymentEvents.signatureValid,
      outcome: paymentEvents.outcome,
      detail: paymentEvents.detail,
      flagged: paymentEvents.flagged,
      orderId: paymentAttempts.orderId,
    })
    .from(paymentEvents)
    .leftJoin(paymentAttempts, eq(paymentAttempts.id, paymentEvents.attemptId))
    .where(and(...conditions))
    .orderBy(desc(paymentEvents.id))
    .limit(CALLBACK_PAGE_SIZE + 1);
  const page = rows.slice(0, CALLBACK_PAGE_SIZE);
  return { rows: page, nextBefore: rows.length > CALLBACK_PAGE_SIZE ? String(page.at(-1)!.id) : null };
}

/** The last 24 hours at a glance: how many callbacks, how many with a bad signature, how many for unknown orders. */
export async function callbackSummary(now = new Date()): Promise<{ total: number; invalid: number; unknown: number; flagged: number }> {
  const db = await getDb();
  const [row] = await db
    .select({
      total: count(),
      invalid: sql<number>`count(*) filter (where ${paymentEvents.signatureValid} = false)`.mapWith(Number),
      unknown: sql<number>`count(*) filter (where ${paymentEvents.outcome} = 'unknown_order')`.mapWith(Number),
      flagged: sql<number>`count(*) filter (where ${paymentEvents.flagged})`.mapWith(Number),
    })
    .from(paymentEvents)
    .where(and(eq(paymentEvents.source, "callback"), gte(paymentEvents.receivedAt, new Date(now.getTime() - 86_400_000))));
  return row ?? { total: 0, invalid: 0, unknown: 0, flagged: 0 };
}
