import "server-only";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { merchantActions, orders, paymentAttempts, paymentEvents, refunds, users, type MerchantAction, type Order, type Refund } from "@/db/schema";
import { fullName } from "@/lib/account/names";
import { formatPhone } from "@/lib/account/phone";
import type { Locale } from "@/lib/i18n/locales";
import { isUuid } from "@/lib/uuid";
import { attemptViews, getInspectorEntries, orderItemsOf, type AttemptView, type InspectorEntry } from "@/lib/payments/queries";

/** Everything the console shows about one order: customer, items, every attempt with its inspector, money back. */

export interface ConsoleAttempt extends AttemptView {
  /** What can still go back: the amount less every refund or void not known to have failed. */
  refundableIdr: number;
  canVoid: boolean;
}

/**
 * Why the merchant must look at an attempt, as data: the page words it (`console.order.flag` messages).
 * `flagged` is any other flagged event, named by its source and stored outcome.
 */
export type FlagKind = "duplicate_attempt" | "bad_signature" | "amount_mismatch" | "duplicate_payment" | "flagged";

export interface Flag {
  at: Date;
  finpayOrderId: string;
  kind: FlagKind;
  /** The duplicate payment's amount (duplicate_attempt). */
  amountIdr?: number;
  source?: "callback" | "status_check";
  outcome?: string;
  /** What the handler recorded about the event (technical, not translated). */
  detail?: string;
}

export interface ConsoleOrderDetail {
  order: Order;
  customer: { id: string; email: string; name: string; mobilePhone: string };
  items: { productId: number; name: string; unitPriceIdr: number; quantity: number }[];
  attempts: ConsoleAttempt[];
  inspector: Map<string, InspectorEntry[]>;
  refunds: (Refund & { requestedByEmail: string; finpayOrderId: string })[];
  actions: MerchantAction[];
  flags: Flag[];
}

export async function getConsoleOrder(orderId: string, locale: Locale): Promise<ConsoleOrderDetail | undefined> {
  if (!isUuid(orderId)) return undefined;
  const db = await getDb();
  const [row] = await db
    .select({ order: orders, email: users.email, firstName: users.firstName, lastName: users.lastName, mobilePhone: users.mobilePhone })
    .from(orders)
    .innerJoin(users, eq(users.id, orders.userId))
    .where(eq(orders.id, orderId));
  if (!row) return undefined;
  const [items, attemptRows, refundRows, actions] = await Promise.all([
    orderItemsOf(orderId, locale),
    attemptViews(orderId, "asc"),
    db
      .select({ refund: refunds, requestedByEmail: users.email, finpayOrderId: paymentAttempts.finpayOrderId })
      .from(refunds)
      .innerJoin(users, eq(users.id, refunds.requestedBy))
      .innerJoin(paymentAttempts, eq(paymentAttempts.id, refunds.attemptId))
      .where(eq(refunds.orderId, orderId))
      .orderBy(asc(refunds.createdAt)),
    db.select().from(merchantActions).where(eq(merchantActions.orderId, orderId)).orderBy(asc(merchantActions.createdAt)),
  ]);
  const refundList = refundRows.map((r) => ({ ...r.refund, requestedByEmail: r.requestedByEmail, finpayOrderId: r.finpayOrderId }));
  const attempts: ConsoleAttempt[] = attemptRows.map((attempt) => {
    const reserved = refundList.filter((r) => r.attemptId === attempt.id && r.status !== "failed").reduce((sum, r) => sum + r.amountIdr, 0);
    const refundable = attempt.status === "paid" || attempt.status === "partly_refunded" ? attempt.amountIdr - reserved : 0;
    return { ...attempt, refundableIdr: refundable, canVoid: attempt.status === "paid" && reserved === 0 };
  });
  const inspector = await getInspectorEntries(attempts.map((a) => a.id));
  await addUnattachedCallbacks(inspector, attempts);
  return {
    order: row.order,
    customer: { id: row.order.userId, email: row.email, name: fullName(row), mobilePhone: formatPhone(row.mobilePhone) },
    items,
    attempts,
    inspector,
    refunds: refundList,
    actions,
    flags: flagsOf(attempts, inspector),
  };
}

/**
 * Callbacks rejected before they were matched to an attempt (a bad signature) name only the Finpay order id they
 * claim; the merchant sees them under that attempt, highlighted.
 */
async function addUnattachedCallbacks(inspector: Map<string, InspectorEntry[]>, attempts: ConsoleAttempt[]): Promise<void> {
  if (attempts.length === 0) return;
  const byFinpayId = new Map(attempts.map((a) => [a.finpayOrderId, a.id]));
  const db = await getDb();
  const events = await db
    .select()
    .from(paymentEvents)
    .where(and(isNull(paymentEvents.attemptId), inArray(paymentEvents.finpayOrderId, [...byFinpayId.keys()])));
  for (const event of events) {
    const attemptId = byFinpayId.get(event.finpayOrderId ?? "");
    if (attemptId) inspector.get(attemptId)?.push({ kind: "event", at: event.receivedAt, event });
  }
  for (const entries of inspector.values()) entries.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** What a merchant must not miss: bad signatures, amount mismatches, other flagged events, duplicate payments. */
function flagsOf(attempts: ConsoleAttempt[], inspector: Map<string, InspectorEntry[]>): Flag[] {
  const flags: Flag[] = [];
  for (const attempt of attempts) {
    if (attempt.duplicatePayment) {
      flags.push({ at: attempt.settledAt ?? attempt.updatedAt, finpayOrderId: attempt.finpayOrderId, kind: "duplicate_attempt", amountIdr: attempt.amountIdr });
    }
    for (const entry of inspector.get(attempt.id) ?? []) {
      if (entry.kind !== "event" || !entry.event.flagged) continue;
      const { event } = entry;
      const kind: FlagKind =
        event.signatureValid === false ? "bad_signature"
        : event.outcome === "amount_mismatch" ? "amount_mismatch"
        : event.outcome === "duplicate_payment" ? "duplicate_payment"
        : "flagged";
      flags.push({
        at: event.receivedAt,
        finpayOrderId: attempt.finpayOrderId,
        kind,
        source: event.source === "callback" ? "callback" : "status_check",
        outcome: event.outcome,
        ...(event.detail ? { detail: event.detail } : {}),
      });
    }
  }
  return flags.sort((a, b) => a.at.getTime() - b.at.getTime());
}
