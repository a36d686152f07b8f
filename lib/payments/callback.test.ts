import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { orders, paymentAttempts, paymentEvents } from "@/db/schema";
import { withSignature } from "@/lib/finpay";
import { CARDS } from "@/test-support/cards";
import { deliveryFor, fillCart, newCustomer, paymentStateOf as state } from "@/test-support/payment-fixtures";
import { withFinpaySandbox } from "@/test-support/payment-sandbox";
import { handleFinpayCallback, TransientCallbackError } from "./callback";
import { startCheckout } from "./checkout";
import { QUEUES } from "@/lib/jobs/queues";
import { workQueue } from "@/test-support/jobs";
import { isCardFetchPending, listSavedCards } from "./saved-cards";

/**
 * The callback path end to end with real parts: the local sandbox signs and sends the callbacks, and
 * handleFinpayCallback verifies them, confirms with the sandbox's check-status, and writes to the real database.
 */

const KEY = "SoSecret123";
const finpay = withFinpaySandbox();
const { pendingPayment, lastCallbackFor } = finpay;


describe("Finpay callback handling", () => {
  it("a signed CAPTURED callback, confirmed by check-status, pays the order; a duplicate changes nothing", async () => {
    const { orderId, attempt } = await pendingPayment();
    expect(attempt.status).toBe("pending");
    await finpay.sandbox.control("POST", `/orders/${attempt.finpayOrderId}/pay`, { card: CARDS.approvedMastercard });
    const raw = await lastCallbackFor(attempt.finpayOrderId);

    expect(await handleFinpayCallback(raw)).toEqual({ status: 200, body: { responseCode: "2000000", responseMessage: "Success" } });
    let now = await state(orderId);
    expect(now.order.status).toBe("paid");
    expect(now.attempt).toMatchObject({ status: "paid", finpayStatus: "CAPTURED" });
    expect(now.events.map((e) => [e.source, e.signatureValid, e.outcome])).toEqual([["callback", true, "pending_to_paid"]]);

    expect((await handleFinpayCallback(raw)).status).toBe(200);
    now = await state(orderId);
    expect(now.events.map((e) => e.outcome)).toEqual(["pending_to_paid", "duplicate"]);
    expect(now.order.paidAttemptId).toBe(attempt.id);
  });

  it("50 concurrent deliveries of the same signed callback make exactly one transition and 50 recorded events", async () => {
    const { orderId, attempt } = await pendingPayment();
    await finpay.sandbox.control("POST", `/orders/${attempt.finpayOrderId}/pay`, { card: CARDS.approvedMastercard });
    const raw = await lastCallbackFor(attempt.finpayOrderId);
    const replies = await Promise.all(Array.from({ length: 50 }, () => handleFinpayCallback(raw)));
    expect(replies.every((r) => r.status === 200)).toBe(true);
    const now = await state(orderId);
    expect(now.order.status).toBe("paid");
    expect(now.events).toHaveLength(50);
    expect(now.events.filter((e) => e.outcome === "pending_to_paid")).toHaveLength(1);
    expect(now.events.filter((e) => e.outcome === "duplicate")).toHaveLength(49);
  });

  it("a forged signature is refused with 401, recorded, and changes nothing", async () => {
    const { orderId, attempt } = await pendingPayment();
    await finpay.sandbox.control("POST", `/orders/${attempt.finpayOrderId}/callbacks/forged`, {});
    const forged = await lastCallbackFor(attempt.finpayOrderId);
    expect((await handleFinpayCallback(forged)).status).toBe(401);
    const db = await getDb();
    const [event] = await db.select().from(paymentEvents).where(eq(paymentEvents.finpayOrderId, attempt.finpayOrderId));
    expect(event).toMatchObject({ signatureValid: false, outcome: "rejected_signature", flagged: true });
    expect((await state(orderId)).order.status).toBe("pending_payment");
  });

  it("a validly signed CAPTURED that check-status does not confirm pays nothing", async () => {
    const { orderId, attempt } = await pendingPayment();
    const claim = withSignature(
      { customer: { id: "x" }, order: { id: attempt.finpayOrderId, reference: "r", amount: attempt.amountIdr, currency: "IDR" }, result: { payment: { amount: attempt.amountIdr, status: "CAPTURED", statusDesc: null } } },
      KEY,
    );
    expect((await handleFinpayCallback(JSON.stringify(claim))).status).toBe(200);
    const now = await state(orderId);
    expect(now.order.status).toBe("pending_payment");
    expect(now.events.at(-1)?.outcome).toBe("still_pending");
  });

  it("a validly signed callback with a changed amount is flagged and pays nothing", async () => {
    const { orderId, attempt } = await pendingPayment();
    await finpay.sandbox.control("POST", `/orders/${attempt.finpayOrderId}/pay`, { card: CARDS.approvedMastercard });
    const genuine = JSON.parse(await lastCallbackFor(attempt.finpayOrderId)) as Record<string, unknown> & { order: { amount: number } };
    const { signature: _old, ...body } = genuine;
    const cheaper = withSignature({ ...body, order: { ...genuine.order, amount: 1_000 } }, KEY);
    expect((await handleFinpayCallback(JSON.stringify(cheaper))).status).toBe(200);
    const now = await state(orderId);
    expect(now.order.status).toBe("pending_payment");
    expect(now.events.at(-1)).toMatchObject({ outcome: "amount_mismatch", flagged: true });
  });

  it("malformed bodies get 400, an unknown order a 200, and nothing is half-written", async () => {
    expect((await handleFinpayCallback("{not json")).status).toBe(400);
    expect((await handleFinpayCallback(JSON.stringify(withSignature({ hello: "world" }, KEY)))).status).toBe(400);
    const unknown = withSignature({ order: { id: "NO-SUCH-ORDER-1", amount: 1000, currency: "IDR" }, result: { payment: { status: "CAPTURED" } } }, KEY);
    expect(await handleFinpayCallback(JSON.stringify(unknown))).toMatchObject({ status: 200 });
    const db = await getDb();
    const [event] = await db.select().from(paymentEvents).where(eq(paymentEvents.finpayOrderId, "NO-SUCH-ORDER-1"));
    expect(event).toMatchObject({ attemptId: null, outcome: "unknown_order", signatureValid: true });
  });

  it("a declined payment fails the order with Finpay's description", async () => {
    const { orderId, attempt } = await pendingPayment();
    await finpay.sandbox.control("POST", `/orders/${attempt.finpayOrderId}/fail`, { reason: "insufficient_funds" });
    await handleFinpayCallback(await lastCallbackFor(attempt.finpayOrderId));
    const now = await state(orderId);
    expect(now.order.status).toBe("failed");
    expect(now.attempt.failureMessage).toBe("declinedFunds (Insufficient funds)");
  });

  it("after a save-card payment the new token is fetched and saved, and two-click only takes the customer's own card", async () => {
    const { user, attempt } = await pendingPayment({ method: "basic_save_card" });
    await finpay.sandbox.control("POST", `/orders/${attempt.finpayOrderId}/pay`, { card: "4508750015741019" });
    await handleFinpayCallback(await lastCallbackFor(attempt.finpayOrderId));
    // The callback queued the card fetch; a worker runs it (here: now, through the worker's handler).
    expect(await listSavedCards(user.id)).toEqual([]);
    expect(await isCardFetchPending(user.id)).toBe(true);
    expect(await workQueue(QUEUES.syncSavedCards)).toMatchObject({ failed: 0 });
    expect(await isCardFetchPending(user.id)).toBe(false);
    const cards = await listSavedCards(user.id);
    expect(cards.map((c) => c.label)).toEqual(["Visa •••• 1019"]);

    const stranger = await newCustomer();
    await fillCart(stranger.id, "sambal-bawang", 1);
    const theft = await startCheckout(stranger, { method: "two_click", savedCardId: cards[0]!.id }, crypto.randomUUID(), await deliveryFor(stranger));
    expect(theft).toMatchObject({ ok: false, reason: "card" });

    await fillCart(user.id, "sambal-bawang", 1);
    const own = await startCheckout(user, { method: "two_click", savedCardId: cards[0]!.id }, crypto.randomUUID(), await deliveryFor(user));
    expect(own.ok).toBe(true);
  });

  it("the same idempotency key twice makes one order and one attempt", async () => {
    const user = await newCustomer();
    await fillCart(user.id, "teh-melati-premium", 2);
    const key = crypto.randomUUID();
    const delivery = await deliveryFor(user);
    const results = await Promise.all([startCheckout(user, { method: "basic" }, key, delivery), startCheckout(user, { method: "basic" }, key, delivery)]);
    // One of them starts the payment; the other is sent to that order (still being started, or its link), never a second one.
    const started = results.filter((r) => r.ok);
    expect(started).toHaveLength(results.some((r) => !r.ok) ? 1 : 2);
    const orderIds = new Set(results.map((r) => r.orderId));
    expect(orderIds.size).toBe(1);
    for (const result of results) if (!result.ok) expect(result.reason).toBe("in_progress");
    const db = await getDb();
    expect(await db.select().from(orders).where(eq(orders.userId, user.id))).toHaveLength(1);
    expect(await db.select().from(paymentAttempts).where(eq(paymentAttempts.orderId, [...orderIds][0]!))).toHaveLength(1);
    // The same form sent again once the link exists goes to that same link.
    const again = await startCheckout(user, { method: "basic" }, key, await deliveryFor(user));
    expect(again).toMatchObject({ ok: true, redirectUrl: (started[0] as { redirectUrl: string }).redirectUrl });
  });

  it("when check-status cannot be reached the callback is a transient failure (Finpay retries)", async () => {
    const { attempt } = await pendingPayment();
    await finpay.sandbox.control("POST", `/orders/${attempt.finpayOrderId}/pay`, { card: CARDS.approvedMastercard });
    const raw = await lastCallbackFor(attempt.finpayOrderId);
    await finpay.sandbox.close();
    await expect(handleFinpayCallback(raw)).rejects.toBeInstanceOf(TransientCallbackError);
    expect((await state(attempt.orderId)).attempt.status).toBe("pending");
  });
});
