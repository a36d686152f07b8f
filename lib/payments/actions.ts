"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { errorState, type ActionState } from "@/lib/action-state";
import { requireUser } from "@/lib/auth/session";
import { isUserFacingError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { cancelLiveAttempts, latestAttempt, payAgain, startCheckout, type PaymentChoice, type StartPaymentResult } from "./checkout";
import { getOrderForUser } from "./queries";
import { settleFromStatusCheck } from "./reconcile";
import { removeSavedCard } from "./saved-cards";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// The browser names a saved card by our id only ("card:<uuid>"); the token never leaves the server.
const paymentFormSchema = z.object({
  idempotencyKey: z.string().regex(UUID, "This form has expired. Please reload the page."),
  // A well-formed UUID only: anything else would reach the uuid column and fail there as a server error.
  choice: z.string().regex(/^(new|card:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i, "Choose how to pay."),
  saveCard: z.enum(["on"]).optional(),
});

function paymentChoice(form: z.output<typeof paymentFormSchema>): PaymentChoice {
  if (form.choice.startsWith("card:")) return { method: "two_click", savedCardId: form.choice.slice(5) };
  return { method: form.saveCard ? "basic_save_card" : "basic" };
}

function readPaymentForm(formData: FormData) {
  return paymentFormSchema.safeParse({
    idempotencyKey: formData.get("idempotencyKey") ?? undefined,
    choice: formData.get("choice") ?? undefined,
    saveCard: formData.get("saveCard") ?? undefined,
  });
}

/** Success leaves for Finpay's page; a failure with an order shows that order, where the customer can try again. */
function finish(result: StartPaymentResult, path: string): ActionState {
  if (result.ok) redirect(result.redirectUrl);
  if (result.reason === "profile") redirect(`/account?complete=1&returnTo=${encodeURIComponent(path)}`);
  if (result.orderId && result.reason === "gateway") redirect(`/orders/${result.orderId}`);
  return errorState(result.message);
}

export async function startCheckoutAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser("/checkout");
  const form = readPaymentForm(formData);
  if (!form.success) return errorState(form.error.issues[0]!.message);
  const result = await startCheckout(user, paymentChoice(form.data), form.data.idempotencyKey);
  revalidatePath("/", "layout");
  return finish(result, "/checkout");
}

export async function payAgainAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const orderId = String(formData.get("orderId") ?? "");
  const user = await requireUser(`/orders/${orderId}`);
  if (!UUID.test(orderId)) return errorState("Order not found.");
  const form = readPaymentForm(formData);
  if (!form.success) return errorState(form.error.issues[0]!.message);
  const result = await payAgain(user, orderId, paymentChoice(form.data), form.data.idempotencyKey);
  revalidatePath(`/orders/${orderId}`);
  return finish(result, `/orders/${orderId}`);
}

async function ownedOrder(formData: FormData) {
  const orderId = String(formData.get("orderId") ?? "");
  const user = await requireUser(UUID.test(orderId) ? `/orders/${orderId}` : "/account/orders");
  const detail = UUID.test(orderId) ? await getOrderForUser(orderId, user.id) : undefined;
  return { orderId, detail };
}

export async function cancelPaymentAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const { orderId, detail } = await ownedOrder(formData);
  if (!detail) return errorState("Order not found.");
  if (!detail.liveAttempt) return errorState("There is no open payment to cancel.");
  const result = await cancelLiveAttempts(orderId);
  revalidatePath(`/orders/${orderId}`);
  return result.ok ? { status: "success", message: "The payment was cancelled." } : errorState(result.message);
}

export async function checkStatusAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const { orderId, detail } = await ownedOrder(formData);
  if (!detail) return errorState("Order not found.");
  const attempt = await latestAttempt(orderId);
  if (!attempt) return errorState("This order has no payment yet.");
  const outcome = await settleFromStatusCheck(attempt);
  revalidatePath(`/orders/${orderId}`);
  if (outcome === "check_failed") return errorState("We could not reach Finpay just now. Please try again in a moment.");
  return { status: "success", message: "Status checked with Finpay." };
}

export async function removeSavedCardAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser("/account/cards");
  const cardId = String(formData.get("cardId") ?? "");
  if (!UUID.test(cardId)) return errorState("That card is not saved on your account.");
  try {
    await removeSavedCard(user.id, cardId);
  } catch (error) {
    if (isUserFacingError(error)) return errorState(error.message);
    logger.error("payment.remove_card_failed", { error });
    return errorState("Something went wrong on our side. The card was not removed; please try again.");
  }
  revalidatePath("/account/cards");
  return { status: "success", message: "The card was removed." };
}
