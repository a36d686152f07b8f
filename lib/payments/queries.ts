import "server-only";
import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { gatewayExchanges, orderItems, orders, paymentAttempts, paymentEvents, products, savedCards, type GatewayExchange, type Order, type PaymentAttempt, type PaymentEvent } from "@/db/schema";
import { shortenToken } from "@/lib/finpay";
import type { Locale } from "@/lib/i18n/locales";
import { isUuid } from "@/lib/uuid";
import { attemptRefusal, OPEN_ORDER_STATUSES } from "./attempt-rule";
import { canCheckStatus } from "./order-states";
import { reconcileOrderIfDue } from "./reconcile";
import { cardLabel, listSavedCards, type SavedCardView } from "./saved-cards";
import { LIVE_STATUSES } from "./state-machine";

export type OrderSummary = Pick<Order, "id" | "status" | "totalIdr" | "shippingIdr" | "delivery" | "createdAt" | "paidAt" | "fulfilmentStatus"> & { itemCount: number; firstItem: string | null };

/**
 * An order line's name for a reader of `locale`: the name it was bought under (the catalog's Indonesian name, kept
 * on the line like a receipt), or for English the product's English name where the catalog has one.
 */
export function orderItemName(locale: Locale) {
  return locale === "en"
    ? sql<string>`coalesce((select ${products.nameEn} from ${products} where ${products.id} = ${orderItems.productId}), ${orderItems.name})`
    : sql<string>`${orderItems.name}`;
}

/** The customer's orders, newest first; the first item's name in the reader's language. */
export async function listOrders(userId: string, locale: Locale): Promise<OrderSummary[]> {
  const db = await getDb();
  return db
    .select({
      id: orders.id,
      status: orders.status,
      totalIdr: orders.totalIdr,
      shippingIdr: orders.shippingIdr,
      delivery: orders.delivery,
      createdAt: orders.createdAt,
      paidAt: orders.paidAt,
      fulfilmentStatus: orders.fulfilmentStatus,
      itemCount: sql<number>`(select coalesce(sum(${orderItems.quantity}), 0)::int from ${orderItems} where ${orderItems.orderId} = ${orders.id})`,
      firstItem: sql<string | null>`(select ${orderItemName(locale)} from ${orderItems} where ${orderItems.orderId} = ${orders.id} order by ${orderItems.name} limit 1)`,
    })
    .from(orders)
    .where(eq(orders.userId, userId))
    .orderBy(desc(orders.createdAt));
}

export type AttemptView = Omit<PaymentAttempt, "idempotencyKey"> & { cardLabel: string | null };

export interface OrderDetail {
  order: Order;
  items: { productId: number; name: string; unitPriceIdr: number; quantity: number }[];
  attempts: AttemptView[];
  /** The attempt that can still be paid at the gateway, if any. */
  liveAttempt: AttemptView | null;
}

/** One order, only for its owner: anyone else gets undefined (and so a 404). */
export async function getOrderForUser(orderId: string, userId: string, locale: Locale): Promise<OrderDetail | undefined> {
  if (!isUuid(orderId)) return undefined;
  const db = await getDb();
  const [order] = await db.select().from(orders).where(and(eq(orders.id, orderId), eq(orders.userId, userId))).limit(1);
  if (!order) return undefined;
  const [items, views] = await Promise.all([orderItemsOf(orderId, locale), attemptViews(orderId)]);
  return { order, items, attempts: views, liveAttempt: views.find((a) => isLiveStatus(a.status)) ?? null };
}

/** Whether `orderId` names an order of `userId` (the order page's title asks before naming it). */
export async function isOrderOf(orderId: string, userId: string): Promise<boolean> {
  if (!isUuid(orderId)) return false;
  const db = await getDb();
  const [row] = await db.select({ id: orders.id }).from(orders).where(and(eq(orders.id, orderId), eq(orders.userId, userId))).limit(1);
  return Boolean(row);
}

