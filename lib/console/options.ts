import { orderStatus, paymentMethod } from "@/db/schema";

/**
 * The values the console's filters offer. Their words are messages: statuses in `common.status`, payment methods
 * in `console.method` (one key per value, so a new method without words is a type error where it is shown).
 */
export const ORDER_STATUS_VALUES = orderStatus.enumValues;
export const PAYMENT_METHOD_VALUES = paymentMethod.enumValues;
export type PaymentMethod = (typeof PAYMENT_METHOD_VALUES)[number];
