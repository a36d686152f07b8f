import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { cartItems, carts, orders, paymentAttempts, type OrderStatus, type PaymentStatus } from "@/db/schema";

/**
 * The ONE place that changes payment and order status. Every change is a conditional UPDATE on a row locked
 * inside a transaction, so duplicate and out-of-order callbacks, concurrent status checks and several app
 * instances all converge: each allowed transition happens exactly once, and a paid payment never goes back.
 */

export const LIVE_STATUSES = ["initiating", "pending"] as const satisfies readonly PaymentStatus[];

/** Which states a payment may move to from which. A late success is always recorded: money was taken. */
const ALLOWED_FROM: Record<PaymentStatus, readonly PaymentStatus[]> = {
  initiating: [],
  pending: ["initiating"],
  paid: ["initiating", "pending", "failed", "expired", "cancelled"],
  failed: ["initiating", "pending"],
  expired: ["initiating", "pending"],
  cancelled: ["initiating", "pending"],
  refunded: ["paid"],
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

export async function transitionAttempt(attemptId: string, to: PaymentStatus, details: TransitionDetails = {}): Promise<TransitionOutcome> {
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
    return { changed: true, from: attempt.status, to, orderId: attempt.orderId, ...effect } as const;
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
    ...(to === "pending" ? {} : { settledAt: now }),
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
      .where(and(eq(orders.id, orderId), ne(orders.status, "paid")))
      .returning({ userId: orders.userId });
    if (paid.length === 0) {
      // Another attempt already paid this order: the customer was charged twice. Keep it visible, never drop it.
      await tx.update(paymentAttempts).set({ duplicatePayment: true }).where(eq(paymentAttempts.id, attemptId));
      return { orderStatus: null, duplicatePayment: true };
    }
    // The order is paid: the cart it came from has done its job.
    await tx.delete(cartItems).where(inArray(cartItems.cartId, tx.select({ id: carts.id }).from(carts).where(eq(carts.userId, paid[0]!.userId))));
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
  if (to === "refunded") {
    const changed = await tx
      .update(orders)
      .set({ status: "refunded", updatedAt: now })
      .where(and(eq(orders.id, orderId), eq(orders.paidAttemptId, attemptId)))
      .returning({ id: orders.id });
    return { orderStatus: changed.length > 0 ? "refunded" : null, duplicatePayment: false };
  }
  return { orderStatus: null, duplicatePayment: false };
}
