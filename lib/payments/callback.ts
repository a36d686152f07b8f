import "server-only";
import { and, count, eq, gt, inArray, sql } from "drizzle-orm";
import { getDb, preparedFor } from "@/lib/db";
import { paymentAttempts, paymentEvents } from "@/db/schema";
import { env } from "@/lib/env";
import { CALLBACK_ACK, isFinpayError, mapFinpayStatus, parseCallback, verifyCallbackSignature, type FinpayTransaction } from "@/lib/finpay";
import { logger } from "@/lib/logger";
import { UNTRUSTED_OUTCOMES } from "@/db/event-outcomes";
import { finpayFor } from "./gateway";
import { amountMismatch, applyTransaction, finishEvent, recordEvent, type OutcomeSummary } from "./outcome";

/** Finpay's callbacks are small; anything larger is refused before it is read in full. */
export const MAX_CALLBACK_BYTES = 64 * 1024;

/** A refused body is kept as evidence up to this many characters: enough to see what it was, not a free store. */
export const REFUSED_BODY_MAX_CHARS = 4 * 1024;

/**
 * Unsigned or unreadable callbacks stored per source address and minute; past it they are answered the same but only
 * logged, so a flood of forgeries cannot fill the database. Finpay's own callbacks are signed and never count.
 */
export const UNTRUSTED_EVENTS_PER_ADDRESS_PER_MINUTE = 20;

/** Where a callback came from, as the route saw it. */
export interface CallbackSource {
  /** lib/auth/client-ip.ts's answer; null when unknown (all unknown senders then share one allowance). */
  sourceAddress?: string | null;
}

export type CallbackReply = { status: number; body: Record<string, unknown> };

const attemptByFinpayOrderId = preparedFor((db) =>
  db.select().from(paymentAttempts).where(eq(paymentAttempts.finpayOrderId, sql.placeholder("finpayOrderId"))).limit(1).prepare("attempt_by_finpay_order_id"),
);

/**
 * Finpay waits 30 s for our reply and asks for one within 5 s (lib/finpay/callback-retries.ts). Check-status is the
 * one call on this path that can be slow; past this it is given up and the callback answered 503, so Finpay sends it
 * again a minute later and the payment is confirmed then (or by reconciliation).
 */
export const CONFIRM_TIMEOUT_MS = 3_000;

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
 * then let the state machine decide. The answers fit Finpay's retries (lib/finpay/callback-retries.ts): 200 for
 * processed, duplicate and unknown-but-valid callbacks (final); 401 forged and 400 malformed, which no second
 * delivery could change; a thrown TransientCallbackError (database, check-status) becomes 503 so that Finpay retries.
 */
export async function handleFinpayCallback(rawBody: string, from: CallbackSource = {}): Promise<CallbackReply> {
  const config = env();
  const sourceAddress = from.sourceAddress ?? null;
  const parsed = parseCallback(rawBody);
  if (!parsed.ok && parsed.error.kind === "malformed_json") {
    await recordRefused({ rawBody, sourceAddress, signatureValid: null, outcome: "malformed", detail: parsed.error.message }, "untrusted");
    return reply(400, "Malformed JSON", "4000001");
  }
  const signature = verifyCallbackSignature(rawBody, config.FINPAY_MERCHANT_KEY);
  const claimedOrderId = parsed.ok ? parsed.payload.order.id : null;
  if (!signature.valid) {
    logger.warn("payment.callback_bad_signature", { reason: signature.reason, finpayOrderId: claimedOrderId, sourceAddress });
    await recordRefused({ rawBody, sourceAddress, finpayOrderId: claimedOrderId, signatureValid: false, outcome: "rejected_signature", detail: signature.reason }, "untrusted");
    return reply(401, "Invalid signature", "4010000");
  }
  if (!parsed.ok) {
    logger.warn("payment.callback_invalid_payload", { detail: parsed.error.message.slice(0, 500), sourceAddress });
    await recordRefused({ rawBody, sourceAddress, signatureValid: true, outcome: "invalid_payload", detail: parsed.error.message }, "signed");
    return reply(400, `Invalid callback: ${parsed.error.message}`.slice(0, 500), "4000001");
  }

  const payload = parsed.payload;
  const [attempt] = await attemptByFinpayOrderId(await getDb()).execute({ finpayOrderId: payload.order.id });
  const eventId = await recordEvent({
    attemptId: attempt?.id ?? null,
    finpayOrderId: payload.order.id,
    source: "callback",
    rawBody: storableText(rawBody),
    sourceAddress,
    signatureValid: true,
    finpayStatus: payload.result?.payment.status ?? null,
    outcome: attempt ? "received" : "unknown_order",
  });
  // [TOLERANT:unknown-statuses] A status this shop does not know is reported (log + flagged event) and acts as "pending" (statuses.ts).
  const claimedStatus = mapFinpayStatus(payload.result?.payment.status);
  const unknownStatus = payload.result && !claimedStatus.known ? claimedStatus.status : null;
  if (unknownStatus) logger.warn("payment.unknown_finpay_status", { finpayOrderId: payload.order.id, status: unknownStatus, source: "callback" });
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
      truth = (await finpayFor(attempt.id, { maxTimeoutMs: CONFIRM_TIMEOUT_MS }).checkStatus(attempt.finpayOrderId)).data;
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
  await finishEvent(eventId, unknownStatus ? reportUnknownStatus(summary, unknownStatus) : summary);
  logger.info("payment.callback_processed", { attemptId: attempt.id, finpayOrderId: attempt.finpayOrderId, outcome: summary.outcome });
  return ACK;
}

