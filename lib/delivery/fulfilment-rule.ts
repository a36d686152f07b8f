import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { orders, type Order, type OrderStatus } from "@/db/schema";
import { giveBackToStock } from "@/lib/catalog/stock";
import { logger } from "@/lib/logger";
import type { Tx } from "@/lib/payments/state-machine";
import { STEP_RULES, UNSHIPPED_STATUSES, type FulfilmentStep } from "./fulfilment-states";

/**
 * The one rule that ties the two state sets together (payment: lib/payments/state-machine.ts; fulfilment:
 * ./fulfilment.ts), read by both sides:
 * - only an order that is paid, and whose money has not all gone back, is packed or shipped;
 * - a parcel already handed to the courier is followed to the end (delivered, returned) whatever happens to the
 *   money: those steps record what the courier did, so they only need the order to have been paid;
 * - a full refund or a void of an order not yet shipped cancels its fulfilment and puts its items back into stock,
 *   in the transaction in which the refund or void becomes final; a shipped order can still be refunded, and its
 *   fulfilment then stays as it is.
 */

/** Paid, with money still kept: what packing and shipping need. */
const KEEPS_PAYMENT: readonly OrderStatus[] = ["paid", "partly_refunded"];
/** Every cent went back: the order is given up unless its parcel is already on its way. */
const MONEY_ALL_BACK: readonly OrderStatus[] = ["refunded", "voided"];

/** Why the payment side refuses a step: never paid, or its money all went back (refunded or voided). */
export type PaymentRefusal = "unpaid" | "refunded" | "voided";

export function paymentRefusal(step: FulfilmentStep, order: Pick<Order, "status" | "paidAt">): PaymentRefusal | null {
  const afterShipping = !STEP_RULES[step].from.some((from) => (UNSHIPPED_STATUSES as readonly string[]).includes(from));
  if (afterShipping) return order.paidAt ? null : "unpaid";
  if (KEEPS_PAYMENT.includes(order.status)) return null;
  if (order.status === "refunded" || order.status === "voided") return order.status;
  return "unpaid";
}

/**
 * Called by lib/payments/status-change.ts inside the transaction of every order status change. The order row is
 * already locked by that change, so a merchant shipping at the same moment either shipped first (the parcel is out:
 * nothing is cancelled) or finds the order refunded (./fulfilment.ts refuses). Cancelling is a conditional update,
 * so the items go back to stock once.
 */
export async function applyPaymentToFulfilment(tx: Tx, orderId: string, orderStatus: OrderStatus | null): Promise<void> {
  if (!orderStatus || !MONEY_ALL_BACK.includes(orderStatus)) return;
  const now = new Date();
  const cancelled = await tx
    .update(orders)
    .set({ fulfilmentStatus: "cancelled", fulfilmentCancelledAt: now, updatedAt: now })
    .where(and(eq(orders.id, orderId), inArray(orders.fulfilmentStatus, [...UNSHIPPED_STATUSES])))
    .returning({ id: orders.id });
  if (cancelled.length === 0) return;
  await giveBackToStock(tx, orderId);
  logger.info("fulfilment.cancelled_by_money_back", { orderId, orderStatus });
}
