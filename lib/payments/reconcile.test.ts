import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { gatewayExchanges, orders, paymentAttempts } from "@/db/schema";
import { withFinpaySandbox } from "@/test-support/payment-sandbox";
import { CARDS } from "@/test-support/cards";
import { attemptRow, attemptsOf, newAttempt, newCustomer, newOrder, orderRow, statusesOf as statusOf } from "@/test-support/payment-fixtures";
import { payAgain } from "./checkout";
import { recordEvent } from "./outcome";
import { reconcileDue, reconcileOrderIfDue } from "./reconcile";

const finpay = withFinpaySandbox();

async function ageAttempt(attemptId: string, minutes: number) {
  const db = await getDb();
  await db.execute(sql`update ${paymentAttempts} set created_at = now() - make_interval(mins => ${minutes}), last_checked_at = null where id = ${attemptId}`);
}


describe("reconciliation from check-status", () => {
  it("a payment whose callback was lost is settled once it is due, and not before", async () => {
    const { attempt, user } = await finpay.pendingPayment();
    await finpay.sandbox.control("POST", "/faults", { callbacks: { mode: "drop" } });
    await finpay.sandbox.control("POST", `/orders/${attempt.finpayOrderId}/pay`, { card: CARDS.approvedMastercard });

    await reconcileOrderIfDue(attempt.orderId, user.id); // too young: no callback expected yet
    expect(await statusOf(attempt.id)).toEqual({ attempt: "pending", order: "pending_payment" });

    await ageAttempt(attempt.id, 10);
    const result = await reconcileDue();
    expect(result.outcomes).toMatchObject({ pending_to_paid: 1 });
    expect(await statusOf(attempt.id)).toEqual({ attempt: "paid", order: "paid" });
  });

  it.each([
    ["answered 503 after it was stored (check-status or the database failed)", "received"],
    ["that only said the payment was still pending", "still_pending"],
  ] as const)("a callback %s is no news: the payment is settled when due, not at its link's expiry", async (_label, outcome) => {
    const { attempt } = await finpay.pendingPayment();
    await finpay.sandbox.control("POST", "/faults", { callbacks: { mode: "drop" } });
    await finpay.sandbox.control("POST", `/orders/${attempt.finpayOrderId}/pay`, { card: CARDS.approvedMastercard });
    // What the callback handler leaves when a signed callback was stored and then not processed to the end.
    await recordEvent({ attemptId: attempt.id, finpayOrderId: attempt.finpayOrderId, source: "callback", rawBody: "{}", signatureValid: true, finpayStatus: "CAPTURED", outcome });
    await ageAttempt(attempt.id, 10); // due, while the 60-minute link is still open
    const result = await reconcileDue();
    expect(result.outcomes).toMatchObject({ pending_to_paid: 1 });
    expect(await statusOf(attempt.id)).toEqual({ attempt: "paid", order: "paid" });
  });

  it("a processed callback is news: the attempt is left to it until its link expires", async () => {
    const { attempt, user } = await finpay.pendingPayment();
    await recordEvent({ attemptId: attempt.id, finpayOrderId: attempt.finpayOrderId, source: "callback", rawBody: "{}", signatureValid: true, finpayStatus: "CAPTURED", outcome: "amount_mismatch" });
    await ageAttempt(attempt.id, 10);
    await reconcileOrderIfDue(attempt.orderId, user.id);
    expect((await attemptRow(attempt.id)).lastCheckedAt).toBeNull(); // not claimed, not asked
  });

  it("an expired link is settled as expired", async () => {
    const { attempt, user } = await finpay.pendingPayment();
    await finpay.sandbox.control("POST", "/faults", { callbacks: { mode: "drop" } });
    await finpay.sandbox.control("POST", `/orders/${attempt.finpayOrderId}/expire`);
    await ageAttempt(attempt.id, 10);
    await reconcileOrderIfDue(attempt.orderId, user.id);
    expect(await statusOf(attempt.id)).toEqual({ attempt: "expired", order: "expired" });
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
    await reconcileOrderIfDue(order.id, user.id);
    expect(await statusOf(orphan.id)).toEqual({ attempt: "failed", order: "failed" });
  });
});

describe("an app killed during the initiate call", () => {
  /** The process died after Finpay made the link and before it was recorded: "initiating", no link, minutes ago. */
  async function abandon(attemptId: string) {
    const db = await getDb();
    await db.execute(sql`update ${paymentAttempts} set status = 'initiating', redirect_url = null, expires_at = null,
      created_at = now() - interval '10 minutes', last_checked_at = null where id = ${attemptId}`);
  }

  it("reconciliation cancels the link Finpay made and the order can be paid again", async () => {
    const { user, attempt } = await finpay.pendingPayment();
    await abandon(attempt.id);
    await reconcileDue();
    const [after] = await attemptsOf(attempt.orderId);
    expect(after!.status).toBe("cancelled");
    expect((await finpay.orderAtFinpay(attempt.finpayOrderId)).status).toBe("CANCELLED");
    expect(await payAgain(user, attempt.orderId, { method: "basic" }, randomUUID())).toMatchObject({ ok: true });
  });

  it("an attempt Finpay never heard of is given up as failed", async () => {
    const user = await newCustomer();
    const db = await getDb();
    const [order] = await db.insert(orders).values({ userId: user.id, totalIdr: 190_000 }).returning();
    const [attempt] = await db
      .insert(paymentAttempts)
      .values({ orderId: order!.id, finpayOrderId: `TN-NEVER-${randomUUID().slice(0, 8)}`, method: "basic", amountIdr: 190_000, idempotencyKey: randomUUID() })
      .returning();
    await abandon(attempt!.id);
    await reconcileDue();
    expect((await attemptsOf(order!.id))[0]!.status).toBe("failed");
    expect((await orderRow(order!.id)).status).toBe("failed");
  });
});
