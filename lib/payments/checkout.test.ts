import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { orders } from "@/db/schema";
import type { PublicUser } from "@/lib/account/users";
import { isUniqueViolation } from "@/lib/db-errors";
import { attemptsOf, deliveryFor, fillCart, newCustomer, orderRow } from "@/test-support/payment-fixtures";
import { withFinpaySandbox } from "@/test-support/payment-sandbox";
import { attemptRefusal } from "./attempt-rule";
import { getCheckoutPage, payAgain, startCheckout, startOver, type StartPaymentResult } from "./checkout";

/**
 * The never-charge-twice rule with real parts: the sandbox over HTTP plays Finpay, the database is PGlite or
 * Postgres. "Charged" is read from the sandbox itself: how many Finpay orders a customer has, and which are captured.
 */
const finpay = withFinpaySandbox();

async function customerWithCart() {
  const user = await newCustomer();
  await fillCart(user.id, "kopi-gayo-arabika", 2);
  return user;
}

function expectStarted(result: StartPaymentResult): asserts result is Extract<StartPaymentResult, { ok: true }> {
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
}

const finpayOrdersOf = (user: PublicUser) => finpay.ordersAtFinpay(user.email);

describe("the attempt-start rule", () => {
  it("allows a new attempt only on an unpaid, open order with no live attempt", () => {
    const open = { status: "failed", closedAt: null } as const;
    expect(attemptRefusal(open, 0)).toBeNull();
    expect(attemptRefusal({ status: "pending_payment", closedAt: null }, 0)).toBeNull();
    expect(attemptRefusal(undefined, 0)).toBe("not_found");
    expect(attemptRefusal({ status: "paid", closedAt: null }, 0)).toBe("paid");
    expect(attemptRefusal({ status: "refunded", closedAt: null }, 0)).toBe("paid");
    expect(attemptRefusal({ status: "cancelled", closedAt: new Date() }, 0)).toBe("closed");
    expect(attemptRefusal(open, 1)).toBe("open_attempt");
  });
});

