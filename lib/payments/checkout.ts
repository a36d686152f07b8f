import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { orderItems, orders, paymentAttempts, savedCards, type Order, type OrderItem, type PaymentAttempt, type SavedCard } from "@/db/schema";
import { findShortfalls, type StockShortfall } from "@/lib/catalog/stock";
import { deliveryChoices, finpayDelivery, quoteDelivery, type DeliveryChoices, type DeliveryQuote, type DeliveryRequest } from "@/lib/delivery/quote";
import type { PublicUser } from "@/lib/account/users";
import { profileSchema } from "@/lib/account/validation";
import { getCartView, type CartView } from "@/lib/cart/queries";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { findUserCartId } from "@/lib/cart/service";
import { isUniqueViolation } from "@/lib/db-errors";
import { env } from "@/lib/env";
import { buildBasicCardPayment, buildSaveCardPayment, buildTwoClickPayment, parseFinpayDateTime, type PaymentDevice, type PaymentInput } from "@/lib/finpay";
import { logger } from "@/lib/logger";
import { OPEN_ORDER_STATUSES, openAttempt, type AttemptRefusal } from "./attempt-rule";
import { cancelLiveAttempts } from "./cancel";
import { cartFingerprint, type DeliveryChoice } from "./cart-fingerprint";
import { finpayFor } from "./gateway";
import { newFinpayOrderId, orderNumber } from "./ids";
import { PAYMENT_LINK_MINUTES } from "./link-lifetime";
import { describeGatewayFailure, failureOf, failureText, refusalText, storedFailure, type PaymentText } from "./messages";
import { findAttemptByKey, findOpenOrder, type OpenOrder } from "./queries";
import { listSavedCards, type SavedCardView } from "./saved-cards";
import { cancelUnclaimedLink } from "./reconcile";
import type { Tx } from "./state-machine";
import { changeStatus } from "./status-change";

export { PAYMENT_LINK_MINUTES };

/** What the customer pressed: a new card (optionally saved at Finpay) or one of their saved cards. */
export type PaymentChoice = { method: "basic" | "basic_save_card" } | { method: "two_click"; savedCardId: string };

/** A choice checked against the database: a two-click payment always carries the customer's own saved card. */
export type PreparedPayment = { method: "basic" | "basic_save_card"; card: null } | { method: "two_click"; card: SavedCard };

export type PaymentRefusalReason = "empty_cart" | "unavailable" | "stock" | "delivery" | "card" | "profile" | "gateway" | "in_progress" | "not_payable";

/** `message` is translated by the action that answers the shopper (lib/payments/texts.ts). */
type PaymentRefusal = { ok: false; orderId?: string; message: PaymentText; reason: PaymentRefusalReason };

export type StartPaymentResult = { ok: true; orderId: string; redirectUrl: string } | PaymentRefusal;

const refused = (reason: PaymentRefusalReason, message: PaymentText, orderId?: string): PaymentRefusal => ({ ok: false, reason, message, orderId });

const REFUSAL_MESSAGES: Record<AttemptRefusal, PaymentText> = {
  not_found: refusalText("orderNotFound"),
  paid: refusalText("paid"),
  closed: refusalText("closed"),
  open_attempt: refusalText("openAttempt"),
};

function fromRefusal(refusal: AttemptRefusal, orderId: string): StartPaymentResult {
  if (refusal === "not_found") return refused("not_payable", REFUSAL_MESSAGES.not_found);
  return refused(refusal === "open_attempt" ? "in_progress" : "not_payable", REFUSAL_MESSAGES[refusal], orderId);
}

/** Finpay's `customer` from the profile; `customer.id` is the stable id stored cards hang off, not the email. */
function finpayCustomer(user: PublicUser) {
  return { id: user.finpayCustomerId, email: user.email, firstName: user.firstName, lastName: user.lastName, mobilePhone: user.mobilePhone };
}

export function isProfileComplete(user: PublicUser): boolean {
  return profileSchema.safeParse(user).success;
}

