"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { errorState, type ActionState } from "@/lib/action-state";
import { clientIp } from "@/lib/auth/client-ip";
import { requireUser } from "@/lib/auth/session";
import type { DeliveryRequest } from "@/lib/delivery/quote";
import type { PaymentDevice } from "@/lib/finpay";
import { isUserFacingError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { isUuid, UUID_PATTERN } from "@/lib/uuid";
import { cancelLiveAttempts } from "./cancel";
import { payAgain, startCheckout, startOver, type PaymentChoice, type StartPaymentResult } from "./checkout";
import { getOrderForUser, latestAttempt } from "./queries";
import { orderNoticeUrl } from "./order-notices";
import { canCheckStatus } from "./order-states";
import { paymentTextOf } from "./texts";
import { settleFromStatusCheck } from "./reconcile";
import { removeSavedCard } from "./saved-cards";

// The browser names a saved card by our id only ("card:<uuid>"); the token never leaves the server. The messages
// are keys of payments.form, translated by the action.
const paymentFormSchema = z.object({
  idempotencyKey: z.string().refine(isUuid, "expired"),
  // A well-formed UUID only: anything else would reach the uuid column and fail there as a server error.
  choice: z.string().regex(new RegExp(`^(new|card:${UUID_PATTERN})$`, "i"), "chooseHow"),
  saveCard: z.enum(["on"]).optional(),
});

function paymentChoice(form: z.output<typeof paymentFormSchema>): PaymentChoice {
  if (form.choice.startsWith("card:")) return { method: "two_click", savedCardId: form.choice.slice(5) };
  return { method: form.saveCard ? "basic_save_card" : "basic" };
}

/**
 * Checkout names the delivery by the customer's address id and an option id, never a price: lib/delivery looks
 * both up and prices them, after the payment choice is checked, and refuses unknown ones with a message.
 */
function readDelivery(formData: FormData): DeliveryRequest {
  const field = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" && value.length <= 64 ? value : "";
  };
  return { addressId: field("addressId"), optionId: field("optionId") };
}

/** The shopper's address and browser, for Finpay's `device` (lib/finpay decides what of it is sent). */
async function shopperDevice(): Promise<PaymentDevice> {
  const h = await headers();
  return { ipAddress: clientIp(h), userAgent: h.get("user-agent") };
}

const FORM_KEYS = ["expired", "chooseHow"] as const;

/** The first problem of a payment form, in the shopper's language. */
async function formProblem(error: z.ZodError): Promise<ActionState> {
  const t = await getTranslations("payments.form");
  return errorState(t(FORM_KEYS.find((key) => key === error.issues[0]?.message) ?? "expired"));
}

/** The answers of the order and checkout actions, in the shopper's language. */
const results = () => getTranslations("payments.results");

function readPaymentForm(formData: FormData) {
  return paymentFormSchema.safeParse({
    idempotencyKey: formData.get("idempotencyKey") ?? undefined,
    choice: formData.get("choice") ?? undefined,
    saveCard: formData.get("saveCard") ?? undefined,
  });
}

/**
 * Success leaves for Finpay's page. A refusal that concerns an order (Finpay failed, a payment already open or
 * being started, the order paid meanwhile) shows that order, where its state is explained and the customer can go on.
 */
async function finish(result: StartPaymentResult, path: string): Promise<ActionState> {
  if (result.ok) redirect(result.redirectUrl);
  if (result.reason === "profile") redirect(`/account?complete=1&returnTo=${encodeURIComponent(path)}`);
  if (result.orderId && result.reason === "not_payable") redirect(orderNoticeUrl(result.orderId, "already-paid"));
  if (result.orderId && (result.reason === "gateway" || result.reason === "in_progress")) redirect(`/orders/${result.orderId}`);
  return errorState(await paymentTextOf(result.message));
}

