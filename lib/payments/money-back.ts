import "server-only";
import { and, asc, eq, ne, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { merchantActions, paymentAttempts, refunds, type PaymentAttempt, type Refund, type RefundKind } from "@/db/schema";
import { isUniqueViolation } from "@/lib/db-errors";
import { queueRefundEmail } from "@/lib/email/outbox";
import { describeVoidForm, isFinpayError, isVoidFormRefused } from "@/lib/finpay";
import { formatIdr } from "@/lib/money";
import { logger } from "@/lib/logger";
import { finpayFor } from "./gateway";
import { changeStatus } from "./status-change";

/**
 * Giving money back: a refund (part or all of what is left) or a void (the whole payment, before settlement), both
 * through Finpay (lib/finpay/money-back.ts holds the assumptions about its API).
 *
 * The amount is reserved before Finpay is called: a `refunds` row is inserted while the attempt row is locked
 * (`SELECT … FOR UPDATE`), after summing every refund that is not known to have failed. Concurrent clicks, on any
 * number of app instances, queue on that lock, so the sum given back can never exceed the amount paid. A refund
 * whose answer was lost (timeout, network) stays reserved as "unknown": sending it again could refund twice.
 * Status changes go through the state machine (via status-change.ts), like every other payment status change.
 */

export interface MerchantActor {
  id: string;
  email: string;
}

export type MoneyBackRefusal =
  | "invalid_amount"
  | "not_found"
  | "not_refundable"
  | "over_remaining"
  | "already_refunded"
  | "gateway_refused"
  | "gateway_unknown"
  // The host does not take a void in the form this shop sends (FINPAY_VOID_FORM): nothing was voided.
  | "void_form_refused";

export type MoneyBackResult = { ok: true; refund: Refund; message: string } | { ok: false; reason: MoneyBackRefusal; message: string; refund?: Refund };

type Db = Awaited<ReturnType<typeof getDb>>;
type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** Everything given back or on its way back on an attempt: every refund and void not known to have failed. */
async function reservedAmount(db: Db | Tx, attemptId: string): Promise<number> {
  const [row] = await db
    .select({ total: sql<number>`coalesce(sum(${refunds.amountIdr}), 0)::int` })
    .from(refunds)
    .where(and(eq(refunds.attemptId, attemptId), ne(refunds.status, "failed")));
  return row?.total ?? 0;
}

/** What can still go back on an attempt. */
export async function remainingRefundable(attempt: Pick<PaymentAttempt, "id" | "amountIdr">): Promise<number> {
  return attempt.amountIdr - (await reservedAmount(await getDb(), attempt.id));
}

const REFUNDABLE: readonly PaymentAttempt["status"][] = ["paid", "partly_refunded"];

type Reservation = { ok: true; attempt: PaymentAttempt; refund: Refund } | { ok: false; reason: MoneyBackRefusal; message: string; attempt?: PaymentAttempt };

/** The locked check-and-insert: the only place a refund or void is allowed to start. */
async function reserve(actor: MerchantActor, attemptId: string, kind: RefundKind, amount: number | "all", reason: string | null): Promise<Reservation> {
  const db = await getDb();
  try {
    return await db.transaction(async (tx): Promise<Reservation> => {
      const [attempt] = await tx.select().from(paymentAttempts).where(eq(paymentAttempts.id, attemptId)).for("update");
      if (!attempt) return { ok: false, reason: "not_found", message: "Payment not found." };
      const reserved = await reservedAmount(tx, attemptId);
      const left = attempt.amountIdr - reserved;
      if (kind === "void") {
        if (reserved > 0) {
          const message = `This payment cannot be voided: ${formatIdr(reserved)} of it has already gone back${attempt.status === "voided" ? " (it was voided)" : ""}.`;
          return { ok: false, reason: "already_refunded", message, attempt };
        }
        if (attempt.status !== "paid") {
          return { ok: false, reason: "not_refundable", message: `This payment cannot be voided: it is ${attempt.status.replace("_", " ")}.`, attempt };
        }
      } else {
        if (!REFUNDABLE.includes(attempt.status)) {
          return { ok: false, reason: "not_refundable", message: `This payment cannot be refunded: it is ${attempt.status.replace("_", " ")}.`, attempt };
        }
        if (amount !== "all" && amount > left) {
          const message = left === 0 ? "Nothing is left to refund on this payment." : `Only ${formatIdr(left)} is left to refund on this payment.`;
          return { ok: false, reason: "over_remaining", message, attempt };
        }
      }
      const [refund] = await tx
        .insert(refunds)
        .values({ attemptId, orderId: attempt.orderId, kind, amountIdr: amount === "all" ? left : amount, reason, requestedBy: actor.id })
        .returning();
      return { ok: true, attempt, refund: refund! };
    });
  } catch (error) {
    // The lock makes this unreachable in practice; the index is the database's own word on "one void per payment".
    if (isUniqueViolation(error, "refunds_one_void_per_attempt")) return { ok: false, reason: "not_refundable", message: "This payment has already been voided." };
    throw error;
  }
}

/** Refunds `amountIdr` of a paid payment through Finpay. */
export async function refundPayment(actor: MerchantActor, attemptId: string, amountIdr: number, reason: string | null = null): Promise<MoneyBackResult> {
  if (!Number.isSafeInteger(amountIdr) || amountIdr <= 0) {
    const result = { ok: false, reason: "invalid_amount", message: "Enter an amount in whole rupiah, more than 0." } as const;
    await audit(actor, "refund", null, result, amountIdr);
    return result;
  }
  return giveBack(actor, attemptId, "refund", amountIdr, reason);
}

/** Voids a paid, unsettled payment through Finpay: the whole amount goes back, nothing was settled. */
export async function voidPayment(actor: MerchantActor, attemptId: string, reason: string | null = null): Promise<MoneyBackResult> {
  return giveBack(actor, attemptId, "void", "all", reason);
}

async function giveBack(actor: MerchantActor, attemptId: string, kind: RefundKind, amount: number | "all", reason: string | null): Promise<MoneyBackResult> {
  const reservation = await reserve(actor, attemptId, kind, amount, reason);
  if (!reservation.ok) {
    await audit(actor, kind, reservation.attempt ?? null, reservation, amount === "all" ? null : amount);
    return { ok: false, reason: reservation.reason, message: reservation.message };
  }
  const { attempt, refund } = reservation;
  const finpay = finpayFor(attempt.id);
  try {
    const answer = kind === "void" ? await finpay.void(attempt.finpayOrderId) : await finpay.refund(attempt.finpayOrderId, refund.amountIdr);
    const done = await finishRefund(refund.id, "succeeded", answer.responseCode, answer.responseMessage);
    await changeStatus(attempt, kind === "void" ? "voided" : await refundedState(attempt));
    const message = kind === "void" ? `The payment of ${formatIdr(done.amountIdr)} was voided.` : `${formatIdr(done.amountIdr)} was refunded.`;
    const result = { ok: true, refund: done, message } as const;
    await audit(actor, kind, attempt, result, done.amountIdr);
    logger.info("payment.money_back", { kind, attemptId: attempt.id, refundId: done.id, amountIdr: done.amountIdr, actorId: actor.id });
    return result;
  } catch (error) {
    if (!isFinpayError(error)) throw error;
    if (kind === "void" && isVoidFormRefused(error)) return voidFormRefused(actor, attempt, refund.id, describeVoidForm(finpay.voidForm), error.httpStatus);
    // A lost answer may still have been a refund at Finpay: keep the amount reserved rather than risk giving it twice.
    const unknown = error.kind === "timeout" || error.kind === "network" || error.kind === "gateway" || error.kind === "malformed_response";
    const done = await finishRefund(refund.id, unknown ? "unknown" : "failed", error.responseCode ?? null, error.responseMessage ?? error.message);
    const message = unknown
      ? `Finpay did not confirm the ${kind}. Check the payment in Finpay's dashboard before trying again; the amount stays reserved.`
      : `Finpay refused the ${kind}: ${error.responseMessage ?? error.message}.${kind === "void" ? " A payment that has been settled can be refunded instead." : ""}`;
    const result = { ok: false, reason: unknown ? "gateway_unknown" : "gateway_refused", message, refund: done } as const;
    await audit(actor, kind, attempt, result, done.amountIdr);
    logger.warn("payment.money_back_failed", { kind, attemptId: attempt.id, refundId: done.id, errorKind: error.kind, responseCode: error.responseCode });
    return result;
  }
}

/**
 * The host answered the void like a route it does not have (lib/finpay/money-back.ts): the configured form is the
 * wrong guess for this host. Nothing was voided, so nothing stays reserved; the merchant is told how to find out.
 */
async function voidFormRefused(actor: MerchantActor, attempt: PaymentAttempt, refundId: string, form: string, httpStatus: number | undefined): Promise<MoneyBackResult> {
  const done = await finishRefund(refundId, "failed", null, `the host does not offer ${form} (HTTP ${httpStatus ?? "?"})`);
  const message = `Finpay's host does not take a void as ${form}. Nothing was voided: run npm run finpay:check to see which form it takes, and set FINPAY_VOID_FORM.`;
  const result = { ok: false, reason: "void_form_refused", message, refund: done } as const;
  await audit(actor, "void", attempt, result, done.amountIdr);
  logger.error("payment.void_form_refused", { attemptId: attempt.id, refundId, form, httpStatus });
  return result;
}

/** "refunded" once everything Finpay confirmed adds up to the amount paid, else "partly_refunded". */
async function refundedState(attempt: PaymentAttempt): Promise<"refunded" | "partly_refunded"> {
  const db = await getDb();
  const [row] = await db
    .select({ total: sql<number>`coalesce(sum(${refunds.amountIdr}), 0)::int` })
    .from(refunds)
    .where(and(eq(refunds.attemptId, attempt.id), eq(refunds.status, "succeeded")));
  return (row?.total ?? 0) >= attempt.amountIdr ? "refunded" : "partly_refunded";
}

/** Records how a refund or void ended; one Finpay confirmed is told to the customer by email, in the same transaction. */
async function finishRefund(refundId: string, status: Refund["status"], code: string | null, message: string | null): Promise<Refund> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(refunds)
      .set({ status, finpayResponseCode: code, finpayMessage: message, completedAt: new Date() })
      .where(eq(refunds.id, refundId))
      .returning();
    if (status === "succeeded") await queueRefundEmail({ refundId: row!.id, orderId: row!.orderId, amountIdr: row!.amountIdr, kind: row!.kind }, tx);
    return row!;
  });
}

