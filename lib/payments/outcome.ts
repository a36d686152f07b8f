import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb, preparedFor } from "@/lib/db";
import { paymentEvents, type PaymentAttempt } from "@/db/schema";
import { mapFinpayStatus, type FinpayTransaction } from "@/lib/finpay";
import { logger } from "@/lib/logger";
import { transitionOutcome, type PaymentEventOutcome } from "@/db/event-outcomes";
import { noteFinpayStatus, type TransitionOutcome } from "./state-machine";
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
  if (attempt.status === mapped.state) {
    if (status && attempt.finpayStatus !== status) await noteFinpayStatus(attempt.id, mapped.state, status);
    return { outcome: "duplicate", flagged: false };
  }

  const transition = await changeStatus(attempt, mapped.state, {
    finpayStatus: status ?? null,
    failureMessage: mapped.state === "failed" ? declinedMessage(transaction.result?.payment) : undefined,
  });
  if (!transition.changed) {
    if (transition.reason === "already_in_state" && status) await noteFinpayStatus(attempt.id, mapped.state, status);
    return { outcome: transition.reason === "already_in_state" ? "duplicate" : "ignored_out_of_order", flagged: false, transition };
  }
  if (transition.duplicatePayment) logger.error("payment.duplicate_payment", { attemptId: attempt.id, orderId: attempt.orderId });
  return {
    outcome: transition.duplicatePayment ? "duplicate_payment" : transitionOutcome(transition.from, transition.to),
    flagged: transition.duplicatePayment,
    transition,
  };
}

/** Every column an event is written with: each call gives them all (null where it has none), so one prepared insert serves. */
type EventValues = Required<Omit<typeof paymentEvents.$inferInsert, "id" | "receivedAt">>;

const insertEvent = preparedFor((db) =>
  db
    .insert(paymentEvents)
    .values({
      attemptId: sql.placeholder("attemptId"),
      finpayOrderId: sql.placeholder("finpayOrderId"),
      source: sql.placeholder("source"),
      rawBody: sql.placeholder("rawBody"),
      signatureValid: sql.placeholder("signatureValid"),
      finpayStatus: sql.placeholder("finpayStatus"),
      outcome: sql.placeholder("outcome"),
      detail: sql.placeholder("detail"),
      flagged: sql.placeholder("flagged"),
      sourceAddress: sql.placeholder("sourceAddress"),
    })
    .returning({ id: paymentEvents.id })
    .prepare("insert_payment_event"),
);

const updateEventOutcome = preparedFor((db) =>
  db
    .update(paymentEvents)
    // Drizzle's types take placeholders in inserts and conditions, not in set(): wrapped in sql``, each is a plain
    // parameter (these columns need no encoding).
    .set({ outcome: sql`${sql.placeholder("outcome")}`, flagged: sql`${sql.placeholder("flagged")}`, detail: sql`${sql.placeholder("detail")}` })
    .where(eq(paymentEvents.id, sql.placeholder("id")))
    .prepare("finish_payment_event"),
);

export async function recordEvent(values: Pick<typeof paymentEvents.$inferInsert, "source" | "rawBody" | "outcome"> & Partial<EventValues>): Promise<number> {
  // Every placeholder needs a value: what the caller left out (or undefined) is written as the column's default would be.
  const full: EventValues = {
    attemptId: values.attemptId ?? null,
    finpayOrderId: values.finpayOrderId ?? null,
    source: values.source,
    rawBody: values.rawBody,
    signatureValid: values.signatureValid ?? null,
    finpayStatus: values.finpayStatus ?? null,
    outcome: values.outcome,
    detail: values.detail ?? null,
    flagged: values.flagged ?? false,
    sourceAddress: values.sourceAddress ?? null,
  };
  const [row] = await insertEvent(await getDb()).execute(full);
  return row!.id;
}

export async function finishEvent(eventId: number, summary: OutcomeSummary): Promise<void> {
  await updateEventOutcome(await getDb()).execute({ id: eventId, outcome: summary.outcome, flagged: summary.flagged, detail: summary.detail ?? null });
}