/** The checks every way of paying shares: a complete profile, and a saved card only if it is the customer's own. */
async function preparePayment(user: PublicUser, choice: PaymentChoice): Promise<{ ok: true; payment: PreparedPayment } | { ok: false; refusal: PaymentRefusal }> {
  if (!isProfileComplete(user)) return { ok: false, refusal: refused("profile", refusalText("profile")) };
  if (choice.method !== "two_click") return { ok: true, payment: { method: choice.method, card: null } };
  const db = await getDb();
  const [card] = await db
    .select()
    .from(savedCards)
    .where(and(eq(savedCards.id, choice.savedCardId), eq(savedCards.userId, user.id), isNull(savedCards.removedAt)))
    .limit(1);
  if (!card) return { ok: false, refusal: refused("card", refusalText("cardUnavailable")) };
  return { ok: true, payment: { method: "two_click", card } };
}

/** What a resubmitted form says about the attempt it already made: why it failed, else that it has started. */
function attemptText(failureMessage: string | null): PaymentText {
  const failure = failureOf(failureMessage);
  return failure ? failureText(failure) : refusalText("alreadyStarted");
}

/**
 * A resubmitted form (same idempotency key: a double click, Back and submit again) finds what the first submission
 * made and never starts anything. It does not wait: an attempt still being started is shown on its order page,
 * which refreshes itself until the payment link is there.
 */
async function resumeByKey(key: string, userId: string): Promise<StartPaymentResult | null> {
  const attempt = await findAttemptByKey(key);
  if (!attempt) return null;
  if (attempt.userId !== userId) return refused("not_payable", refusalText("formExpired"));
  if (attempt.status === "pending" && attempt.redirectUrl) return { ok: true, orderId: attempt.orderId, redirectUrl: attempt.redirectUrl };
  return refused(attempt.status === "initiating" ? "in_progress" : "gateway", attemptText(attempt.failureMessage), attempt.orderId);
}

/**
 * Cancels the order's payment links that could still be paid. Only a confirmed cancel lets the caller go on; a
 * payment Finpay had already captured is recorded as paid and refuses everything new.
 */
async function closeOpenLink(orderId: string): Promise<PaymentRefusal | null> {
  const cancelled = await cancelLiveAttempts(orderId);
  if (cancelled.kind === "cancelled") return null;
  if (cancelled.kind === "already_paid") return refused("not_payable", REFUSAL_MESSAGES.paid, orderId);
  return refused(cancelled.kind === "in_progress" ? "in_progress" : "gateway", cancelled.message, orderId);
}

/** Where a checkout of the same cart goes when that cart already has an open order: back to it, never to a second one. */
async function returnToOpenOrder(user: PublicUser, open: OpenOrder, payment: PreparedPayment, key: string, device: PaymentDevice | undefined): Promise<StartPaymentResult> {
  const live = open.liveAttempt;
  const linkExpired = live?.expiresAt ? live.expiresAt.getTime() <= Date.now() : false;
  if (live?.status === "pending" && live.redirectUrl && !linkExpired) return { ok: true, orderId: open.order.id, redirectUrl: live.redirectUrl };
  if (live?.status === "initiating") return refused("in_progress", refusalText("stillStarting"), open.order.id);
  if (live) {
    // Its link has run out but no callback said so yet: settle it with Finpay before a new link may start.
    const refusal = await closeOpenLink(open.order.id);
    if (refusal) return refusal;
  }
  // Declined, expired or cancelled before: a new attempt on the same order (the rule still decides, under lock).
  return startAttempt(user, open.order.id, payment, key, device);
}

const deliveryChoice = (quote: DeliveryQuote): DeliveryChoice => ({ address: quote.snapshot.address, optionId: quote.option.id, shippingIdr: quote.shippingIdr });

/**
 * Checkout. A customer has at most one order that can still be paid: checking out the same cart again returns to
 * it; checking out a changed cart first cancels the open order's payment at Finpay (and only a confirmed cancel
 * lets a new order start), then closes it. The new order, its item snapshots and its first attempt are written in
 * one transaction, priced from the database, and only then is Finpay asked for a payment page.
 *
 * Delivery is part of the purchase: `delivery` names one of the customer's addresses and an option, priced here
 * (lib/delivery); another address or option is a changed cart. Nothing is ordered that cannot be delivered: a
 * product over its stock (checked again inside the transaction), an address no courier serves, a parcel too heavy.
 * `device` is the shopper's IP address and browser, for Finpay's `device`.
 */
