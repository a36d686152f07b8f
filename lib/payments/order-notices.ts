import type { Messages } from "@/messages";

/**
 * Explanations an order page shows after an action whose form disappears with the answer (the order turned out to
 * be paid). Only these codes are ever shown; anything else in the address is ignored. Each code names its words
 * in the payments namespace (payments.notices), translated by the page.
 */
export const ORDER_NOTICES = {
  "already-paid": "alreadyPaid",
  "paid-before-cancel": "paidBeforeCancel",
} as const satisfies Record<string, keyof Messages["payments"]["notices"]>;

export type OrderNotice = keyof typeof ORDER_NOTICES;
export type OrderNoticeKey = (typeof ORDER_NOTICES)[OrderNotice];

export function orderNoticeUrl(orderId: string, notice: OrderNotice): string {
  return `/orders/${orderId}?notice=${notice}`;
}

/** The message key of a notice named in the address, or null for anything that is not one of ours. */
export function orderNoticeKey(value: string | string[] | undefined): OrderNoticeKey | null {
  return typeof value === "string" && Object.hasOwn(ORDER_NOTICES, value) ? ORDER_NOTICES[value as OrderNotice] : null;
}
