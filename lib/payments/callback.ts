import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { paymentAttempts } from "@/db/schema";
import { env } from "@/lib/env";
import { CALLBACK_ACK, isFinpayError, parseCallback, verifyCallbackSignature, type FinpayTransaction } from "@/lib/finpay";
import { logger } from "@/lib/logger";
import { finpayFor } from "./gateway";
import { amountMismatch, applyTransaction, finishEvent, recordEvent } from "./outcome";

/** Finpay's callbacks are small; anything larger is refused before it is read in full. */
export const MAX_CALLBACK_BYTES = 64 * 1024;

export type CallbackReply = { status: number; body: Record<string, unknown> };

const reply = (status: number, responseMessage: string, responseCode: string): CallbackReply => ({ status, body: { responseCode, responseMessage } });
const ACK: CallbackReply = { status: 200, body: { ...CALLBACK_ACK } };

/** A failure on our side (database, or Finpay's status check unreachable): Finpay should send the callback again. */
export class TransientCallbackError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "TransientCallbackError";
  }
}

/**
 * POST /api/finpay/callback, after the route has read the raw body once. Order of work (Stripe's webhook lessons):
 * verify the signature on the raw bytes, parse, record the event, confirm with check-status, check the amount,
 * then let the state machine decide. 200 for processed, duplicate and unknown-but-valid callbacks; 401 forged;
 * 400 malformed; a thrown TransientCallbackError becomes 503 so that Finpay retries.
 */
export async function handleFinpayCallback(rawBody: string): Promise<CallbackReply> {
  const config = env();
  const parsed = parseCallback(rawBody);
  if (!parsed.ok && parsed.error.kind === "malformed_json") {
    await recordEvent({ source: "callback", rawBody, signatureValid: null, outcome: "malformed", flagged: true, detail: parsed.error.message });
    return reply(400, "Malformed JSON", "4000001");
  }
  const signature = verifyCallbackSignature(rawBody, config.FINPAY_MERCHANT_KEY);
  const claimedOrderId = parsed.ok ? parsed.payload.order.id : null;
  if (!signature.valid) {
    logger.warn("payment.callback_bad_signature", { reason: signature.reason, finpayOrderId: claimedOrderId });
    await recordEvent({ source: "callback", rawBody, finpayOrderId: claimedOrderId, signatureValid: false, outcome: "rejected_signature", flagged: true, detail: signature.reason });
    return reply(401, "Invalid signature", "4010000");
  }
  if (!parsed.ok) {
    await recordEvent({ source: "callback", rawBody, signatureValid: true, outcome: "malformed", flagged: true, detail: parsed.error.message });
    return reply(400, `Invalid callback: ${parsed.error.message}`, "4000001");
  }

  const payload = parsed.payload;
  const db = await getDb();
  const [attempt] = await db.select().from(paymentAttempts).where(eq(paymentAttempts.finpayOrderId, payload.order.id)).limit(1);
  const eventId = await recordEvent({
    attemptId: attempt?.id ?? null,
    finpayOrderId: payload.order.id,
    source: "callback",
    rawBody,
    signatureValid: true,
    finpayStatus: payload.result?.payment.status ?? null,
    outcome: attempt ? "received" : "unknown_order",
  });
  if (!attempt) {
    // Signed by Finpay but not ours to act on (another shop on the same merchant account, or a test): acknowledge.
    logger.warn("payment.callback_unknown_order", { finpayOrderId: payload.order.id });
    return ACK;
  }

  // A valid signature over a changed amount is still wrong: the callback's own amount must match too.
  const claimedMismatch = amountMismatch(attempt, payload);
  if (claimedMismatch) {
    logger.warn("payment.amount_mismatch", { attemptId: attempt.id, detail: claimedMismatch });
    await finishEvent(eventId, { outcome: "amount_mismatch", flagged: true, detail: claimedMismatch });
    return ACK;
  }

  let truth: FinpayTransaction = payload;
  if (config.FINPAY_CONFIRM_CALLBACKS) {
    try {
      truth = (await finpayFor(attempt.id).checkStatus(attempt.finpayOrderId)).data;
    } catch (error) {
      if (isFinpayError(error) && error.kind === "not_found") {
        await finishEvent(eventId, { outcome: "not_confirmed", flagged: true, detail: "check-status does not know this order" });
        return ACK;
      }
      throw new TransientCallbackError("check-status failed", { cause: error });
    }
    const claimed = payload.result?.payment.status;
    const confirmed = truth.result?.payment.status;
    if (claimed && confirmed && claimed !== confirmed) {
      logger.warn("payment.callback_status_differs", { attemptId: attempt.id, claimed, confirmed });
    }
  }
  const summary = await applyTransaction(attempt, truth);
  await finishEvent(eventId, summary);
  logger.info("payment.callback_processed", { attemptId: attempt.id, finpayOrderId: attempt.finpayOrderId, outcome: summary.outcome });
  return ACK;
}