/** The audit trail: who asked for what and when, and how it ended, refusals included. */
async function audit(actor: MerchantActor, action: RefundKind, attempt: PaymentAttempt | null, result: { ok: boolean; message: string; reason?: string; refund?: Refund }, amountIdr: number | null) {
  const db = await getDb();
  await db.insert(merchantActions).values({
    actorId: actor.id,
    actorEmail: actor.email,
    action,
    orderId: attempt?.orderId ?? null,
    attemptId: attempt?.id ?? null,
    refundId: result.refund?.id ?? null,
    amountIdr: amountIdr !== null && Number.isSafeInteger(amountIdr) && Math.abs(amountIdr) < 2 ** 31 ? amountIdr : null,
    outcome: result.ok ? "succeeded" : (result.reason ?? "failed"),
    detail: result.message,
  });
}

/** Every refund and void of an order, oldest first (the customer's order page and the console). */
export async function listRefunds(orderId: string): Promise<Refund[]> {
  const db = await getDb();
  return db.select().from(refunds).where(eq(refunds.orderId, orderId)).orderBy(asc(refunds.createdAt));
}

/** What the customer sees: only money that Finpay confirmed went back. */
export async function confirmedRefunds(orderId: string): Promise<Refund[]> {
  const db = await getDb();
  return db
    .select()
    .from(refunds)
    .where(and(eq(refunds.orderId, orderId), eq(refunds.status, "succeeded")))
    .orderBy(asc(refunds.createdAt));
}
