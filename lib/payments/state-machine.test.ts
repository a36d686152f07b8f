import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { cartItems, type PaymentStatus } from "@/db/schema";
import type { FinpayTransaction } from "@/lib/finpay";
import { expectRefusedBy, UNIQUE_VIOLATION } from "@/test-support/database-errors";
import { attemptRow as attemptOf, fillCart, newAttempt, newCustomer, newOrder, orderRow as orderOf } from "@/test-support/payment-fixtures";
import { applyTransaction } from "./outcome";
import { canTransition, transitionAttempt } from "./state-machine";

const STATUSES: PaymentStatus[] = ["initiating", "pending", "paid", "failed", "expired", "cancelled", "refunded", "partly_refunded", "voided"];


function transaction(finpayOrderId: string, status: string, amount = 190_000): FinpayTransaction {
  return { order: { id: finpayOrderId, amount, currency: "IDR" }, result: { payment: { status, amount, statusDesc: status === "FAILURE" ? "Do not honour" : null } } };
}

/** A new customer's order with one pending attempt. */
async function orderWithPendingAttempt() {
  const order = await newOrder((await newCustomer()).id);
  return { order, attempt: await newAttempt(order.id) };
}

describe("payment state machine (real database)", () => {
  const expected: Record<PaymentStatus, PaymentStatus[]> = {
    initiating: ["pending", "paid", "failed", "expired", "cancelled"],
    pending: ["paid", "failed", "expired", "cancelled"],
    paid: ["refunded", "partly_refunded", "voided"],
    failed: ["paid"],
    expired: ["paid"],
    cancelled: ["paid"],
    refunded: [],
    partly_refunded: ["refunded"],
    voided: [],
  };

  for (const from of STATUSES) {
    for (const to of STATUSES) {
      if (from === to) continue;
      const allowed = expected[from].includes(to);
      it(`${from} -> ${to} is ${allowed ? "applied" : "refused"}`, async () => {
        expect(canTransition(from, to)).toBe(allowed);
        const user = await newCustomer();
        const order = await newOrder(user.id);
        const attempt = await newAttempt(order.id, { status: from });
        const result = await transitionAttempt(attempt.id, to);
        expect(result.changed).toBe(allowed);
        expect((await attemptOf(attempt.id)).status).toBe(allowed ? to : from);
      });
    }
  }

  it("money back moves the order with the attempt that paid it; a later success on a refunded or voided order is a duplicate", async () => {
    for (const moneyBack of ["refunded", "voided"] as const) {
      const user = await newCustomer();
      const order = await newOrder(user.id);
      const first = await newAttempt(order.id);
      await transitionAttempt(first.id, "paid");
      expect(await transitionAttempt(first.id, moneyBack)).toMatchObject({ changed: true, orderStatus: moneyBack });
      const late = await newAttempt(order.id, { status: "expired" });
      expect(await transitionAttempt(late.id, "paid")).toMatchObject({ changed: true, duplicatePayment: true, orderStatus: null });
      expect(await orderOf(order.id)).toMatchObject({ status: moneyBack, paidAttemptId: first.id });
    }
  });

  it("a repeated transition is a no-op", async () => {
    const user = await newCustomer();
    const attempt = await newAttempt((await newOrder(user.id)).id);
    expect((await transitionAttempt(attempt.id, "paid")).changed).toBe(true);
    expect(await transitionAttempt(attempt.id, "paid")).toEqual({ changed: false, reason: "already_in_state", current: "paid" });
  });

  it("paying an attempt pays the order and changes nothing else (the cart is status-change.ts's business)", async () => {
    const user = await newCustomer();
    const { cartId } = await fillCart(user.id);
    const order = await newOrder(user.id);
    const attempt = await newAttempt(order.id);
    const result = await transitionAttempt(attempt.id, "paid", { finpayStatus: "CAPTURED" });
    expect(result).toMatchObject({ changed: true, from: "pending", to: "paid", orderStatus: "paid", duplicatePayment: false });
    expect(await orderOf(order.id)).toMatchObject({ status: "paid", paidAttemptId: attempt.id });
    const db = await getDb();
    expect(await db.select().from(cartItems).where(eq(cartItems.cartId, cartId))).toHaveLength(1);
  });

  it("an ending attempt sets the order's outcome, but never un-pays a paid order", async () => {
    const user = await newCustomer();
    const order = await newOrder(user.id);
    await newAttempt(order.id, { status: "failed" });
    const second = await newAttempt(order.id);
    expect((await transitionAttempt(second.id, "expired")).changed).toBe(true);
    expect((await orderOf(order.id)).status).toBe("expired");

    const paidOrder = await newOrder((await newCustomer()).id); // a customer has one open order at a time
    await transitionAttempt((await newAttempt(paidOrder.id)).id, "paid");
    const late = await newAttempt(paidOrder.id, { status: "pending" });
    expect(await transitionAttempt(late.id, "failed")).toMatchObject({ changed: true, orderStatus: null });
    expect((await orderOf(paidOrder.id)).status).toBe("paid");
  });

  it("the database allows one live attempt per order", async () => {
    const user = await newCustomer();
    const order = await newOrder(user.id);
    await newAttempt(order.id, { status: "pending" });
    await expectRefusedBy(newAttempt(order.id, { status: "initiating" }), { code: UNIQUE_VIOLATION, constraint: "payment_attempts_one_live_per_order" });
    await expect(newAttempt(order.id, { status: "failed" })).resolves.toBeDefined();
  });

  it("50 concurrent identical callbacks make exactly one transition", async () => {
    const { order, attempt } = await orderWithPendingAttempt();
    const results = await Promise.all(Array.from({ length: 50 }, () => applyTransaction(attempt, transaction(attempt.finpayOrderId, "CAPTURED"))));
    expect(results.filter((r) => r.transition?.changed)).toHaveLength(1);
    expect(results.filter((r) => r.outcome === "duplicate")).toHaveLength(49);
    expect(await orderOf(order.id)).toMatchObject({ status: "paid", paidAttemptId: attempt.id });
  });

  it("a repeated callback for an attempt already in that state writes nothing", async () => {
    const { order, attempt } = await orderWithPendingAttempt();
    await applyTransaction(attempt, transaction(attempt.finpayOrderId, "CAPTURED"));
    const paid = await attemptOf(attempt.id);
    const repeat = await applyTransaction(paid, transaction(attempt.finpayOrderId, "CAPTURED"));
    expect(repeat).toMatchObject({ outcome: "duplicate", flagged: false });
    expect(await attemptOf(attempt.id)).toEqual(paid);
    expect(await orderOf(order.id)).toMatchObject({ status: "paid", paidAttemptId: attempt.id });
  });

  it("a FAILURE arriving after CAPTURED changes nothing", async () => {
    const { order, attempt } = await orderWithPendingAttempt();
    await applyTransaction(attempt, transaction(attempt.finpayOrderId, "CAPTURED"));
    const late = await applyTransaction(attempt, transaction(attempt.finpayOrderId, "FAILURE"));
    expect(late.outcome).toBe("ignored_out_of_order");
    expect((await attemptOf(attempt.id)).status).toBe("paid");
    expect((await orderOf(order.id)).status).toBe("paid");
  });

  it("a success with the wrong amount or currency is flagged and pays nothing", async () => {
    const { order, attempt } = await orderWithPendingAttempt();
    const cheaper = await applyTransaction(attempt, transaction(attempt.finpayOrderId, "CAPTURED", 1_000));
    expect(cheaper).toMatchObject({ outcome: "amount_mismatch", flagged: true });
    const usd = await applyTransaction(attempt, { ...transaction(attempt.finpayOrderId, "CAPTURED"), order: { id: attempt.finpayOrderId, amount: 190_000, currency: "USD" } });
    expect(usd).toMatchObject({ outcome: "amount_mismatch", flagged: true });
    expect((await attemptOf(attempt.id)).status).toBe("pending");
    expect((await orderOf(order.id)).status).toBe("pending_payment");
  });

  it("a second successful attempt on a paid order is recorded as a duplicate payment", async () => {
    const user = await newCustomer();
    const order = await newOrder(user.id);
    const first = await newAttempt(order.id, { status: "cancelled" });
    const second = await newAttempt(order.id, { status: "pending" });
    await applyTransaction(second, transaction(second.finpayOrderId, "CAPTURED"));
    const late = await applyTransaction(first, transaction(first.finpayOrderId, "CAPTURED"));
    expect(late).toMatchObject({ outcome: "duplicate_payment", flagged: true });
    expect(await attemptOf(first.id)).toMatchObject({ status: "paid", duplicatePayment: true });
    expect(await orderOf(order.id)).toMatchObject({ status: "paid", paidAttemptId: second.id });
  });

  it("a pending or unknown status changes nothing", async () => {
    const user = await newCustomer();
    const attempt = await newAttempt((await newOrder(user.id)).id);
    expect(await applyTransaction(attempt, transaction(attempt.finpayOrderId, "REQUEST_INITIATED"))).toMatchObject({ outcome: "still_pending", flagged: false });
    expect(await applyTransaction(attempt, transaction(attempt.finpayOrderId, "SOMETHING_NEW"))).toMatchObject({ outcome: "still_pending", flagged: true });
    expect((await attemptOf(attempt.id)).status).toBe("pending");
  });

  it("a declined payment fails the attempt and the order, with the plain-words code and Finpay's description", async () => {
    const { order, attempt } = await orderWithPendingAttempt();
    expect((await applyTransaction(attempt, transaction(attempt.finpayOrderId, "FAILURE"))).outcome).toBe("pending_to_failed");
    expect(await attemptOf(attempt.id)).toMatchObject({
      status: "failed",
      failureMessage: "declinedBank (Do not honour)",
    });
    expect((await orderOf(order.id)).status).toBe("failed");
  });
});
