import "server-only";
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { orderItems, orders, paymentAttempts, savedCards, type Order, type OrderItem, type PaymentAttempt, type PaymentMethod, type SavedCard } from "@/db/schema";
import type { PublicUser } from "@/lib/account/users";
import { profileSchema } from "@/lib/account/validation";
import { getCartView } from "@/lib/cart/queries";
import { findUserCartId } from "@/lib/cart/service";
import { isUniqueViolation } from "@/lib/db-errors";
import { env } from "@/lib/env";
import { buildBasicCardPayment, buildSaveCardPayment, buildTwoClickPayment, isFinpayError, parseFinpayDateTime, type PaymentInput } from "@/lib/finpay";
import { logger } from "@/lib/logger";
import { finpayFor } from "./gateway";
import { newFinpayOrderId, orderNumber } from "./ids";
import { describeGatewayFailure } from "./messages";
import { LIVE_STATUSES, reopenOrder, transitionAttempt } from "./state-machine";

/** How long Finpay keeps the payment link open (Finpay's default is 1440 minutes; a shop wants less). */
export const PAYMENT_LINK_MINUTES = 60;

export type PaymentChoice = { method: "basic" | "basic_save_card" } | { method: "two_click"; savedCardId: string };

export type StartPaymentResult =
  | { ok: true; orderId: string; redirectUrl: string }
  | { ok: false; orderId?: string; message: string; reason: "empty_cart" | "unavailable" | "card" | "profile" | "gateway" | "in_progress" | "not_payable" };

/** Finpay's `customer` from the profile; `customer.id` is the stable id stored cards hang off, not the email. */
function finpayCustomer(user: PublicUser) {
  return { id: user.finpayCustomerId, email: user.email, firstName: user.firstName, lastName: user.lastName, mobilePhone: user.mobilePhone };
}

export function isProfileComplete(user: PublicUser): boolean {
  return profileSchema.safeParse(user).success;
}

async function findUsableCard(userId: string, savedCardId: string): Promise<SavedCard | undefined> {
  const db = await getDb();
  const [card] = await db
    .select()
    .from(savedCards)
    .where(and(eq(savedCards.id, savedCardId), eq(savedCards.userId, userId), isNull(savedCards.removedAt)))
    .limit(1);
  return card;
}

async function findAttemptByKey(idempotencyKey: string): Promise<(PaymentAttempt & { userId: string }) | undefined> {
  const db = await getDb();
  const [row] = await db
    .select({ attempt: paymentAttempts, userId: orders.userId })
    .from(paymentAttempts)
    .innerJoin(orders, eq(orders.id, paymentAttempts.orderId))
    .where(eq(paymentAttempts.idempotencyKey, idempotencyKey))
    .limit(1);
  return row ? { ...row.attempt, userId: row.userId } : undefined;
}

/**
 * A resubmitted form (same idempotency key) finds the attempt the first submission made. While that one is still
 * talking to Finpay we wait briefly for its payment link rather than start a second payment.
 */