function reportUnknownStatus(summary: OutcomeSummary, status: string): OutcomeSummary {
  const note = `the callback carried a status this shop does not know: ${status}`;
  return { ...summary, flagged: true, detail: summary.detail ? `${summary.detail}; ${note}` : note };
}

/** PostgreSQL text cannot hold NUL; it is kept visible as the JSON escape it would have been. */
function storableText(text: string): string {
  return text.includes("\u0000") ? text.replaceAll("\u0000", "\\u0000") : text;
}

type RefusedEvent = Required<Pick<typeof paymentEvents.$inferInsert, "rawBody" | "signatureValid" | "outcome">> &
  Pick<typeof paymentEvents.$inferInsert, "finpayOrderId" | "detail" | "sourceAddress">;

/**
 * Stores a refused callback as bounded evidence: its body cut to REFUSED_BODY_MAX_CHARS (the detail says how long it
 * was) and, for bodies nobody signed, at most UNTRUSTED_EVENTS_PER_ADDRESS_PER_MINUTE per source address. The count
 * and the insert are two statements, so concurrent floods may pass the limit by their concurrency: a bound, not a quota.
 */
async function recordRefused(event: RefusedEvent, trust: "signed" | "untrusted"): Promise<void> {
  try {
    await storeRefused(event, trust);
  } catch (error) {
    // The refusal stands without its evidence: a 503 here would have Finpay retry a body no retry can make valid.
    logger.error("payment.callback_evidence_not_stored", { outcome: event.outcome, sourceAddress: event.sourceAddress, error });
  }
}

async function storeRefused(event: RefusedEvent, trust: "signed" | "untrusted"): Promise<void> {
  const db = await getDb();
  if (trust === "untrusted") {
    const [recent] = await db
      .select({ n: count() })
      .from(paymentEvents)
      .where(
        and(
          event.sourceAddress ? eq(paymentEvents.sourceAddress, event.sourceAddress) : sql`${paymentEvents.sourceAddress} is null`,
          gt(paymentEvents.receivedAt, sql`now() - interval '1 minute'`),
          inArray(paymentEvents.outcome, [...UNTRUSTED_OUTCOMES]),
        ),
      );
    if ((recent?.n ?? 0) >= UNTRUSTED_EVENTS_PER_ADDRESS_PER_MINUTE) {
      logger.warn("payment.callback_evidence_throttled", { sourceAddress: event.sourceAddress, outcome: event.outcome, bytes: event.rawBody.length });
      return;
    }
  }
  const cut = event.rawBody.length > REFUSED_BODY_MAX_CHARS;
  const detail = [event.detail, cut ? `body cut to ${REFUSED_BODY_MAX_CHARS} of ${event.rawBody.length} characters` : null].filter(Boolean).join("; ");
  await recordEvent({
    source: "callback",
    ...event,
    // An order id we could not have issued is kept only as far as the column allows.
    finpayOrderId: event.finpayOrderId ? storableText(event.finpayOrderId).slice(0, 64) : null,
    rawBody: storableText(cut ? event.rawBody.slice(0, REFUSED_BODY_MAX_CHARS) : event.rawBody),
    detail: detail ? storableText(detail).slice(0, 2_000) : null,
    flagged: true,
  });
}