export async function startCheckout(user: PublicUser, choice: PaymentChoice, idempotencyKey: string, delivery: DeliveryRequest, device?: PaymentDevice): Promise<StartPaymentResult> {
  const resumed = await resumeByKey(idempotencyKey, user.id);
  if (resumed) return resumed;
  const prepared = await preparePayment(user, choice);
  if (!prepared.ok) return prepared.refusal;

  // The order's lines keep the catalog's own (Indonesian) names, whatever language the shopper reads: a receipt.
  const cart = await getCartView(await findUserCartId(user.id), DEFAULT_LOCALE);
  if (cart.lines.length === 0) return refused("empty_cart", refusalText("emptyCart"));
  if (cart.lines.some((line) => !line.available)) return refused("unavailable", refusalText("unavailable"));
  const shortfalls = await findShortfalls(cart.lines);
  if (shortfalls.length > 0) return refused("stock", { kind: "stock", shortfalls });
  const quoted = await quoteDelivery(user.id, cart.lines, delivery);
  if (!quoted.ok) return refused("delivery", { kind: "delivery", problem: quoted.problem });
  const fingerprint = cartFingerprint(cart.lines, deliveryChoice(quoted.quote));

  const open = await findOpenOrder(user.id);
  if (open?.order.cartFingerprint === fingerprint) return returnToOpenOrder(user, open, prepared.payment, idempotencyKey, device);
  if (open) {
    const refusal = await closeOpenLink(open.order.id);
    if (refusal) return refusal;
  }

  let created: { order: Order; attempt: PaymentAttempt; items: OrderItem[] };
  try {
    const db = await getDb();
    created = await db.transaction(async (tx) => {
      if (open) await closeOrder(tx, open.order.id);
      return createOrder(tx, user, cart, quoted.quote, fingerprint, prepared.payment, idempotencyKey);
    });
  } catch (error) {
    if (error instanceof OutOfStockError) return refused("stock", { kind: "stock", shortfalls: error.shortfalls });
    if (error instanceof OrderChangedError) return refused("in_progress", refusalText("orderChanged"), open?.order.id);
    if (!isUniqueViolation(error)) throw error;
    // Another tab or instance won the race (same key, or another order opened meanwhile): show what it made.
    const byKey = await resumeByKey(idempotencyKey, user.id);
    if (byKey) return byKey;
    return refused("in_progress", refusalText("otherWindow"), (await findOpenOrder(user.id))?.order.id);
  }
  logger.info("payment.order_created", { orderId: created.order.id, attemptId: created.attempt.id, method: prepared.payment.method, amountIdr: created.order.totalIdr });
  return initiateAttempt(user, created.order, created.attempt, prepared.payment, device, created.items);
}

class OrderChangedError extends Error {}

/** Thrown inside the order's transaction, so nothing of the order is written. */
class OutOfStockError extends Error {
  constructor(readonly shortfalls: StockShortfall[]) {
    super("out of stock");
  }
}

export interface CheckoutPage {
  cart: CartView;
  savedCards: SavedCardView[];
  /** Addresses, options priced for the chosen address, and what is chosen. */
  delivery: DeliveryChoices;
  /** Lines asking for more than is in stock ("Only N left"). */
  shortfalls: StockShortfall[];
  /** The customer's order that can still be paid, and what a checkout now would do with it. */
  openOrder: {
    id: string;
    number: string;
    /** Same cart: paying returns to this order. Changed cart: paying cancels its link first and closes it. */
    sameCart: boolean;
    /** Its payment link while one is open at Finpay ("Continue payment"); null while one is being started. */
    continueUrl: string | null;
    paymentOpen: boolean;
  } | null;
}

/**
 * The checkout page for the delivery asked for (`wanted`, from the page's address: the browser's last choice).
 * Without one, it starts from the open order's own delivery, so that coming back to checkout shows the open
 * payment as the same purchase; else the default address and the cheapest option.
 */
