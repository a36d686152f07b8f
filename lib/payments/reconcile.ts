import "server-only";
import { and, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { paymentAttempts, paymentEvents, type PaymentAttempt } from "@/db/schema";
import { env } from "@/lib/env";
import { isFinpayError } from "@/lib/finpay";
import { logger } from "@/lib/logger";
import { finpayFor } from "./gateway";
import { applyTransaction, finishEvent, recordEvent } from "./outcome";
import { LIVE_STATUSES, transitionAttempt } from "./state-machine";

/**
 * Settling payments whose callback is late or lost: ask Finpay (check-status) and apply the answer through the
 * state machine. Runs when an order page is viewed, on "Check status", and from `npm run reconcile` (cron).
 */

/** An attempt that never got a payment link is given up after this long if Finpay does not know it. */
const ORPHAN_AFTER_MS = 2 * 60_000;

export async function settleFromStatusCheck(attempt: PaymentAttempt): Promise<string> {
  const db = await getDb();
  await db.update(paymentAttempts).set({ lastCheckedAt: new Date() }).where(eq(paymentAttempts.id, attempt.id));
  try {
    const response = await finpayFor(attempt.id).checkStatus(attempt.finpayOrderId);
    const eventId = await recordEvent({
      attemptId: attempt.id,
      finpayOrderId: attempt.finpayOrderId,
      source: "status_check",
      rawBody: JSON.stringify(response),
      finpayStatus: response.data.result?.payment.status ?? null,
      outcome: "received",
    });
    const summary = await applyTransaction(attempt, response.data);
    await finishEvent(eventId, summary);
    return summary.outcome;
  } catch (error) {
    if (isFinpayError(error) && error.kind === "not_found" && Date.now() - attempt.createdAt.getTime() > ORPHAN_AFTER_MS) {
      // Finpay never created it (the initiate call was lost): nobody can pay it, so it is over.
      const result = await transitionAttempt(attempt.id, "failed", { failureMessage: "The payment was never opened at Finpay." });
      return result.changed ? "orphan_failed" : "unchanged";
    }
    logger.warn("payment.status_check_failed", { attemptId: attempt.id, error });
    return "check_failed";
  }
}

/**
 * Claims due attempts with one UPDATE ... WHERE id IN (SELECT ... FOR UPDATE SKIP LOCKED), stamping
 * last_checked_at, so that several instances running this at once never check the same attempt twice.
 * Due: live, and either past its expiry or older than RECONCILE_AFTER_SECONDS with no callback received.
 */
export async function claimDueAttempts(limit: number, orderId?: string): Promise<PaymentAttempt[]> {
  const db = await getDb();
  const after = env().RECONCILE_AFTER_SECONDS;
  const due = db
    .select({ id: paymentAttempts.id })
    .from(paymentAttempts)
    .where(
      and(
        inArray(paymentAttempts.status, [...LIVE_STATUSES]),
        orderId ? eq(paymentAttempts.orderId, orderId) : undefined,
        or(isNull(paymentAttempts.lastCheckedAt), lt(paymentAttempts.lastCheckedAt, sql`now() - interval '30 seconds'`)),
        or(
          lt(paymentAttempts.expiresAt, sql`now()`),
          and(
            lt(paymentAttempts.createdAt, sql`now() - make_interval(secs => ${after})`),
            sql`not exists (select 1 from ${paymentEvents} where ${paymentEvents.attemptId} = ${paymentAttempts.id} and ${paymentEvents.source} = 'callback' and ${paymentEvents.signatureValid})`,
          ),
        ),
      ),
    )
    .limit(limit)
    .for("update", { skipLocked: true });
  return db.update(paymentAttempts).set({ lastCheckedAt: new Date() }).where(inArray(paymentAttempts.id, due)).returning();
}

export async function reconcileDue(limit = 100): Promise<{ checked: number; outcomes: Record<string, number> }> {
  const attempts = await claimDueAttempts(limit);
  const outcomes: Record<string, number> = {};
  for (const attempt of attempts) {
    const outcome = await settleFromStatusCheck(attempt);
    outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
  }
  return { checked: attempts.length, outcomes };
}

/** On an order page view: settle its live attempt if it is due. Cheap when nothing is due. */
export async function reconcileOrderIfDue(orderId: string): Promise<void> {
  for (const attempt of await claimDueAttempts(5, orderId)) await settleFromStatusCheck(attempt);
}
