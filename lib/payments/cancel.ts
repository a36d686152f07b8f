import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { paymentAttempts, type PaymentStatus } from "@/db/schema";
import { isFinpayError } from "@/lib/finpay";
import { logger } from "@/lib/logger";
import { finpayFor } from "./gateway";
import { describeGatewayFailure, failureText, refusalText, type PaymentText } from "./messages";
import { isAbandoned, settleFromStatusCheck } from "./reconcile";
import { LIVE_STATUSES } from "./state-machine";
import { changeStatus } from "./status-change";

/** What became of "cancel every link of this order that could still be paid". Only `cancelled` lets a new one start. */
export type CancelResult =
  /** Nothing on the order can be paid any more (or nothing was open). */
  | { kind: "cancelled" }
  /** Finpay had already taken the money: the order is now recorded as paid, and nothing was cancelled. */
  | { kind: "already_paid" }
  /** A payment is being started right now (its initiate call is in flight): try again in a moment. */
  | { kind: "in_progress"; message: PaymentText }
  /** Finpay did not confirm the cancel: the link may still be payable, so nothing new may start. */
  | { kind: "failed"; message: PaymentText };

const isLive = (status: PaymentStatus | undefined) => status !== undefined && (LIVE_STATUSES as readonly PaymentStatus[]).includes(status);

/**
 * Cancels, at Finpay and here, every attempt of the order that could still be paid. A cancel counts only when
 * Finpay confirms it (or does not know the payment at all); when Finpay refuses, check-status says why, and a
 * payment it had captured is recorded as paid.
 */
export async function cancelLiveAttempts(orderId: string): Promise<CancelResult> {
  const db = await getDb();
  const live = await db
    .select()
    .from(paymentAttempts)
    .where(and(eq(paymentAttempts.orderId, orderId), inArray(paymentAttempts.status, [...LIVE_STATUSES])));
  for (const attempt of live) {
    if (attempt.status === "initiating") {
      // Its initiate call may still be on its way to Finpay: cancelling now could race the link being made.
      if (!isAbandoned(attempt)) return { kind: "in_progress", message: refusalText("cancelWhileStarting") };
      await settleFromStatusCheck(attempt);
    } else {
      try {
        await finpayFor(attempt.id).cancel(attempt.finpayOrderId);
        await changeStatus(attempt, "cancelled", { finpayStatus: "CANCELLED" });
        continue;
      } catch (error) {
        if (isFinpayError(error) && error.kind === "not_found") {
          // Finpay never created it: nobody can pay it.
          await changeStatus(attempt, "cancelled", { finpayStatus: "CANCELLED" });
          continue;
        }
        if (!(isFinpayError(error) && error.kind === "rejected")) {
          logger.warn("payment.cancel_failed", { attemptId: attempt.id, error });
          return { kind: "failed", message: failureText(describeGatewayFailure(error)) };
        }
        // Refused: it is no longer open at Finpay. Ask what became of it.
        await settleFromStatusCheck(attempt);
      }
    }
    const [now] = await db.select({ status: paymentAttempts.status }).from(paymentAttempts).where(eq(paymentAttempts.id, attempt.id));
    if (now?.status === "paid") return { kind: "already_paid" };
    if (isLive(now?.status)) return { kind: "failed", message: refusalText("cancelNotConfirmed") };
  }
  return { kind: "cancelled" };
}