export async function getCheckoutPage(user: PublicUser, locale: Locale, wanted: Partial<DeliveryRequest> = {}): Promise<CheckoutPage> {
  const [cart, savedCards, open] = await Promise.all([findUserCartId(user.id).then((cartId) => getCartView(cartId, locale)), listSavedCards(user.id), findOpenOrder(user.id)]);
  const [delivery, shortfalls] = await Promise.all([deliveryChoices(user.id, cart.lines, wanted, open?.order.delivery ?? undefined), findShortfalls(cart.lines)]);
  const live = open?.liveAttempt;
  const chosen = delivery.address && delivery.option ? await quoteDelivery(user.id, cart.lines, { addressId: delivery.address.id, optionId: delivery.option.id }) : null;
  return {
    cart,
    savedCards,
    delivery,
    shortfalls,
    openOrder: open
      ? {
          id: open.order.id,
          number: orderNumber(open.order.id),
          sameCart: chosen?.ok === true && open.order.cartFingerprint === cartFingerprint(cart.lines, deliveryChoice(chosen.quote)),
          continueUrl: live?.status === "pending" ? live.redirectUrl : null,
          paymentOpen: Boolean(live),
        }
      : null,
  };
}

/** Closes the previous open order, but only if nothing on it can still be paid: otherwise the whole checkout stops. */
async function closeOrder(tx: Tx, orderId: string): Promise<void> {
  const closed = await tx
    .update(orders)
    .set({ closedAt: new Date(), updatedAt: new Date() })
    .where(
      and(
        eq(orders.id, orderId),
        isNull(orders.closedAt),
        inArray(orders.status, [...OPEN_ORDER_STATUSES]),
        sql`not exists (select 1 from ${paymentAttempts} where ${paymentAttempts.orderId} = ${orderId} and ${paymentAttempts.status} in ('initiating', 'pending'))`,
      ),
    )
    .returning({ id: orders.id });
  if (closed.length === 0) throw new OrderChangedError();
}

async function createOrder(tx: Tx, user: PublicUser, cart: CartView, quote: DeliveryQuote, fingerprint: string, payment: PreparedPayment, idempotencyKey: string) {
  const shortfalls = await findShortfalls(cart.lines, tx);
  if (shortfalls.length > 0) throw new OutOfStockError(shortfalls);
  // orders_one_open_per_user makes this insert fail if another checkout opened an order meanwhile.
  const [order] = await tx
    .insert(orders)
    .values({ userId: user.id, totalIdr: quote.totalIdr, itemsSubtotalIdr: quote.itemsSubtotalIdr, shippingIdr: quote.shippingIdr, delivery: quote.snapshot, cartFingerprint: fingerprint })
    .returning();
  const items = await tx
    .insert(orderItems)
    .values(cart.lines.map((line) => ({ orderId: order!.id, productId: line.productId, name: line.name, unitPriceIdr: line.unitPriceIdr, quantity: line.quantity })))
    .returning();
  const opened = await openAttempt(tx, attemptRequest(user, order!.id, payment, idempotencyKey));
  if (!opened.ok) throw new Error(`a new order refused its first attempt: ${opened.refusal}`); // cannot happen: it has none
  return { order: opened.order, attempt: opened.attempt, items };
}

function attemptRequest(user: PublicUser, orderId: string, payment: PreparedPayment, idempotencyKey: string) {
  return { orderId, userId: user.id, method: payment.method, savedCardId: payment.card?.id ?? null, idempotencyKey, finpayOrderId: newFinpayOrderId() };
}

/** "Pay again" on an unpaid order: any link still open at Finpay is cancelled (confirmed) before the rule is asked. */
export async function payAgain(user: PublicUser, orderId: string, choice: PaymentChoice, idempotencyKey: string, device?: PaymentDevice): Promise<StartPaymentResult> {
  const resumed = await resumeByKey(idempotencyKey, user.id);
  if (resumed) return resumed;
  // Someone else's order looks like no order at all, before anything about the card or profile is said.
  const db = await getDb();
  const [own] = await db.select({ id: orders.id }).from(orders).where(and(eq(orders.id, orderId), eq(orders.userId, user.id))).limit(1);
  if (!own) return refused("not_payable", REFUSAL_MESSAGES.not_found);
  const prepared = await preparePayment(user, choice);
  if (!prepared.ok) return { ...prepared.refusal, orderId };
  // Only the customer's own open order can have a link worth cancelling; anything else is refused by the rule.
  const open = await findOpenOrder(user.id);
  if (open?.order.id === orderId && open.liveAttempt) {
    const refusal = await closeOpenLink(orderId);
    if (refusal) return refusal;
  }
  return startAttempt(user, orderId, prepared.payment, idempotencyKey, device);
}