describe("never charged twice", () => {
  it("Back from Finpay's page and checkout again: the same order and the same link, one Finpay order", async () => {
    const user = await customerWithCart();
    const first = await startCheckout(user, { method: "basic" }, randomUUID(), await deliveryFor(user));
    expectStarted(first);
    // A fresh checkout page (new idempotency key), even choosing another way to pay.
    const second = await startCheckout(user, { method: "basic_save_card" }, randomUUID(), await deliveryFor(user));
    expectStarted(second);
    expect(second).toEqual(first);
    expect(await finpayOrdersOf(user)).toHaveLength(1);
    expect(await attemptsOf(first.orderId)).toHaveLength(1);
  });

  it("two tabs check out one cart at the same moment: one order, one Finpay order", async () => {
    const user = await customerWithCart();
    const delivery = await deliveryFor(user);
    const results = await Promise.all([startCheckout(user, { method: "basic" }, randomUUID(), delivery), startCheckout(user, { method: "basic" }, randomUUID(), delivery)]);
    const orderIds = new Set(results.map((r) => r.orderId));
    expect(orderIds.size).toBe(1);
    for (const result of results) if (!result.ok) expect(result.reason).toBe("in_progress");
    const db = await getDb();
    expect(await db.select().from(orders).where(eq(orders.userId, user.id))).toHaveLength(1);
    expect(await finpayOrdersOf(user)).toHaveLength(1);
  });

  it("a stale 'Pay again' while the callback is late finds the order paid and starts nothing", async () => {
    const user = await customerWithCart();
    const first = await startCheckout(user, { method: "basic" }, randomUUID(), await deliveryFor(user));
    expectStarted(first);
    const [declined] = await attemptsOf(first.orderId);
    await finpay.declineAtFinpay(declined!.finpayOrderId);
    expect((await orderRow(first.orderId)).status).toBe("failed");

    // Tab 1 pays again and Finpay captures, but the callback has not arrived.
    const tab1 = await payAgain(user, first.orderId, { method: "basic" }, randomUUID());
    expectStarted(tab1);
    const paying = (await attemptsOf(first.orderId))[1]!;
    await finpay.payAtFinpay(paying.finpayOrderId, { callbackLost: true });
    // Tab 2 still shows "Payment failed" and presses "Pay with a new card".
    const tab2 = await payAgain(user, first.orderId, { method: "basic" }, randomUUID());
    expect(tab2).toMatchObject({ ok: false, reason: "not_payable", orderId: first.orderId });
    expect((await orderRow(first.orderId)).status).toBe("paid");
    expect(await attemptsOf(first.orderId)).toHaveLength(2);
    const charged = (await finpayOrdersOf(user)).filter((o) => o.status === "CAPTURED");
    expect(charged.map((o) => o.id)).toEqual([paying.finpayOrderId]);
  });

  it("a changed cart cancels the open link at Finpay before a new order starts, and closes the old order", async () => {
    const user = await customerWithCart();
    const first = await startCheckout(user, { method: "basic" }, randomUUID(), await deliveryFor(user));
    expectStarted(first);
    await fillCart(user.id, "sambal-bawang", 1);
    const page = await getCheckoutPage(user, "id");
    expect(page.openOrder).toMatchObject({ id: first.orderId, sameCart: false, paymentOpen: true });

    const second = await startCheckout(user, { method: "basic" }, randomUUID(), await deliveryFor(user));
    expectStarted(second);
    expect(second.orderId).not.toBe(first.orderId);
    const [old] = await attemptsOf(first.orderId);
    expect(old!.status).toBe("cancelled");
    expect((await orderRow(first.orderId)).closedAt).not.toBeNull();
    const atFinpay = await finpayOrdersOf(user);
    expect(atFinpay.find((o) => o.id === old!.finpayOrderId)?.status).toBe("CANCELLED");

    // The closed order can never be paid again, from any stale page.
    expect(await payAgain(user, first.orderId, { method: "basic" }, randomUUID())).toMatchObject({ ok: false, reason: "not_payable" });
  });

  it("a changed cart whose open payment Finpay had already captured starts nothing and records the payment", async () => {
    const user = await customerWithCart();
    const first = await startCheckout(user, { method: "basic" }, randomUUID(), await deliveryFor(user));
    expectStarted(first);
    const [attempt] = await attemptsOf(first.orderId);
    await finpay.payAtFinpay(attempt!.finpayOrderId, { callbackLost: true });
    await fillCart(user.id, "sambal-bawang", 1);
    const second = await startCheckout(user, { method: "basic" }, randomUUID(), await deliveryFor(user));
    expect(second).toMatchObject({ ok: false, reason: "not_payable", orderId: first.orderId });
    expect((await orderRow(first.orderId)).status).toBe("paid");
    expect(await finpayOrdersOf(user)).toHaveLength(1);
  });

  it("after a declined payment, checking out the same cart again continues the same order", async () => {
    const user = await customerWithCart();
    const first = await startCheckout(user, { method: "basic" }, randomUUID(), await deliveryFor(user));
    expectStarted(first);
    await finpay.declineAtFinpay((await attemptsOf(first.orderId))[0]!.finpayOrderId);
    const page = await getCheckoutPage(user, "id");
    expect(page.openOrder).toMatchObject({ id: first.orderId, sameCart: true, paymentOpen: false });
    const again = await startCheckout(user, { method: "basic" }, randomUUID(), await deliveryFor(user));
    expectStarted(again);
    expect(again.orderId).toBe(first.orderId);
    expect(await attemptsOf(first.orderId)).toHaveLength(2);
  });

  it("cancel and start over: the link is cancelled at Finpay, the order closed, and the next checkout is a new order", async () => {
    const user = await customerWithCart();
    const first = await startCheckout(user, { method: "basic" }, randomUUID(), await deliveryFor(user));
    expectStarted(first);
    expect(await startOver(user, first.orderId)).toEqual({ ok: true });
    expect((await orderRow(first.orderId)).closedAt).not.toBeNull();
    expect((await getCheckoutPage(user, "id")).openOrder).toBeNull();
    const fresh = await startCheckout(user, { method: "basic" }, randomUUID(), await deliveryFor(user));
    expectStarted(fresh);
    expect(fresh.orderId).not.toBe(first.orderId);
    const statuses = (await finpayOrdersOf(user)).map((o) => o.status).sort();
    expect(statuses).toEqual(["CANCELLED", "REQUEST_INITIATED"]);
  });

  it("the database refuses a second open order for one customer", async () => {
    const user = await customerWithCart();
    const db = await getDb();
    await db.insert(orders).values({ userId: user.id, totalIdr: 1000 });
    const second = await db.insert(orders).values({ userId: user.id, totalIdr: 1000 }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(isUniqueViolation(second, "orders_one_open_per_user")).toBe(true);
  });
});

describe("when Finpay cannot be reached", () => {
  // Last in the file: it stops the sandbox.
  it("a changed cart with an open link starts nothing: the cancel was not confirmed", async () => {
    const user = await customerWithCart();
    const first = await startCheckout(user, { method: "basic" }, randomUUID(), await deliveryFor(user));
    expectStarted(first);
    await fillCart(user.id, "sambal-bawang", 1);
    await finpay.sandbox.close();
    const second = await startCheckout(user, { method: "basic" }, randomUUID(), await deliveryFor(user));
    expect(second).toMatchObject({ ok: false, reason: "gateway", orderId: first.orderId });
    const db = await getDb();
    expect(await db.select().from(orders).where(eq(orders.userId, user.id))).toHaveLength(1);
    expect((await attemptsOf(first.orderId))[0]!.status).toBe("pending");
  });
});
