import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { gatewayExchanges, orders, paymentAttempts } from "@/db/schema";
import { withFinpaySandbox } from "@/tests/payment-sandbox";
import { newAttempt, newCustomer, newOrder } from "@/tests/payment-fixtures";
import { reconcileDue, reconcileOrderIfDue } from "./reconcile";

const finpay = withFinpaySandbox();

async function ageAttempt(attemptId: string, minutes: number) {
  const db = await getDb();
  await db.execute(sql`update ${paymentAttempts} set created_at = now() - make_interval(mins => ${minutes}), last_checked_at = null where id = ${attemptId}`);
}

async function statusOf(attemptId: string) {
  const db = await getDb();
  const [attempt] = await db.select().from(paymentAttempts).where(eq(paymentAttempts.id, attemptId));
  const [order] = await db.select().from(orders).where(eq(orders.id, attempt!.orderId));
  return { attempt: attempt!.status, order: order!.status };
}

describe("reconciliation from check-status", () => {
  it("a payment whose callback was lost is settled once it is due, and not before", async () => {
    const { attempt } = await finpay.pendingPayment();
    await finpay.sandbox.control("POST", "/faults", { callbacks: { mode: "drop" } });
    await finpay.sandbox.control("POST", `/orders/${attempt.finpayOrderId}/pay`, { card: "5123450000000008" });

    await reconcileOrderIfDue(attempt.orderId); // too young: no callback expected yet
    expect(await statusOf(attempt.id)).toEqual({ attempt: "pending", order: "pending_payment" });

    await ageAttempt(attempt.id, 10);
    const result = await reconcileDue();
    expect(result.outcomes).toMatchObject({ pending_to_paid: 1 });
    expect(await statusOf(attempt.id)).toEqual({ attempt: "paid", order: "paid" });
    await finpay.sandbox.control("DELETE", "/faults");
  });

  it("an expired link is settled as expired", async () => {
    const { attempt } = await finpay.pendingPayment();
    await finpay.sandbox.control("POST", "/faults", { callbacks: { mode: "drop" } });
    await finpay.sandbox.control("POST", `/orders/${attempt.finpayOrderId}/expire`);
    await ageAttempt(attempt.id, 10);
    await reconcileOrderIfDue(attempt.orderId);
    expect(await statusOf(attempt.id)).toEqual({ attempt: "expired", order: "expired" });
    await finpay.sandbox.control("DELETE", "/faults");
  });

  it("several reconcilers at once check each due attempt exactly once", async () => {
    const attempts = [await finpay.pendingPayment(), await finpay.pendingPayment(), await finpay.pendingPayment()].map((p) => p.attempt);
    for (const attempt of attempts) await ageAttempt(attempt.id, 10);
    await Promise.all([reconcileDue(), reconcileDue(), reconcileDue(), reconcileDue()]);
    const db = await getDb();
    for (const attempt of attempts) {
      const checks = await db.select().from(gatewayExchanges).where(sql`${gatewayExchanges.attemptId} = ${attempt.id} and ${gatewayExchanges.operation} = 'checkStatus'`);
      expect(checks).toHaveLength(1);
    }
  });

  it("an attempt Finpay never created is given up as failed", async () => {
    const user = await newCustomer();
    const order = await newOrder(user.id);
    const orphan = await newAttempt(order.id, { status: "initiating", createdAt: new Date(Date.now() - 10 * 60_000) });
    await reconcileOrderIfDue(order.id);
    expect(await statusOf(orphan.id)).toEqual({ attempt: "failed", order: "failed" });
  });
});