async function resumeAttempt(key: string, userId: string): Promise<StartPaymentResult | null> {
  for (let waited = 0; waited <= 15_000; waited += 250) {
    const attempt = await findAttemptByKey(key);
    if (!attempt) return null;
    if (attempt.userId !== userId) return { ok: false, message: "This payment form has expired. Please start again.", reason: "not_payable" };
    if (attempt.status === "pending" && attempt.redirectUrl) return { ok: true, orderId: attempt.orderId, redirectUrl: attempt.redirectUrl };
    if (attempt.status !== "initiating") {
      return { ok: false, orderId: attempt.orderId, reason: "gateway", message: attempt.failureMessage ?? "This payment has already finished. See your order." };
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const attempt = await findAttemptByKey(key);
  return { ok: false, orderId: attempt?.orderId, reason: "in_progress", message: "Your payment is still being started. Check your order in a moment." };
}

/**
 * Checkout: re-prices the cart from the database, creates the order, its item snapshots and the first payment
 * attempt in one transaction keyed by the idempotency key, then asks Finpay for the payment page.
 */
export async function startCheckout(user: PublicUser, choice: PaymentChoice, idempotencyKey: string): Promise<StartPaymentResult> {
  const resumed = await resumeAttempt(idempotencyKey, user.id);
  if (resumed) return resumed;
  if (!isProfileComplete(user)) return { ok: false, reason: "profile", message: "Please complete your profile before paying." };

  const cart = await getCartView(await findUserCartId(user.id));
  if (cart.lines.length === 0) return { ok: false, reason: "empty_cart", message: "Your cart is empty." };
  if (cart.lines.some((line) => !line.available)) {
    return { ok: false, reason: "unavailable", message: "A product in your cart is no longer available. Remove it to continue." };
  }
  const card = choice.method === "two_click" ? await findUsableCard(user.id, choice.savedCardId) : undefined;
  if (choice.method === "two_click" && !card) return { ok: false, reason: "card", message: "That saved card is not available. Choose another way to pay." };

  const db = await getDb();
  let created: { order: Order; attempt: PaymentAttempt; items: OrderItem[] };
  try {
    created = await db.transaction(async (tx) => {
      const [order] = await tx.insert(orders).values({ userId: user.id, totalIdr: cart.totalIdr }).returning();
      const items = await tx
        .insert(orderItems)
        .values(cart.lines.map((line) => ({ orderId: order!.id, productId: line.productId, name: line.name, unitPriceIdr: line.unitPriceIdr, quantity: line.quantity })))
        .returning();
      const [attempt] = await tx
        .insert(paymentAttempts)
        .values({ orderId: order!.id, finpayOrderId: newFinpayOrderId(), method: choice.method, amountIdr: cart.totalIdr, idempotencyKey, savedCardId: card?.id })
        .returning();
      return { order: order!, attempt: attempt!, items };
    });
  } catch (error) {
    // A concurrent submission with the same key won the race; its transaction is the one that counts.
    if (isUniqueViolation(error)) return (await resumeAttempt(idempotencyKey, user.id)) ?? { ok: false, reason: "in_progress", message: "Please try again." };
    throw error;
  }
  logger.info("payment.order_created", { orderId: created.order.id, attemptId: created.attempt.id, method: choice.method, amountIdr: cart.totalIdr });
  return initiateAttempt(user, created.order, created.attempt, card, created.items);
}

/** Another attempt for an unpaid order, after cancelling any attempt that could still be paid at the gateway. */
export async function payAgain(user: PublicUser, orderId: string, choice: PaymentChoice, idempotencyKey: string): Promise<StartPaymentResult> {
  const resumed = await resumeAttempt(idempotencyKey, user.id);
  if (resumed) return resumed;
  const db = await getDb();
  const [order] = await db.select().from(orders).where(and(eq(orders.id, orderId), eq(orders.userId, user.id))).limit(1);
  if (!order) return { ok: false, reason: "not_payable", message: "Order not found." };
  if (order.status === "paid" || order.status === "refunded") return { ok: false, orderId, reason: "not_payable", message: "This order is already paid." };
  if (!isProfileComplete(user)) return { ok: false, orderId, reason: "profile", message: "Please complete your profile before paying." };
  const card = choice.method === "two_click" ? await findUsableCard(user.id, choice.savedCardId) : undefined;
  if (choice.method === "two_click" && !card) return { ok: false, orderId, reason: "card", message: "That saved card is not available. Choose another way to pay." };

  const cancelled = await cancelLiveAttempts(orderId);
  if (!cancelled.ok) return { ok: false, orderId, reason: "gateway", message: cancelled.message };

  let attempt: PaymentAttempt;
  try {
    attempt = await db.transaction(async (tx) => {
      await reopenOrder(tx, orderId);
      const [row] = await tx
        .insert(paymentAttempts)
        .values({ orderId, finpayOrderId: newFinpayOrderId(), method: choice.method, amountIdr: order.totalIdr, idempotencyKey, savedCardId: card?.id })
        .returning();
      return row!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return (await resumeAttempt(idempotencyKey, user.id)) ?? { ok: false, orderId, reason: "in_progress", message: "A payment for this order is already being started." };
    throw error;
  }
  logger.info("payment.attempt_created", { orderId, attemptId: attempt.id, method: choice.method });
  return initiateAttempt(user, { ...order, status: "pending_payment" }, attempt, card);
}

/**
 * Cancels, at Finpay and here, every attempt of the order that could still be paid, so that a new attempt can
 * never lead to a second charge. A payment that turns out to be paid already is recorded as paid.
 */
export async function cancelLiveAttempts(orderId: string): Promise<{ ok: true } | { ok: false; message: string }> {
  const db = await getDb();
  const live = await db
    .select()
    .from(paymentAttempts)
    .where(and(eq(paymentAttempts.orderId, orderId), inArray(paymentAttempts.status, [...LIVE_STATUSES])));
  for (const attempt of live) {
    try {
      await finpayFor(attempt.id).cancel(attempt.finpayOrderId);
    } catch (error) {
      // Not found: Finpay never created it. Rejected: it is no longer open there; ask what became of it.
      if (isFinpayError(error) && error.kind === "rejected") {
        const { settleFromStatusCheck } = await import("./reconcile");
        await settleFromStatusCheck(attempt);
        const [now] = await db.select({ status: paymentAttempts.status }).from(paymentAttempts).where(eq(paymentAttempts.id, attempt.id));
        if (now && (LIVE_STATUSES as readonly string[]).includes(now.status)) return { ok: false, message: "Finpay could not cancel the open payment. Please try again." };
        continue;
      }
      if (!(isFinpayError(error) && error.kind === "not_found")) {
        logger.warn("payment.cancel_failed", { attemptId: attempt.id, error });
        return { ok: false, message: describeGatewayFailure(error) };
      }
    }
    await transitionAttempt(attempt.id, "cancelled", { finpayStatus: "CANCELLED" });
  }
  return { ok: true };
}

/** `items` when the caller has just written them (a new order): one round trip fewer than reading them back. */
async function initiateAttempt(user: PublicUser, order: Order, attempt: PaymentAttempt, card: SavedCard | undefined, known?: OrderItem[]): Promise<StartPaymentResult> {
  const db = await getDb();
  const items = known ?? (await db.select().from(orderItems).where(eq(orderItems.orderId, order.id)));
  const base = env().APP_BASE_URL.replace(/\/$/, "");
  const orderUrl = `${base}/orders/${order.id}`;
  const input: PaymentInput = {
    customer: finpayCustomer(user),
    orderId: attempt.finpayOrderId,
    amount: attempt.amountIdr,
    currency: "IDR",
    description: `Toko Nusantara order ${orderNumber(order.id)}`,
    items: items.map((item) => ({ name: item.name, quantity: item.quantity, unitPrice: item.unitPriceIdr, sku: String(item.productId) })),
    urls: { callbackUrl: `${base}/api/finpay/callback`, successUrl: orderUrl, failUrl: orderUrl, backUrl: orderUrl },
    timeoutMinutes: PAYMENT_LINK_MINUTES,
  };
  try {
    const request =
      attempt.method === "two_click"
        ? buildTwoClickPayment({ ...input, cardToken: card!.token })
        : attempt.method === "basic_save_card"
          ? buildSaveCardPayment(input)
          : buildBasicCardPayment(input);
    const response = await finpayFor(attempt.id).initiate(request);
    const expiresAt = parseFinpayDateTime(response.expiryLink) ?? new Date(Date.now() + PAYMENT_LINK_MINUTES * 60_000);
    await transitionAttempt(attempt.id, "pending", { redirectUrl: response.redirecturl, expiresAt, finpayStatus: "REQUEST_INITIATED" });
    if (card) await db.update(savedCards).set({ lastUsedAt: new Date() }).where(eq(savedCards.id, card.id));
    return { ok: true, orderId: order.id, redirectUrl: response.redirecturl };
  } catch (error) {
    const message = describeGatewayFailure(error);
    logger.warn("payment.initiate_failed", { orderId: order.id, attemptId: attempt.id, error });
    await transitionAttempt(attempt.id, "failed", { failureMessage: message });
    return { ok: false, orderId: order.id, reason: "gateway", message };
  }
}

export const PAYMENT_METHODS: readonly PaymentMethod[] = ["basic", "basic_save_card", "two_click"];

/** The latest attempt of an order, for the order page and "Check status". */
export async function latestAttempt(orderId: string): Promise<PaymentAttempt | undefined> {
  const db = await getDb();
  const [attempt] = await db.select().from(paymentAttempts).where(eq(paymentAttempts.orderId, orderId)).orderBy(desc(paymentAttempts.createdAt)).limit(1);
  return attempt;
}
