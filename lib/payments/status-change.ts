import "server-only";
import { eq, sql } from "drizzle-orm";
import { takeFromStock } from "@/lib/catalog/stock";
import { applyPaymentToFulfilment } from "@/lib/delivery/fulfilment-rule";
import { getDb } from "@/lib/db";
import { savedCards, type PaymentAttempt, type PaymentStatus } from "@/db/schema";
import { queueOrderEmail } from "@/lib/email/outbox";
import { env } from "@/lib/env";
import { enqueue } from "@/lib/jobs/boss";
import { QUEUES } from "@/lib/jobs/queues";
import { logger } from "@/lib/logger";
import { transitionAttempt, type ChangedTransition, type TransitionDetails, type TransitionOutcome, type Tx } from "./state-machine";

/**
 * How the rest of the app changes a payment's status: the state machine makes the change (and only it), then
 * this module does what follows from it, in one place:
 * - in the same transaction as the change (so it happens exactly when the change does, once): a paid order takes
 *   what was bought out of the cart and out of stock, the customer's email goes into the outbox (paid: order
 *   confirmation; a payment link that failed or expired: "pay again"), the job that fetches the cards Finpay stored,
 *   the saved card's "last used"; money that all went back cancels an unshipped order's fulfilment and restocks
 *   its items (lib/delivery/fulfilment-rule.ts);
 * - after it: a new payment link gets a follow-up check in case its callback is lost.
 */

type AttemptRef = Pick<PaymentAttempt, "id" | "orderId" | "method" | "savedCardId">;

export async function changeStatus(attempt: AttemptRef, to: PaymentStatus, details: TransitionDetails = {}): Promise<TransitionOutcome> {
  const transition = await transitionAttempt(attempt.id, to, details, (tx, change) => writeWithChange(tx, attempt, change));
  if (!transition.changed) return transition;
  if (transition.to === "pending") await scheduleFollowUpCheck(attempt.id);
  return transition;
}

async function writeWithChange(tx: Tx, attempt: AttemptRef, change: ChangedTransition): Promise<void> {
  await applyPaymentToFulfilment(tx, attempt.orderId, change.orderStatus);
  if (change.to === "paid") {
    // A duplicate payment bought nothing new: the first payment already took its items out of the cart and stock,
    // and the customer already has its confirmation.
    if (!change.duplicatePayment) {
      await removePurchasedItems(tx, attempt.orderId);
      await takeFromStock(tx, attempt.orderId);
      await queueOrderEmail(tx, "order_confirmation", attempt.orderId, attempt.orderId);
    }
    if (attempt.method === "two_click") {
      if (attempt.savedCardId) await tx.update(savedCards).set({ lastUsedAt: new Date() }).where(eq(savedCards.id, attempt.savedCardId));
    } else {
      // Finpay may have stored the card (TO_BE_STORED, or "save" ticked on its page); the callback has no token.
      await enqueue(tx, QUEUES.syncSavedCards, { attemptId: attempt.id });
    }
  }
  // Only a payment link the customer had (pending) that ended without paying, and only when the order itself
  // turned failed or expired (not paid, no other live attempt): a gateway error at checkout is shown on the spot.
  if ((change.to === "failed" || change.to === "expired") && change.from === "pending" && change.orderStatus === change.to) {
    await queueOrderEmail(tx, change.to === "failed" ? "payment_failed" : "payment_expired", attempt.id, attempt.orderId);
  }
}

/**
 * A check of this attempt just after it becomes due for reconciliation: a lost callback is settled within
 * seconds of RECONCILE_AFTER_SECONDS instead of at the next scheduled run. Best effort: the scheduled run
 * (RECONCILE_CRON) settles it anyway if this job cannot be written.
 */
async function scheduleFollowUpCheck(attemptId: string): Promise<void> {
  try {
    await enqueue(await getDb(), QUEUES.checkAttempt, { attemptId }, { startAfterSeconds: env().RECONCILE_AFTER_SECONDS + 1 });
  } catch (error) {
    logger.warn("payment.follow_up_check_not_scheduled", { attemptId, error });
  }
}

/**
 * Takes exactly what the order bought out of its customer's cart, and nothing else: products added after checkout
 * stay, and a product added again after checkout keeps the extra quantity. One statement: a line with no more than
 * was bought goes, a line with more keeps the difference (the two conditions never meet the same row).
 */
async function removePurchasedItems(tx: Tx, orderId: string): Promise<void> {
  await tx.execute(sql`
    with bought as (
      select c.id as cart_id, oi.product_id, oi.quantity
      from orders o join carts c on c.user_id = o.user_id join order_items oi on oi.order_id = o.id
      where o.id = ${orderId}
    ), removed as (
      delete from cart_items ci using bought b
      where ci.cart_id = b.cart_id and ci.product_id = b.product_id and ci.quantity <= b.quantity
    )
    update cart_items ci set quantity = ci.quantity - b.quantity from bought b
    where ci.cart_id = b.cart_id and ci.product_id = b.product_id and ci.quantity > b.quantity`);
}
