"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { errorState, type ActionState } from "@/lib/action-state";
import { requireMerchant } from "@/lib/auth/merchant";
import { isUuid } from "@/lib/uuid";
import { refundPayment, voidPayment } from "@/lib/payments/money-back";
import { moneyBackMessage, type MoneyBackMessage } from "./money-back-text";

/**
 * The console's actions. Each checks the merchant again on the server (a customer gets a 404, a signed-out
 * visitor is sent to sign-in): a form is not a permission. Every sentence they return is translated here, at the
 * boundary, into the merchant's language (schemas carry `console.moneyBack.validation` keys).
 */

type ValidationKey = "orderMissing" | "paymentMissing" | "reasonTooLong" | "amountFormat" | "amountZero";
const VALIDATION_KEYS: readonly ValidationKey[] = ["orderMissing", "paymentMissing", "reasonTooLong", "amountFormat", "amountZero"];

const ids = {
  orderId: z.string().refine(isUuid, "orderMissing" satisfies ValidationKey),
  attemptId: z.string().refine(isUuid, "paymentMissing" satisfies ValidationKey),
};
const reason = z.string().trim().max(200, "reasonTooLong" satisfies ValidationKey);

// "150.000", "150000" and "Rp 150.000" all mean 150,000 rupiah; anything else is named as wrong.
const amount = z
  .string()
  .trim()
  .transform((v) => v.replace(/^rp\s*/i, "").replace(/[.\s]/g, ""))
  .pipe(z.string().regex(/^\d{1,12}$/, "amountFormat" satisfies ValidationKey).transform(Number))
  .refine((v) => v > 0, "amountZero" satisfies ValidationKey);

const refundForm = z.object({ ...ids, amount, reason });
const voidForm = z.object({ ...ids, reason });

function read(formData: FormData, names: string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, String(formData.get(name) ?? "").slice(0, 300)]));
}

async function invalid(error: z.ZodError, values: Record<string, string>): Promise<ActionState> {
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

export async function refundAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const values = read(formData, ["orderId", "attemptId", "amount", "reason"]);
  const merchant = await requireMerchant(isUuid(values.orderId!) ? `/console/orders/${values.orderId}` : "/console/orders");
  const form = refundForm.safeParse(values);
  if (!form.success) return invalid(form.error, values);
  const result = await refundPayment(merchant, form.data.attemptId, form.data.amount, form.data.reason || null);
  revalidatePath(`/console/orders/${form.data.orderId}`);
  revalidatePath(`/orders/${form.data.orderId}`);
  const message = await say(await moneyBackMessage("refund", form.data.attemptId, result));
  if (!result.ok) return errorState(message, result.reason === "over_remaining" ? { amount: message } : undefined, values);
  return { status: "success", message };
}

export async function voidAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const values = read(formData, ["orderId", "attemptId", "reason"]);
  const merchant = await requireMerchant(isUuid(values.orderId!) ? `/console/orders/${values.orderId}` : "/console/orders");
  const form = voidForm.safeParse(values);
  if (!form.success) return invalid(form.error, values);
  const result = await voidPayment(merchant, form.data.attemptId, form.data.reason || null);
  revalidatePath(`/console/orders/${form.data.orderId}`);
  revalidatePath(`/orders/${form.data.orderId}`);
  const message = await say(await moneyBackMessage("void", form.data.attemptId, result));
  return result.ok ? { status: "success", message } : errorState(message, undefined, values);
}
