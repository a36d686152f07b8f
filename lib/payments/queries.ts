import "server-only";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { gatewayExchanges, orderItems, orders, paymentAttempts, paymentEvents, savedCards, type GatewayExchange, type Order, type PaymentAttempt, type PaymentEvent } from "@/db/schema";
import { shortenToken } from "@/lib/finpay";
import { cardLabel } from "./saved-cards";

export type OrderSummary = Pick<Order, "id" | "status" | "totalIdr" | "createdAt" | "paidAt"> & { itemCount: number; firstItem: string | null };

/** The customer's orders, newest first. */
export async function listOrders(userId: string): Promise<OrderSummary[]> {
  const db = await getDb();
  return db
    .select({
      id: orders.id,
      status: orders.status,
      totalIdr: orders.totalIdr,
      createdAt: orders.createdAt,
      paidAt: orders.paidAt,
      itemCount: sql<number>`(select coalesce(sum(${orderItems.quantity}), 0)::int from ${orderItems} where ${orderItems.orderId} = ${orders.id})`,
      firstItem: sql<string | null>`(select ${orderItems.name} from ${orderItems} where ${orderItems.orderId} = ${orders.id} order by ${orderItems.name} limit 1)`,
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
export async function getOrderForUser(orderId: string, userId: string): Promise<OrderDetail | undefined> {
  // Malformed ids (e.g. 36 dashes) would make Postgres throw on the uuid cast: a 500 instead of a 404.
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(orderId)) return undefined;
  const db = await getDb();
  const [order] = await db.select().from(orders).where(and(eq(orders.id, orderId), eq(orders.userId, userId))).limit(1);
  if (!order) return undefined;
  const [items, attempts] = await Promise.all([
    db.select({ productId: orderItems.productId, name: orderItems.name, unitPriceIdr: orderItems.unitPriceIdr, quantity: orderItems.quantity }).from(orderItems).where(eq(orderItems.orderId, orderId)).orderBy(asc(orderItems.name)),
    db
      .select({ attempt: paymentAttempts, brand: savedCards.brand, mask: savedCards.mask })
      .from(paymentAttempts)
      .leftJoin(savedCards, eq(savedCards.id, paymentAttempts.savedCardId))
      .where(eq(paymentAttempts.orderId, orderId))
      .orderBy(desc(paymentAttempts.createdAt)),
  ]);
  const views: AttemptView[] = attempts.map(({ attempt: { idempotencyKey: _key, ...attempt }, brand, mask }) => ({
    ...attempt,
    cardLabel: brand && mask ? cardLabel(brand, mask) : null,
  }));
  return { order, items, attempts: views, liveAttempt: views.find((a) => a.status === "initiating" || a.status === "pending") ?? null };
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
