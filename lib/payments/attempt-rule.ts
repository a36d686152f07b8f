import "server-only";
import { and, count, eq, inArray } from "drizzle-orm";
import { orders, paymentAttempts, type Order, type PaymentAttempt, type PaymentMethod } from "@/db/schema";
import { LIVE_STATUSES, reopenOrder, type Tx } from "./state-machine";

/**
 * THE rule that decides whether a payment attempt may start. Every path that starts a payment (checkout, "Pay
 * again", a returning checkout of the same cart, any future job) creates its attempt through `openAttempt`, inside
 * the transaction that inserts the attempt, with the order row locked. Together with two unique indexes
 * (`orders_one_open_per_user`: one payable order per customer; `payment_attempts_one_live_per_order`: one payable
 * link per order) this is what keeps a customer from being charged twice.
 */

export type AttemptRefusal =
  /** No such order for this customer. */
  | "not_found"
  /** Paid already (even if the money went back since: a refund or void is the merchant's call, not a reopening). */
  | "paid"
  /** Replaced by a newer checkout or given up by the customer: it can no longer be paid. */
  | "closed"
  /** An earlier link is still open at Finpay, or its cancel was never confirmed. */
  | "open_attempt";

/** Statuses of an order that can still be paid unless closed; the same list as the index orders_one_open_per_user. */
export const OPEN_ORDER_STATUSES = ["pending_payment", "failed", "expired", "cancelled"] as const satisfies readonly Order["status"][];

type OrderState = Pick<Order, "status" | "closedAt">;

/** An order that was paid, whatever happened to the money afterwards. */
export const PAID_ORDER_STATUSES: readonly Order["status"][] = ["paid", "partly_refunded", "refunded", "voided"];

/** Pure, so the order page can show "Pay again" exactly when the locked check would allow it. */
export function attemptRefusal(order: OrderState | undefined, liveAttempts: number): AttemptRefusal | null {
  if (!order) return "not_found";
  if (PAID_ORDER_STATUSES.includes(order.status)) return "paid";
  if (order.closedAt) return "closed";
  if (liveAttempts > 0) return "open_attempt";
  return null;
}

export interface AttemptRequest {
  orderId: string;
  userId: string;
  method: PaymentMethod;
  savedCardId: string | null;
  idempotencyKey: string;
  finpayOrderId: string;
}

export type OpenedAttempt = { ok: true; order: Order; attempt: PaymentAttempt } | { ok: false; refusal: AttemptRefusal };

/** Locks the order, applies the rule, and only then inserts the attempt; the caller's transaction commits both. */
export async function openAttempt(tx: Tx, request: AttemptRequest): Promise<OpenedAttempt> {
  const [order] = await tx
    .select()
    .from(orders)
    .where(and(eq(orders.id, request.orderId), eq(orders.userId, request.userId)))
    .for("update");
  const [live] = await tx
    .select({ n: count() })
    .from(paymentAttempts)
    .where(and(eq(paymentAttempts.orderId, request.orderId), inArray(paymentAttempts.status, [...LIVE_STATUSES])));
  const refusal = attemptRefusal(order, live?.n ?? 0);
  if (refusal || !order) return { ok: false, refusal: refusal ?? "not_found" };

  await reopenOrder(tx, order.id);
  const [attempt] = await tx
    .insert(paymentAttempts)
    .values({
      orderId: order.id,
      finpayOrderId: request.finpayOrderId,
      method: request.method,
      amountIdr: order.totalIdr,
      currency: order.currency,
      idempotencyKey: request.idempotencyKey,
      savedCardId: request.savedCardId,
    })
    .returning();
  return { ok: true, order: { ...order, status: "pending_payment" }, attempt: attempt! };
}