export async function startCheckoutAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser("/checkout");
  const form = readPaymentForm(formData);
  if (!form.success) return formProblem(form.error);
  const result = await startCheckout(user, paymentChoice(form.data), form.data.idempotencyKey, readDelivery(formData), await shopperDevice());
  revalidatePath("/", "layout");
  return finish(result, "/checkout");
}

export async function payAgainAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const orderId = String(formData.get("orderId") ?? "");
  const user = await requireUser(`/orders/${orderId}`);
  if (!isUuid(orderId)) return errorState((await results())("orderNotFound"));
  const form = readPaymentForm(formData);
  if (!form.success) return formProblem(form.error);
  const result = await payAgain(user, orderId, paymentChoice(form.data), form.data.idempotencyKey, await shopperDevice());
  revalidatePath(`/orders/${orderId}`);
  return finish(result, `/orders/${orderId}`);
}

async function ownedOrder(formData: FormData) {
  const orderId = String(formData.get("orderId") ?? "");
  const user = await requireUser(isUuid(orderId) ? `/orders/${orderId}` : "/account/orders");
  const detail = isUuid(orderId) ? await getOrderForUser(orderId, user.id, await getLocale()) : undefined;
  return { orderId, detail, user };
}

export async function cancelPaymentAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const { orderId, detail } = await ownedOrder(formData);
  const t = await results();
  if (!detail) return errorState(t("orderNotFound"));
  if (!detail.liveAttempt) return errorState(t("noOpenPayment"));
  const result = await cancelLiveAttempts(orderId);
  revalidatePath(`/orders/${orderId}`);
  switch (result.kind) {
    case "cancelled":
      return { status: "success", message: t("cancelled") };
    case "already_paid":
      // The page re-renders as paid, without this form: the explanation travels with the address.
      redirect(orderNoticeUrl(orderId, "paid-before-cancel"));
    default:
      return errorState(await paymentTextOf(result.message));
  }
}

/** "Cancel and start over" on the checkout page: the open order's payment is cancelled and the order closed. */
export async function startOverAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const { orderId, detail, user } = await ownedOrder(formData);
  const t = await results();
  if (!detail) return errorState(t("orderNotFound"));
  const result = await startOver(user, orderId);
  revalidatePath("/checkout");
  if (!result.ok && result.orderId) redirect(orderNoticeUrl(result.orderId, "already-paid"));
  return result.ok ? { status: "success", message: t("startedOver") } : errorState(await paymentTextOf(result.message));
}

export async function checkStatusAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const { orderId, detail } = await ownedOrder(formData);
  const t = await results();
  if (!detail) return errorState(t("orderNotFound"));
  const attempt = await latestAttempt(orderId);
  if (!attempt) return errorState(t("noPaymentYet"));
  // A stale page's button on a settled order: nothing is asked (the same rule that hides the button).
  if (!canCheckStatus(detail.order.status, detail.attempts.length, Boolean(detail.liveAttempt))) {
    revalidatePath(`/orders/${orderId}`);
    return errorState(t("settled"));
  }
  const outcome = await settleFromStatusCheck(attempt);
  revalidatePath(`/orders/${orderId}`);
  if (outcome === "check_failed") return errorState(t("checkFailed"));
  return { status: "success", message: t("checked") };
}

export async function removeSavedCardAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser("/account/cards");
  const cardId = String(formData.get("cardId") ?? "");
  const t = await results();
  if (!isUuid(cardId)) return errorState(t("cardNotSaved"));
  try {
    await removeSavedCard(user.id, cardId);
  } catch (error) {
    if (isUserFacingError(error)) return errorState(error.code === "not_found" ? t("cardNotSaved") : (await getTranslations("payments.refusals"))("cardRemoveUnavailable"));
    logger.error("payment.remove_card_failed", { error });
    return errorState(t("cardRemoveFailed"));
  }
  revalidatePath("/account/cards");
  return { status: "success", message: t("cardRemoved") };
}
