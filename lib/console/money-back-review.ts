import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { paymentAttempts } from "@/db/schema";
import { orderNumber } from "@/lib/payments/ids";
import { remainingRefundable } from "@/lib/payments/money-back";

/** The payment a refund or void form is about, as the confirmation step names it. */
export interface MoneyBackSubject {
  orderNumber: string;
  /** What the customer paid on this attempt (a void gives back all of it). */
  amountIdr: number;
  /** What can still go back (lib/payments/money-back.ts decides again, under the lock, when money moves). */
  leftIdr: number;
}

/** Undefined unless the attempt exists and belongs to that order: the question must name the right order. */
export async function getMoneyBackSubject(orderId: string, attemptId: string): Promise<MoneyBackSubject | undefined> {
  const db = await getDb();
  const [attempt] = await db
    .select({ id: paymentAttempts.id, amountIdr: paymentAttempts.amountIdr })
    .from(paymentAttempts)
    .where(and(eq(paymentAttempts.id, attemptId), eq(paymentAttempts.orderId, orderId)));
  if (!attempt) return undefined;
  return { orderNumber: orderNumber(orderId), amountIdr: attempt.amountIdr, leftIdr: await remainingRefundable(attempt) };
}
