import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { paymentAttempts } from "@/db/schema";
import { env } from "@/lib/env";
import { describeVoidForm } from "@/lib/finpay";
import { moneyBackRefusal } from "@/lib/finpay";
import { formatIdr } from "@/lib/money";
import { remainingRefundable, type MoneyBackResult } from "@/lib/payments/money-back";
import type { PaymentStatus } from "@/lib/statuses";

/**
 * lib/payments/money-back.ts answers with a reason code and an English sentence for logs and the audit trail. The
 * console shows the merchant a sentence in their language instead: this module turns a result into a message key
 * of `console.moneyBack` and its values (pure data, no next-intl: the action translates it).
 */
export type MoneyBackMessage =
  | { key: "refunded" | "voided" | "overRemaining" | "cannotVoidGoneBack"; values: { amount: string } }
  | { key: "cannotVoidStatus" | "cannotRefundStatus"; values: { status: PaymentStatus } }
  | { key: "refundRefused" | "voidRefused"; values: { message: string } }
  | { key: "voidFormRefused"; values: { form: string } }
  | { key: "voidRefusedStatus" | "voidRefusedNotPaid" | "refundRefusedStatus" | "refundRefusedAmount" }
  | { key: "notFound" | "invalidAmount" | "nothingLeft" | "alreadyVoided" | "refundUnknown" | "voidUnknown" };

/** The attempt as it is now, read after the refusal: what is left and its status name the refusal exactly. */
async function attemptNow(attemptId: string): Promise<{ status: PaymentStatus; amountIdr: number; leftIdr: number } | undefined> {
  const db = await getDb();
  const [attempt] = await db.select({ id: paymentAttempts.id, status: paymentAttempts.status, amountIdr: paymentAttempts.amountIdr }).from(paymentAttempts).where(eq(paymentAttempts.id, attemptId));
  if (!attempt) return undefined;
  return { status: attempt.status, amountIdr: attempt.amountIdr, leftIdr: await remainingRefundable(attempt) };
}

export async function moneyBackMessage(kind: "refund" | "void", attemptId: string, result: MoneyBackResult): Promise<MoneyBackMessage> {
  if (result.ok) return { key: kind === "void" ? "voided" : "refunded", values: { amount: formatIdr(result.refund.amountIdr) } };
  switch (result.reason) {
    case "invalid_amount":
      return { key: "invalidAmount" };
    case "gateway_refused":
      return gatewayRefusal(kind, result.refund?.finpayResponseCode, result.refund?.finpayMessage);
    case "gateway_unknown":
      return { key: kind === "void" ? "voidUnknown" : "refundUnknown" };
    case "void_form_refused":
      return { key: "voidFormRefused", values: { form: describeVoidForm(env().FINPAY_VOID_FORM) } };
    default:
      break;
  }
  const attempt = await attemptNow(attemptId);
  if (!attempt || result.reason === "not_found") return { key: "notFound" };
  if (result.reason === "over_remaining") {
    return attempt.leftIdr > 0 ? { key: "overRemaining", values: { amount: formatIdr(attempt.leftIdr) } } : { key: "nothingLeft" };
  }
  if (result.reason === "already_refunded") {
    return { key: "cannotVoidGoneBack", values: { amount: formatIdr(attempt.amountIdr - attempt.leftIdr) } };
  }
  // not_refundable
  if (kind === "void" && attempt.status === "voided") return { key: "alreadyVoided" };
  return { key: kind === "void" ? "cannotVoidStatus" : "cannotRefundStatus", values: { status: attempt.status } };
}

/** Finpay's refusal in the merchant's words when its code says why; its own wording only for a code nobody knows. */
function gatewayRefusal(kind: "refund" | "void", code: string | null | undefined, message: string | null | undefined): MoneyBackMessage {
  const refusal = moneyBackRefusal(code);
  if (kind === "void") {
    if (refusal === "invalid_status") return { key: "voidRefusedStatus" };
    if (refusal === "not_permitted") return { key: "voidRefusedNotPaid" };
  } else {
    if (refusal === "invalid_status" || refusal === "not_permitted") return { key: "refundRefusedStatus" };
    if (refusal === "invalid_amount") return { key: "refundRefusedAmount" };
  }
  return { key: kind === "void" ? "voidRefused" : "refundRefused", values: { message: message ?? "—" } };
}
