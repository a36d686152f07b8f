import "server-only";
import { and, eq, inArray, isNull, lt, notInArray as notIn, or, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { orders, paymentAttempts, paymentEvents, type PaymentAttempt } from "@/db/schema";
import { env } from "@/lib/env";
import { isFinpayError } from "@/lib/finpay";
import { logger } from "@/lib/logger";
import { UNSETTLED_CALLBACK_OUTCOMES, type StatusCheckResult } from "@/db/event-outcomes";
import { finpayFor } from "./gateway";
import { storedFailure } from "./messages";
import { applyTransaction, finishEvent, recordEvent } from "./outcome";
import { LIVE_STATUSES } from "./state-machine";
import { changeStatus } from "./status-change";

/**
 * Settling payments whose callback is late or lost: ask Finpay (check-status) and apply the answer through the
 * state machine. Runs from the job worker (lib/jobs: every RECONCILE_CRON, and once per new payment link when it
 * becomes due), when an order page is viewed, on "Check status", and from `npm run reconcile`.
 */

/** A pending attempt Finpay says it does not know is given up after this long. */
const ORPHAN_AFTER_MS = 2 * 60_000;

/** Past the initiate call's own timeout plus a margin, an attempt still "initiating" has no request in flight. */
function initiateInFlightMs(): number {
  return env().FINPAY_TIMEOUT_MS + 15_000;
}

/**
 * "initiating" long after the initiate call must have ended: the process that made it died (or its answer was
 * lost) before it could record the payment link. Nobody can be shown that link, so the attempt is given up.
 */
export function isAbandoned(attempt: Pick<PaymentAttempt, "status" | "createdAt">, now = Date.now()): boolean {
  return attempt.status === "initiating" && now - attempt.createdAt.getTime() > initiateInFlightMs();
}

/** A link Finpay made that no customer may use (its attempt was given up meanwhile): cancel it at Finpay. */
export async function cancelUnclaimedLink(attempt: Pick<PaymentAttempt, "id" | "finpayOrderId">): Promise<boolean> {
  try {
    await finpayFor(attempt.id).cancel(attempt.finpayOrderId);
    return true;
  } catch (error) {
    if (isFinpayError(error) && error.kind === "not_found") return true;
    logger.warn("payment.unclaimed_link_cancel_failed", { attemptId: attempt.id, error });
    return false;
  }
}

export async function settleFromStatusCheck(attempt: PaymentAttempt): Promise<StatusCheckResult> {
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
    if (summary.outcome === "still_pending" && isAbandoned(attempt)) return giveUpAbandoned(attempt);
    return summary.outcome;
  } catch (error) {
    const orphan = isAbandoned(attempt) || Date.now() - attempt.createdAt.getTime() > ORPHAN_AFTER_MS;
    if (isFinpayError(error) && error.kind === "not_found" && orphan) {
      // Finpay never created it (the initiate call was lost): nobody can pay it, so it is over.
      const result = await changeStatus(attempt, "failed", { failureMessage: NEVER_OPENED });
      return result.changed ? "orphan_failed" : "unchanged";
    }
    logger.warn("payment.status_check_failed", { attemptId: attempt.id, error });
    return "check_failed";
  }
}

const NEVER_OPENED = storedFailure("neverOpened");

/** Finpay made the link but we never recorded it: cancel it there (confirmed) and close the attempt here. */
async function giveUpAbandoned(attempt: PaymentAttempt): Promise<StatusCheckResult> {
  if (!(await cancelUnclaimedLink(attempt))) return "check_failed";
  const result = await changeStatus(attempt, "cancelled", { finpayStatus: "CANCELLED", failureMessage: NEVER_OPENED });
  return result.changed ? "abandoned_cancelled" : "unchanged";
}

/**
 * Claims due attempts with one UPDATE ... WHERE id IN (SELECT ... FOR UPDATE SKIP LOCKED), stamping
 * last_checked_at, so that several instances running this at once never check the same attempt twice.
 * Due: live, and past its expiry, or abandoned while initiating, or older than RECONCILE_AFTER_SECONDS with no
 * callback processed (a callback answered 503, or one that said "pending", is no news: UNSETTLED_CALLBACK_OUTCOMES).
 * Finpay's retries of a failing callback span up to 111 minutes (lib/finpay/callback-retries.ts); this settles such a
 * payment at the next run after RECONCILE_AFTER_SECONDS (at most that long: lib/env-schema.ts), whatever the retries do. `scope` narrows it to one customer's order (the order page) or to one attempt (its follow-up job).
 */
type ClaimScope = { order: { id: string; userId: string } } | { attemptId: string };

export async function claimDueAttempts(limit: number, scope?: ClaimScope): Promise<PaymentAttempt[]> {
  const order = scope && "order" in scope ? scope.order : undefined;
  const db = await getDb();
  const after = env().RECONCILE_AFTER_SECONDS;
  const inFlightSeconds = initiateInFlightMs() / 1000;
  const due = db
    .select({ id: paymentAttempts.id })
    .from(paymentAttempts)
    .where(
      and(
        inArray(paymentAttempts.status, [...LIVE_STATUSES]),
        order
          ? sql`${paymentAttempts.orderId} = (select ${orders.id} from ${orders} where ${orders.id} = ${order.id} and ${orders.userId} = ${order.userId})`
          : undefined,
        scope && "attemptId" in scope ? eq(paymentAttempts.id, scope.attemptId) : undefined,
        or(isNull(paymentAttempts.lastCheckedAt), lt(paymentAttempts.lastCheckedAt, sql`now() - interval '30 seconds'`)),
        or(
          lt(paymentAttempts.expiresAt, sql`now()`),
          and(eq(paymentAttempts.status, "initiating"), lt(paymentAttempts.createdAt, sql`now() - make_interval(secs => ${inFlightSeconds})`)),
          and(
            lt(paymentAttempts.createdAt, sql`now() - make_interval(secs => ${after})`),
            sql`not exists (select 1 from ${paymentEvents} where ${paymentEvents.attemptId} = ${paymentAttempts.id} and ${paymentEvents.source} = 'callback' and ${paymentEvents.signatureValid} and ${notIn(paymentEvents.outcome, [...UNSETTLED_CALLBACK_OUTCOMES])})`,
          ),
        ),
      ),
    )
    .limit(limit)
    .for("update", { skipLocked: true });
  return db.update(paymentAttempts).set({ lastCheckedAt: new Date() }).where(inArray(paymentAttempts.id, due)).returning();
}

export async function reconcileDue(limit = 100): Promise<{ checked: number; outcomes: Partial<Record<StatusCheckResult, number>> }> {
  const attempts = await claimDueAttempts(limit);
  const outcomes: Partial<Record<StatusCheckResult, number>> = {};
  for (const attempt of attempts) {
    const outcome = await settleFromStatusCheck(attempt);
    outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
  }
  return { checked: attempts.length, outcomes };
}

/** On an order page view: settle the customer's live attempt if it is due. Cheap when nothing is due. */
export async function reconcileOrderIfDue(orderId: string, userId: string): Promise<void> {
  for (const attempt of await claimDueAttempts(5, { order: { id: orderId, userId } })) await settleFromStatusCheck(attempt);
}

/** The follow-up job of one new payment link (lib/jobs): settle it now if it is due, else leave it to the schedule. */
export async function reconcileAttemptIfDue(attemptId: string): Promise<string> {
  const [attempt] = await claimDueAttempts(1, { attemptId });
  return attempt ? settleFromStatusCheck(attempt) : "not_due";
}
