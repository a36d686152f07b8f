import type { Order } from "@/db/schema";

/**
 * Orders Finpay has nothing more to tell us about: paid (whatever happened to the money afterwards: refunded,
 * partly refunded, voided), or given up (cancelled, its link expired). The one place that decides whether
 * "Check status" is offered on the order page and accepted by its action.
 */
export const SETTLED_ORDER_STATUSES = ["paid", "partly_refunded", "refunded", "voided", "cancelled", "expired"] as const satisfies readonly Order["status"][];

export function isSettledOrder(status: Order["status"]): boolean {
  return (SETTLED_ORDER_STATUSES as readonly Order["status"][]).includes(status);
}

/** Worth asking Finpay: the order has a payment, and a link is still open or the order is not settled yet. */
export function canCheckStatus(status: Order["status"], attempts: number, hasLiveAttempt: boolean): boolean {
  return attempts > 0 && (hasLiveAttempt || !isSettledOrder(status));
}