/** What an order bought, by name (in the reader's language). */
export async function orderItemsOf(orderId: string, locale: Locale): Promise<OrderDetail["items"]> {
  const db = await getDb();
  return db
    .select({ productId: orderItems.productId, name: orderItemName(locale), unitPriceIdr: orderItems.unitPriceIdr, quantity: orderItems.quantity })
    .from(orderItems)
    .where(eq(orderItems.orderId, orderId))
    .orderBy(asc(orderItems.name));
}

/** Every attempt of an order (newest first unless asked otherwise), with the saved card it used; never the idempotency key. */
export async function attemptViews(orderId: string, direction: "asc" | "desc" = "desc"): Promise<AttemptView[]> {
  const db = await getDb();
  const rows = await db
    .select({ attempt: paymentAttempts, brand: savedCards.brand, mask: savedCards.mask })
    .from(paymentAttempts)
    .leftJoin(savedCards, eq(savedCards.id, paymentAttempts.savedCardId))
    .where(eq(paymentAttempts.orderId, orderId))
    .orderBy(direction === "asc" ? asc(paymentAttempts.createdAt) : desc(paymentAttempts.createdAt));
  return rows.map(({ attempt: { idempotencyKey: _key, ...attempt }, brand, mask }) => ({ ...attempt, cardLabel: brand && mask ? cardLabel(brand, mask) : null }));
}

const isLiveStatus = (status: PaymentAttempt["status"]) => (LIVE_STATUSES as readonly string[]).includes(status);

export interface OrderPageView extends OrderDetail {
  /** The attempt-start rule (attempt-rule.ts) would allow a new attempt now. */
  canPayAgain: boolean;
  /** Still worth asking Finpay about (lib/payments/order-states.ts): not settled, or an attempt still open. */
  canCheckStatus: boolean;
  /** Which card paid, when a saved card did. */
  paidWith: string | null;
  duplicatePayments: AttemptView[];
  inspector: Map<string, InspectorEntry[]>;
  savedCards: SavedCardView[];
}

/**
 * Everything the order page shows, for its owner only. A due payment is first settled from check-status (a lost
 * or late callback), so the page never shows a state Finpay has already moved past.
 */
export async function getOrderPage(orderId: string, userId: string, locale: Locale): Promise<OrderPageView | undefined> {
  if (!isUuid(orderId)) return undefined;
  await reconcileOrderIfDue(orderId, userId);
  const detail = await getOrderForUser(orderId, userId, locale);
  if (!detail) return undefined;
  const { order, attempts, liveAttempt } = detail;
  const canPayAgain = attemptRefusal(order, liveAttempt ? 1 : 0) === null;
  const [inspector, cards] = await Promise.all([getInspectorEntries(attempts.map((a) => a.id)), canPayAgain ? listSavedCards(userId) : []]);
  return {
    ...detail,
    canPayAgain,
    canCheckStatus: canCheckStatus(order.status, attempts.length, Boolean(liveAttempt)),
    paidWith: paidCard(attempts.find((a) => a.id === order.paidAttemptId), inspector),
    duplicatePayments: attempts.filter((a) => a.duplicatePayment),
    inspector,
    savedCards: cards,
  };
}

/**
 * Which card paid ("Mastercard •••• 0008"): the saved card of a two-click payment, else the card Finpay reported in
 * the paying attempt's latest callback or status check (`card.mask` and `card.info.brand`; never the number).
 */
function paidCard(attempt: AttemptView | undefined, inspector: Map<string, InspectorEntry[]>): string | null {
  if (!attempt) return null;
  if (attempt.cardLabel) return attempt.cardLabel;
  const events = (inspector.get(attempt.id) ?? []).filter((entry) => entry.kind === "event");
  for (const entry of events.reverse()) {
    const label = cardInBody(entry.event.rawBody);
    if (label) return label;
  }
  return null;
}

/** Which card paid an order, as its order page says it (the order emails use this too). */
export async function paidCardOf(order: Pick<Order, "id" | "paidAttemptId">): Promise<string | null> {
  if (!order.paidAttemptId) return null;
  const attempt = (await attemptViews(order.id)).find((a) => a.id === order.paidAttemptId);
  return paidCard(attempt, await getInspectorEntries(attempt ? [attempt.id] : []));
}

