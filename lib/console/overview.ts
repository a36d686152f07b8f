import "server-only";
import { and, count, eq, gte, inArray, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { orders, paymentAttempts, paymentEvents, refunds, type OrderStatus } from "@/db/schema";
import { addDays, jakartaDayStart, jakartaToday } from "./filters";

/**
 * The console's overview. Days are Jakarta calendar days (UTC+7, no daylight saving: a fixed offset, so no time
 * zone database is needed in PGlite). Sales are orders paid in the period, at their total, less nothing: refunds
 * are shown beside them; a voided payment was never a sale.
 */

const SOLD: OrderStatus[] = ["paid", "partly_refunded", "refunded"];
const SUCCEEDED = ["paid", "partly_refunded", "refunded", "voided"] as const;
const jakartaDay = (column: typeof orders.paidAt) => sql<string>`to_char((${column} at time zone 'UTC') + interval '7 hours', 'YYYY-MM-DD')`;

export interface Overview {
  today: string;
  sales: { today: number; days7: number; days30: number; orders30: number };
  refunded30: number;
  ordersByStatus: { status: OrderStatus; count: number }[];
  /** Paid attempts / attempts that reached an outcome, last 30 days; null when none did. */
  successRate: number | null;
  settledAttempts: number;
  /** Share of successful payments made two-click, last 30 days; null when none. */
  twoClickShare: number | null;
  successfulPayments: number;
  /** Median seconds from Finpay's payment time to its first valid callback here, last 30 days; null when none. */
  medianCallbackSeconds: number | null;
  daily: { day: string; revenue: number; orders: number }[];
}

export async function getOverview(now = new Date()): Promise<Overview> {
  const db = await getDb();
  const today = jakartaToday(now);
  const start30 = jakartaDayStart(addDays(today, -29));
  const start7 = jakartaDayStart(addDays(today, -6));
  const startToday = jakartaDayStart(today);

  const [salesRows, refundRows, statusRows, attemptRows, callbackRows, dailyRows] = await Promise.all([
    db
      .select({
        today: sql<number>`coalesce(sum(${orders.totalIdr}) filter (where ${orders.paidAt} >= ${startToday.toISOString()}::timestamptz), 0)::bigint`.mapWith(Number),
        days7: sql<number>`coalesce(sum(${orders.totalIdr}) filter (where ${orders.paidAt} >= ${start7.toISOString()}::timestamptz), 0)::bigint`.mapWith(Number),
        days30: sql<number>`coalesce(sum(${orders.totalIdr}), 0)::bigint`.mapWith(Number),
        orders30: count(),
      })
      .from(orders)
      .where(and(gte(orders.paidAt, start30), inArray(orders.status, SOLD))),
    db
      .select({ total: sql<number>`coalesce(sum(${refunds.amountIdr}), 0)::bigint`.mapWith(Number) })
      .from(refunds)
      .where(and(eq(refunds.status, "succeeded"), gte(refunds.completedAt, start30))),
    db.select({ status: orders.status, count: count() }).from(orders).where(gte(orders.createdAt, start30)).groupBy(orders.status),
    db
      .select({
        settled: sql<number>`count(*) filter (where ${paymentAttempts.status} not in ('initiating', 'pending'))`.mapWith(Number),
        succeeded: sql<number>`count(*) filter (where ${inArray(paymentAttempts.status, [...SUCCEEDED])})`.mapWith(Number),
        twoClick: sql<number>`count(*) filter (where ${inArray(paymentAttempts.status, [...SUCCEEDED])} and ${paymentAttempts.method} = 'two_click')`.mapWith(Number),
      })
      .from(paymentAttempts)
      .where(gte(paymentAttempts.createdAt, start30)),
    // Finpay's payment time (result.payment.datetime, Jakarta wall time) against our first valid callback for it.
    db
      .select({
        median: sql<number | null>`percentile_cont(0.5) within group (order by extract(epoch from first_seen - paid_at))`.mapWith((v) => (v === null ? null : Number(v))),
      })
      .from(
        db
          .select({
            paid_at: sql`(min(substring(${paymentEvents.rawBody} from '"datetime":"(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2})"')) || '+07')::timestamptz`.as("paid_at"),
            first_seen: sql`min(${paymentEvents.receivedAt})`.as("first_seen"),
          })
          .from(paymentEvents)
          .where(
            and(
              eq(paymentEvents.source, "callback"),
              eq(paymentEvents.signatureValid, true),
              inArray(paymentEvents.finpayStatus, ["CAPTURED", "PAID"]),
              gte(paymentEvents.receivedAt, start30),
              sql`${paymentEvents.attemptId} is not null`,
              sql`${paymentEvents.rawBody} ~ '"datetime":"\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}"'`,
            ),
          )
          .groupBy(paymentEvents.attemptId)
          .as("first_callbacks"),
      ),
    db
      .select({ day: jakartaDay(orders.paidAt), revenue: sql<number>`sum(${orders.totalIdr})::bigint`.mapWith(Number), orders: count() })
      .from(orders)
      .where(and(gte(orders.paidAt, start30), inArray(orders.status, SOLD)))
      .groupBy(sql`1`),
  ]);

  const sales = salesRows[0] ?? { today: 0, days7: 0, days30: 0, orders30: 0 };
  const attempts = attemptRows[0] ?? { settled: 0, succeeded: 0, twoClick: 0 };
  const byDay = new Map(dailyRows.map((row) => [row.day, row]));
  const daily = Array.from({ length: 30 }, (_, i) => {
    const day = addDays(today, i - 29);
    const row = byDay.get(day);
    return { day, revenue: row?.revenue ?? 0, orders: row?.orders ?? 0 };
  });
  return {
    today,
    sales,
    refunded30: refundRows[0]?.total ?? 0,
    ordersByStatus: statusRows.sort((a, b) => b.count - a.count),
    successRate: attempts.settled ? attempts.succeeded / attempts.settled : null,
    settledAttempts: attempts.settled,
    twoClickShare: attempts.succeeded ? attempts.twoClick / attempts.succeeded : null,
    successfulPayments: attempts.succeeded,
    medianCallbackSeconds: callbackRows[0]?.median ?? null,
    daily,
  };
}
