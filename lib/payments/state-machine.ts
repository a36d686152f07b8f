import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { orders, paymentAttempts, type OrderStatus, type PaymentStatus } from "@/db/schema";

/**
 * The ONE place that changes payment and order status. Every change is a conditional UPDATE on a row locked
 * inside a transaction, so duplicate and out-of-order callbacks, concurrent status checks and several app
 * instances all converge: each allowed transition happens exactly once, and a paid payment never goes back.
 * It changes status and nothing else: what follows a change (the cart, saved cards, emails) is ./status-change.ts,
 * which may pass an `inTransaction` writer for what must commit together with the change.
 */

export const LIVE_STATUSES = ["initiating", "pending"] as const satisfies readonly PaymentStatus[];

/** Where money went back after a payment (lib/payments/money-back.ts): these follow "paid", never start a payment. */
export const MONEY_BACK_STATUSES = ["partly_refunded", "refunded", "voided"] as const satisfies readonly PaymentStatus[];
type MoneyBackStatus = (typeof MONEY_BACK_STATUSES)[number];
const isMoneyBack = (status: PaymentStatus): status is MoneyBackStatus => (MONEY_BACK_STATUSES as readonly PaymentStatus[]).includes(status);

/** Which states a payment may move to from which. A late success is always recorded: money was taken. */
const ALLOWED_FROM: Record<PaymentStatus, readonly PaymentStatus[]> = {
  initiating: [],
  pending: ["initiating"],
  paid: ["initiating", "pending", "failed", "expired", "cancelled"],
  failed: ["initiating", "pending"],
  expired: ["initiating", "pending"],
  cancelled: ["initiating", "pending"],
  // Money back: a partial refund, then the rest; or a void of an unsettled payment. Never back to "paid".
  partly_refunded: ["paid"],
  refunded: ["paid", "partly_refunded"],
  voided: ["paid"],
};

export function canTransition(from: PaymentStatus, to: PaymentStatus): boolean {
  return ALLOWED_FROM[to].includes(from);
}

export type TransitionOutcome =
  | { changed: true; from: PaymentStatus; to: PaymentStatus; orderStatus: OrderStatus | null; duplicatePayment: boolean; orderId: string }
  | { changed: false; reason: "already_in_state" | "not_allowed" | "not_found"; current: PaymentStatus | null };

export interface TransitionDetails {
  finpayStatus?: string | null;
  failureMessage?: string | null;
  redirectUrl?: string | null;
  expiresAt?: Date | null;
}

export type ChangedTransition = Extract<TransitionOutcome, { changed: true }>;

/**
 * Runs inside the transaction of a change that happened, after it: what must be written together with the change
 * (the outbox email, a follow-up job) commits with it or not at all. Supplied by ./status-change.ts.
 */
export type InTransaction = (tx: Tx, change: ChangedTransition) => Promise<void>;

export async function transitionAttempt(attemptId: string, to: PaymentStatus, details: TransitionDetails = {}, inTransaction?: InTransaction): Promise<TransitionOutcome> {
  const db = await getDb();
  if (to === "pending") return moveToPending(db, attemptId, details);
  return db.transaction(async (tx) => {
    const [attempt] = await tx
      .select({ status: paymentAttempts.status, orderId: paymentAttempts.orderId })
      .from(paymentAttempts)
      .where(eq(paymentAttempts.id, attemptId))
      .for("update");
    if (!attempt) return { changed: false, reason: "not_found", current: null } as const;
    if (attempt.status === to) return { changed: false, reason: "already_in_state", current: attempt.status } as const;
    if (!canTransition(attempt.status, to)) return { changed: false, reason: "not_allowed", current: attempt.status } as const;

    const now = new Date();
    const updated = await tx
      .update(paymentAttempts)
      .set(attemptChanges(to, details, now))
      // The row is locked, but the guard keeps the update correct on its own.
      .where(and(eq(paymentAttempts.id, attemptId), eq(paymentAttempts.status, attempt.status)))
      .returning({ id: paymentAttempts.id });
    if (updated.length === 0) return { changed: false, reason: "not_allowed", current: attempt.status } as const;

    const effect = await applyToOrder(tx, attempt.orderId, attemptId, to, now);
    const change: ChangedTransition = { changed: true, from: attempt.status, to, orderId: attempt.orderId, ...effect };
    await inTransaction?.(tx, change);
    return change;
  });
}

function attemptChanges(to: PaymentStatus, details: TransitionDetails, now: Date) {
  return {
    status: to,
    updatedAt: now,
    ...(details.finpayStatus !== undefined ? { finpayStatus: details.finpayStatus } : {}),
    ...(details.failureMessage !== undefined ? { failureMessage: details.failureMessage } : {}),
    ...(details.redirectUrl !== undefined ? { redirectUrl: details.redirectUrl } : {}),
    ...(details.expiresAt !== undefined ? { expiresAt: details.expiresAt } : {}),
    // settledAt is when the payment reached its outcome; giving money back later keeps that time.
    ...(to === "pending" || isMoneyBack(to) ? {} : { settledAt: now }),
  };
}

