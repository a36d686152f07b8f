import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { paymentEvents, type PaymentAttempt } from "@/db/schema";
import { mapFinpayStatus, type FinpayTransaction } from "@/lib/finpay";
import { logger } from "@/lib/logger";
import { transitionOutcome, type PaymentEventOutcome } from "@/db/event-outcomes";
import type { TransitionOutcome } from "./state-machine";
import { classifyDecline, storedFailure } from "./messages";
import { changeStatus } from "./status-change";

/**
 * Acting on what Finpay says about a payment, whoever brought the news (a callback or a status check):
 * the amount and currency must match the attempt, the status is mapped to ours, and the state machine decides.
 */

export type OutcomeSummary = { outcome: PaymentEventOutcome; flagged: boolean; detail?: string; transition?: TransitionOutcome };

export function amountMismatch(attempt: Pick<PaymentAttempt, "amountIdr" | "currency">, transaction: FinpayTransaction): string | null {
  const amounts = [transaction.order.amount, transaction.result?.payment.amount].filter((a) => a !== null && a !== undefined).map(Number);
  const currency = transaction.order.currency ?? "IDR";
  if (amounts.some((amount) => amount !== attempt.amountIdr)) return `amount ${amounts.join("/")} does not match ${attempt.amountIdr}`;
  if (currency !== attempt.currency) return `currency ${currency} does not match ${attempt.currency}`;
  return null;
}

/** A decline as the attempt keeps it: the plain-words code, with the issuer's own words for the merchant. */
function declinedMessage(payment: { statusDesc?: string | null; userDesc?: string | null } | undefined): string {
  return storedFailure(classifyDecline(payment?.statusDesc, payment?.userDesc), payment?.statusDesc);
}

export async function applyTransaction(attempt: PaymentAttempt, transaction: FinpayTransaction): Promise<OutcomeSummary> {
  const mismatch = amountMismatch(attempt, transaction);
  if (mismatch) {
    logger.warn("payment.amount_mismatch", { attemptId: attempt.id, detail: mismatch });
    return { outcome: "amount_mismatch", flagged: true, detail: mismatch };
  }
  const status = transaction.result?.payment.status;
  const mapped = mapFinpayStatus(status);
  if (!mapped.known) logger.warn("payment.unknown_finpay_status", { attemptId: attempt.id, status });
  if (mapped.state === "pending") return { outcome: "still_pending", flagged: !mapped.known, detail: status ? `Finpay status ${status}` : undefined };
  // Finpay repeats callbacks. An attempt that already had this state when it was read cannot change (no transition
  // leads back into a state), so the locked transaction, three round trips, is skipped for the repeat.
  if (attempt.status === mapped.state) return { outcome: "duplicate", flagged: false };

  const transition = await changeStatus(attempt, mapped.state, {
    finpayStatus: status ?? null,
    failureMessage: mapped.state === "failed" ? declinedMessage(transaction.result?.payment) : undefined,
  });
  if (!transition.changed) return { outcome: transition.reason === "already_in_state" ? "duplicate" : "ignored_out_of_order", flagged: false, transition };
  if (transition.duplicatePayment) logger.error("payment.duplicate_payment", { attemptId: attempt.id, orderId: attempt.orderId });
  return {
    outcome: transition.duplicatePayment ? "duplicate_payment" : transitionOutcome(transition.from, transition.to),
    flagged: transition.duplicatePayment,
    transition,
  };
}

export async function recordEvent(values: typeof paymentEvents.$inferInsert): Promise<number> {
  const db = await getDb();
  const [row] = await db.insert(paymentEvents).values(values).returning({ id: paymentEvents.id });
  return row!.id;
}

export async function finishEvent(eventId: number, summary: OutcomeSummary): Promise<void> {
  const db = await getDb();
  await db.update(paymentEvents).set({ outcome: summary.outcome, flagged: summary.flagged, detail: summary.detail ?? null }).where(eq(paymentEvents.id, eventId));
}
