"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { errorState } from "@/lib/action-state";
import { requireMerchant } from "@/lib/auth/merchant";
import { hasUnsafeCharacters } from "@/lib/http/query-text";
import { formatIdr, parseRupiah, type RupiahInputError } from "@/lib/money";
import { refundPayment, voidPayment } from "@/lib/payments/money-back";
import { isUuid } from "@/lib/uuid";
import { formValue } from "@/lib/validation";
import { getMoneyBackSubject } from "./money-back-review";
import type { MoneyBackState } from "./money-back-state";
import { moneyBackMessage, type MoneyBackMessage } from "./money-back-text";

/**
 * The console's actions. Each checks the merchant again on the server (anyone else gets a 404): a form is not a
 * permission. Every sentence they return is translated here, at the boundary, into the merchant's language
 * (schemas carry `console.moneyBack.validation` keys).
 *
 * No one-click money back: a refund or void takes a typed reason, and the first submit only reviews. It answers
 * with the amount as read ("Refund Rp 1.000 for order 3F2A9C1B?"); money moves on the second submit, and only when
 * the amount it confirms (`confirmAmount`) is the amount the form still says.
 */

type ValidationKey =
  | "orderMissing"
  | "paymentMissing"
  | "reasonMissing"
  | "reasonTooLong"
  | "reasonInvalid"
  | "amountEmpty"
  | "amountFormat"
  | "amountDecimal"
  | "amountTooLarge"
  | "amountZero";
const VALIDATION_KEYS: readonly ValidationKey[] = ["orderMissing", "paymentMissing", "reasonMissing", "reasonTooLong", "reasonInvalid", "amountEmpty", "amountFormat", "amountDecimal", "amountTooLarge", "amountZero"];

const AMOUNT_ERRORS: Record<RupiahInputError, ValidationKey> = { empty: "amountEmpty", decimal: "amountDecimal", format: "amountFormat", tooLarge: "amountTooLarge" };

const ids = {
  orderId: z.string().refine(isUuid, "orderMissing" satisfies ValidationKey),
  attemptId: z.string().refine(isUuid, "paymentMissing" satisfies ValidationKey),
};
const reason = z
  .string()
  .trim()
  .min(1, "reasonMissing" satisfies ValidationKey)
  .max(200, "reasonTooLong" satisfies ValidationKey)
  .refine((value) => !hasUnsafeCharacters(value), "reasonInvalid" satisfies ValidationKey);

// lib/money.ts reads the amount (the one place rupiah typed by a person are read); its refusal names the forms it takes.
const amount = z
  .string()
  .transform((text, ctx) => {
    const parsed = parseRupiah(text);
    if (parsed.ok) return parsed.amount;
    ctx.addIssue({ code: "custom", message: AMOUNT_ERRORS[parsed.error] });
    return z.NEVER;
  })
  .refine((value) => value > 0, "amountZero" satisfies ValidationKey);

const refundForm = z.object({ ...ids, amount, reason });
const voidForm = z.object({ ...ids, reason });

/** The typed fields, echoed back on every answer but success, so a refused or reviewed form loses nothing. */
function read(formData: FormData, names: string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, (formValue(formData, name) ?? "").slice(0, 300)]));
}

async function invalid(error: z.ZodError, values: Record<string, string>): Promise<MoneyBackState> {
  const t = await getTranslations("console.moneyBack");
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = VALIDATION_KEYS.find((k) => k === issue.message) ?? "amountFormat";
    fieldErrors[String(issue.path[0])] ??= t(`validation.${key}`);
  }
  return errorState(t("correctFields"), fieldErrors, values);
}

async function say(message: MoneyBackMessage): Promise<string> {
  const t = await getTranslations("console.moneyBack");
  if (!("values" in message)) return t(message.key);
  if (message.key === "cannotVoidStatus" || message.key === "cannotRefundStatus") {
    const status = await getTranslations("common.status");
    return t(message.key, { status: status(message.values.status).toLowerCase() });
  }
  return t(message.key, message.values);
}

/** The confirmation step: nothing moves; the form asks the question with the amount as the server read it. */
async function review(kind: "refund" | "void", amountIdr: number, number: string, values: Record<string, string>, changed: boolean): Promise<MoneyBackState> {
  const t = await getTranslations("console.moneyBackForm");
  const amountText = formatIdr(amountIdr);
  return {
    // A confirmation that no longer matches the form is said, not silently reviewed again.
    status: changed ? "error" : "idle",
    message: changed ? t("amountChanged") : undefined,
    values,
    review: {
      amountIdr,
      question: t(kind === "void" ? "confirmVoid" : "confirmRefund", { amount: amountText, number }),
      confirm: t(kind === "void" ? "confirmVoidButton" : "confirmRefundButton", { amount: amountText }),
    },
  };
}

export async function refundAction(_previous: MoneyBackState, formData: FormData): Promise<MoneyBackState> {
  const merchant = await requireMerchant();
  const values = read(formData, ["orderId", "attemptId", "amount", "reason"]);
  const confirmed = formValue(formData, "confirmAmount");
  const form = refundForm.safeParse(values);
  if (!form.success) return invalid(form.error, values);
  const { orderId, attemptId, reason } = form.data;
  const subject = await getMoneyBackSubject(orderId, attemptId);
  if (!subject) return errorState(await say({ key: "notFound" }), undefined, values);
  if (form.data.amount > subject.leftIdr) {
    // Said before the question is asked: a merchant should not confirm a refund that cannot happen.
    const message = await say(subject.leftIdr > 0 ? { key: "overRemaining", values: { amount: formatIdr(subject.leftIdr) } } : { key: "nothingLeft" });
    return errorState(message, { amount: message }, values);
  }
  if (confirmed !== String(form.data.amount)) return review("refund", form.data.amount, subject.orderNumber, values, confirmed !== undefined && confirmed !== "");
  const result = await refundPayment(merchant, attemptId, form.data.amount, reason);
  revalidatePath(`/console/orders/${orderId}`);
  revalidatePath(`/orders/${orderId}`);
  const message = await say(await moneyBackMessage("refund", attemptId, result));
  if (!result.ok) return errorState(message, result.reason === "over_remaining" ? { amount: message } : undefined, values);
  return { status: "success", message };
}

export async function voidAction(_previous: MoneyBackState, formData: FormData): Promise<MoneyBackState> {
  const merchant = await requireMerchant();
  const values = read(formData, ["orderId", "attemptId", "reason"]);
  const confirmed = formValue(formData, "confirmAmount");
  const form = voidForm.safeParse(values);
  if (!form.success) return invalid(form.error, values);
  const { orderId, attemptId, reason } = form.data;
  const subject = await getMoneyBackSubject(orderId, attemptId);
  if (!subject) return errorState(await say({ key: "notFound" }), undefined, values);
  // A void gives back the whole payment: the merchant confirms that amount rather than typing it.
  if (confirmed !== String(subject.amountIdr)) return review("void", subject.amountIdr, subject.orderNumber, values, confirmed !== undefined && confirmed !== "");
  const result = await voidPayment(merchant, attemptId, reason);
  revalidatePath(`/console/orders/${orderId}`);
  revalidatePath(`/orders/${orderId}`);
  const message = await say(await moneyBackMessage("void", attemptId, result));
  return result.ok ? { status: "success", message } : errorState(message, undefined, values);
}