/**
 * initiating -> pending (Finpay gave us a payment page; ALLOWED_FROM has no other way into pending) changes the
 * attempt only, so one conditional UPDATE does it atomically: one round trip instead of the four of a locked
 * read-then-write. The read afterwards only says why nothing changed.
 */
async function moveToPending(db: Awaited<ReturnType<typeof getDb>>, attemptId: string, details: TransitionDetails): Promise<TransitionOutcome> {
  const [moved] = await db
    .update(paymentAttempts)
    .set(attemptChanges("pending", details, new Date()))
    .where(and(eq(paymentAttempts.id, attemptId), eq(paymentAttempts.status, "initiating")))
    .returning({ orderId: paymentAttempts.orderId });
  if (moved) return { changed: true, from: "initiating", to: "pending", orderId: moved.orderId, orderStatus: null, duplicatePayment: false };
  const [current] = await db.select({ status: paymentAttempts.status }).from(paymentAttempts).where(eq(paymentAttempts.id, attemptId));
  if (!current) return { changed: false, reason: "not_found", current: null };
  return { changed: false, reason: current.status === "pending" ? "already_in_state" : "not_allowed", current: current.status };
}

/**
 * Finpay's latest word on a payment whose state it does not change: a refund's callback (PARTIALLY_REFUNDED) arrives
 * after the refund already moved the attempt, and the console must not keep showing CAPTURED. Written only while the
 * attempt is still in the state that word maps to, so an older callback arriving late never overwrites a newer one.
 */
export async function noteFinpayStatus(attemptId: string, state: PaymentStatus, finpayStatus: string): Promise<void> {
  const db = await getDb();
  await db
    .update(paymentAttempts)
    .set({ finpayStatus, updatedAt: new Date() })
    .where(and(eq(paymentAttempts.id, attemptId), eq(paymentAttempts.status, state), sql`${paymentAttempts.finpayStatus} is distinct from ${finpayStatus}`));
}

/** A new attempt on a failed, expired or cancelled order makes the order payable again (called in that transaction). */
export async function reopenOrder(tx: Tx, orderId: string): Promise<void> {
  await tx
    .update(orders)
    .set({ status: "pending_payment", updatedAt: new Date() })
    .where(and(eq(orders.id, orderId), inArray(orders.status, ["failed", "expired", "cancelled"])));
}

export type Tx = Parameters<Parameters<Awaited<ReturnType<typeof getDb>>["transaction"]>[0]>[0];

async function applyToOrder(
  tx: Tx,
  orderId: string,
  attemptId: string,
  to: PaymentStatus,
  now: Date,
): Promise<{ orderStatus: OrderStatus | null; duplicatePayment: boolean }> {
  if (to === "paid") {
    const paid = await tx
      .update(orders)
      .set({ status: "paid", paidAttemptId: attemptId, paidAt: now, updatedAt: now })
      // Once any attempt paid the order (even if that money went back since), another success is a duplicate.
      .where(and(eq(orders.id, orderId), isNull(orders.paidAttemptId)))
      .returning({ id: orders.id });
    if (paid.length === 0) {
      // Another attempt already paid this order: the customer was charged twice. Keep it visible, never drop it.
      await tx.update(paymentAttempts).set({ duplicatePayment: true }).where(eq(paymentAttempts.id, attemptId));
      return { orderStatus: null, duplicatePayment: true };
    }
    return { orderStatus: "paid", duplicatePayment: false };
  }
  if (to === "failed" || to === "expired" || to === "cancelled") {
    // Only the order's current outcome: not when it is paid, nor while another attempt is still live.
    const changed = await tx
      .update(orders)
      .set({ status: to, updatedAt: now })
      .where(
        and(
          eq(orders.id, orderId),
          eq(orders.status, "pending_payment"),
          sql`not exists (select 1 from ${paymentAttempts} where ${paymentAttempts.orderId} = ${orderId}
                and ${paymentAttempts.id} <> ${attemptId} and ${paymentAttempts.status} in ('initiating', 'pending'))`,
        ),
      )
      .returning({ id: orders.id });
    return { orderStatus: changed.length > 0 ? to : null, duplicatePayment: false };
  }
  if (isMoneyBack(to)) {
    // Only the payment that paid the order moves the order; money given back on a duplicate payment leaves it paid.
    const changed = await tx
      .update(orders)
      .set({ status: to, updatedAt: now })
      .where(and(eq(orders.id, orderId), eq(orders.paidAttemptId, attemptId)))
      .returning({ id: orders.id });
    return { orderStatus: changed.length > 0 ? to : null, duplicatePayment: false };
  }
  return { orderStatus: null, duplicatePayment: false };
}