function cardInBody(rawBody: string): string | null {
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    return null;
  }
  // A callback is the transaction itself; a status check's answer carries it in `data`.
  const transaction = (body as { data?: unknown } | null)?.data ?? body;
  const card = (transaction as { card?: { mask?: unknown; info?: { brand?: unknown } | null } | null } | null)?.card;
  const mask = card?.mask;
  const brand = card?.info?.brand;
  return typeof mask === "string" && /\d{4}$/.test(mask) && typeof brand === "string" && /^[A-Za-z ]{2,30}$/.test(brand) ? cardLabel(brand, mask) : null;
}

/** The attempt a payment form's idempotency key made, with its order's owner. */
export async function findAttemptByKey(idempotencyKey: string): Promise<(PaymentAttempt & { userId: string }) | undefined> {
  const db = await getDb();
  const [row] = await db
    .select({ attempt: paymentAttempts, userId: orders.userId })
    .from(paymentAttempts)
    .innerJoin(orders, eq(orders.id, paymentAttempts.orderId))
    .where(eq(paymentAttempts.idempotencyKey, idempotencyKey))
    .limit(1);
  return row ? { ...row.attempt, userId: row.userId } : undefined;
}

export interface OpenOrder {
  order: Order;
  /** Its attempt that can still be paid at Finpay, if any. */
  liveAttempt: PaymentAttempt | null;
}

/** The customer's one order that can still be paid (orders_one_open_per_user), with its live attempt. */
export async function findOpenOrder(userId: string): Promise<OpenOrder | undefined> {
  const db = await getDb();
  const rows = await db
    .select({ order: orders, attempt: paymentAttempts })
    .from(orders)
    .leftJoin(paymentAttempts, and(eq(paymentAttempts.orderId, orders.id), inArray(paymentAttempts.status, [...LIVE_STATUSES])))
    .where(and(eq(orders.userId, userId), isNull(orders.closedAt), inArray(orders.status, [...OPEN_ORDER_STATUSES])))
    .limit(1);
  const row = rows[0];
  return row ? { order: row.order, liveAttempt: row.attempt } : undefined;
}

/** The latest attempt of an order, for "Check status". */
export async function latestAttempt(orderId: string): Promise<PaymentAttempt | undefined> {
  const db = await getDb();
  const [attempt] = await db.select().from(paymentAttempts).where(eq(paymentAttempts.orderId, orderId)).orderBy(desc(paymentAttempts.createdAt)).limit(1);
  return attempt;
}

export type InspectorEntry =
  | { kind: "exchange"; at: Date; exchange: GatewayExchange }
  | { kind: "event"; at: Date; event: PaymentEvent };

/**
 * For the payment inspector: per attempt, every request sent and answer received (stored redacted by lib/finpay)
 * and every callback or status check with its signature verdict, in time order. Callback bodies carry no token,
 * but they are passed through the same shortening to be sure.
 */
export async function getInspectorEntries(attemptIds: string[]): Promise<Map<string, InspectorEntry[]>> {
  const result = new Map<string, InspectorEntry[]>(attemptIds.map((id) => [id, []]));
  if (attemptIds.length === 0) return result;
  const db = await getDb();
  const [exchanges, events] = await Promise.all([
    db.select().from(gatewayExchanges).where(inArray(gatewayExchanges.attemptId, attemptIds)).orderBy(asc(gatewayExchanges.startedAt)),
    db.select().from(paymentEvents).where(inArray(paymentEvents.attemptId, attemptIds)).orderBy(asc(paymentEvents.receivedAt)),
  ]);
  for (const exchange of exchanges) result.get(exchange.attemptId!)?.push({ kind: "exchange", at: exchange.startedAt, exchange });
  for (const event of events) {
    const rawBody = event.rawBody.replace(/\b[0-9a-f]{64}\b/g, (token) => shortenToken(token));
    result.get(event.attemptId!)?.push({ kind: "event", at: event.receivedAt, event: { ...event, rawBody } });
  }
  for (const entries of result.values()) entries.sort((a, b) => a.at.getTime() - b.at.getTime());
  return result;
}