/** A new attempt on an existing order, through the rule. */
async function startAttempt(user: PublicUser, orderId: string, payment: PreparedPayment, idempotencyKey: string, device: PaymentDevice | undefined): Promise<StartPaymentResult> {
  const db = await getDb();
  let opened;
  try {
    opened = await db.transaction((tx) => openAttempt(tx, attemptRequest(user, orderId, payment, idempotencyKey)));
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return (await resumeByKey(idempotencyKey, user.id)) ?? fromRefusal("open_attempt", orderId);
  }
  if (!opened.ok) return fromRefusal(opened.refusal, orderId);
  logger.info("payment.attempt_created", { orderId, attemptId: opened.attempt.id, method: payment.method });
  return initiateAttempt(user, opened.order, opened.attempt, payment, device);
}

/**
 * "Cancel and start over" from the checkout page: the open order's payment is cancelled at Finpay (confirmed) and
 * the order closed, so that the next checkout makes a fresh order from the cart as it is now.
 */
export async function startOver(user: PublicUser, orderId: string): Promise<{ ok: true } | { ok: false; message: PaymentText; orderId?: string }> {
  const open = await findOpenOrder(user.id);
  if (!open || open.order.id !== orderId) return { ok: true }; // already closed or paid: nothing left to cancel
  const refusal = await closeOpenLink(orderId);
  // Paid meanwhile: the caller shows that order; otherwise Finpay's answer in plain words.
  if (refusal) return { ok: false, message: refusal.message, orderId: refusal.reason === "not_payable" ? orderId : undefined };
  const db = await getDb();
  try {
    await db.transaction((tx) => closeOrder(tx, orderId));
  } catch (error) {
    if (error instanceof OrderChangedError) return { ok: false, message: refusalText("orderChangedNow"), orderId };
    throw error;
  }
  logger.info("payment.order_closed", { orderId });
  return { ok: true };
}

/**
 * `items` when the caller has just written them (a new order): one round trip fewer than reading them back. The
 * delivery comes from the order's own snapshot, so "Pay again" sends what the order was made with.
 */
async function initiateAttempt(user: PublicUser, order: Order, attempt: PaymentAttempt, payment: PreparedPayment, device: PaymentDevice | undefined, known?: OrderItem[]): Promise<StartPaymentResult> {
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
    ...(order.delivery ? finpayDelivery(order.delivery, order.shippingIdr ?? 0, user.email) : {}),
    ...(device ? { device } : {}),
  };
  const request =
    payment.method === "two_click"
      ? buildTwoClickPayment({ ...input, cardToken: payment.card.token })
      : payment.method === "basic_save_card"
        ? buildSaveCardPayment(input)
        : buildBasicCardPayment(input);
  let response;
  try {
    response = await finpayFor(attempt.id).initiate(request);
  } catch (error) {
    const failure = describeGatewayFailure(error);
    logger.warn("payment.initiate_failed", { orderId: order.id, attemptId: attempt.id, error });
    await changeStatus(attempt, "failed", { failureMessage: storedFailure(failure) });
    return refused("gateway", failureText(failure), order.id);
  }
  const expiresAt = parseFinpayDateTime(response.expiryLink) ?? new Date(Date.now() + PAYMENT_LINK_MINUTES * 60_000);
  const moved = await changeStatus(attempt, "pending", { redirectUrl: response.redirecturl, expiresAt, finpayStatus: "REQUEST_INITIATED" });
  if (!moved.changed) {
    // Settled while Finpay was answering (reconciliation gave it up): nobody may pay this link now.
    await cancelUnclaimedLink(attempt);
    return refused("in_progress", refusalText("tooSlow"), order.id);
  }
  if (payment.card) await db.update(savedCards).set({ lastUsedAt: new Date() }).where(eq(savedCards.id, payment.card.id));
  return { ok: true, orderId: order.id, redirectUrl: response.redirecturl };
}
