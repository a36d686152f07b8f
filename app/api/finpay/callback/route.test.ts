import { randomInt } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { orders, paymentEvents } from "@/db/schema";
import { withSignature } from "@/lib/finpay";
import { REFUSED_BODY_MAX_CHARS, UNTRUSTED_EVENTS_PER_ADDRESS_PER_MINUTE } from "@/lib/payments/callback";
import { withFinpaySandbox } from "@/test-support/payment-sandbox";
import { POST } from "./route";

/**
 * The callback route itself (app/api/finpay/callback/route.ts), fed by the local sandbox over HTTP: the sandbox signs
 * and posts its callbacks, shaped as a real Finpay might send them, and the route handles them against the real
 * database and the sandbox's check-status. Refused bodies are posted to the route directly.
 */

const KEY = "SoSecret123";
const finpay = withFinpaySandbox({ deliverTo: POST });
const { pendingPayment } = finpay;

afterEach(() => finpay.sandbox.control("DELETE", "/callback-variants"));

type SandboxCallback = { contentType: string; body: string; state: string; attempts: { httpStatus: number | null; responseBody: string | null }[] };

async function payWithVariant(variant: Record<string, unknown>, action: "pay" | "fail" = "pay") {
  const payment = await pendingPayment();
  await finpay.sandbox.control("POST", "/callback-variants", { ...variant, count: 1 });
  const settled = await finpay.sandbox.control("POST", `/orders/${payment.attempt.finpayOrderId}/${action}`, {});
  await finpay.sandbox.sandbox.idle();
  return { ...payment, callback: settled.json.callback as SandboxCallback };
}

async function eventsOf(finpayOrderId: string) {
  const db = await getDb();
  return db.select().from(paymentEvents).where(eq(paymentEvents.finpayOrderId, finpayOrderId)).orderBy(paymentEvents.id);
}

async function orderStatus(orderId: string) {
  const db = await getDb();
  return (await db.select({ status: orders.status }).from(orders).where(eq(orders.id, orderId)))[0]?.status;
}

/** A documentation-range address of its own per test, so counts never mix across tests or runs. */
// A fresh, valid client address per test (lib/auth/client-ip.ts keeps only real IP addresses), so limits never meet.
const someAddress = () => `10.${randomInt(0, 256)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;

function post(body: string, headers: Record<string, string> = {}) {
  return POST(new Request("http://localhost/api/finpay/callback", { method: "POST", headers: { "content-type": "application/json", ...headers }, body }));
}

describe("tolerant where the reference is unsure: realistic callbacks through the route", () => {
  it("a correctly signed callback sent as text/plain, with amounts as strings and extra members, pays the order once", async () => {
    const { orderId, attempt, callback } = await payWithVariant({ contentType: "text/plain; charset=UTF-8", amountsAsStrings: true, extraMembers: true });
    expect(callback.contentType).toBe("text/plain; charset=UTF-8");
    expect(callback.body).toContain(`"amount":"${attempt.amountIdr}"`);
    expect(callback.body).toContain('"approvalCode":"831000"');
    expect(callback.attempts[0]).toMatchObject({ httpStatus: 200 });
    expect(await orderStatus(orderId)).toBe("paid");
    expect((await eventsOf(attempt.finpayOrderId)).map((e) => [e.source, e.signatureValid, e.outcome])).toEqual([["callback", true, "pending_to_paid"]]);
  });

  it("a form content type is read as JSON too", async () => {
    const { orderId, callback } = await payWithVariant({ contentType: "application/x-www-form-urlencoded" });
    expect(callback.attempts[0]?.httpStatus).toBe(200);
    expect(await orderStatus(orderId)).toBe("paid");
  });

  it("a callback without any optional member (no card, meta, currency, reference, statusDesc) still settles the order", async () => {
    const { orderId, attempt, callback } = await payWithVariant({ missingOptionalMembers: true }, "fail");
    expect(JSON.parse(callback.body)).not.toHaveProperty("card");
    expect(callback.attempts[0]?.httpStatus).toBe(200);
    expect(await orderStatus(orderId)).toBe("failed");
    expect((await eventsOf(attempt.finpayOrderId)).map((e) => e.outcome)).toEqual(["pending_to_failed"]);
  });

  it("an unknown status is acknowledged, reported on the event, and the payment follows check-status", async () => {
    const { orderId, attempt, callback } = await payWithVariant({ status: "SETTLEMENT_PENDING" });
    expect(callback.attempts[0]?.httpStatus).toBe(200);
    expect(await orderStatus(orderId)).toBe("paid"); // check-status says CAPTURED
    const [event] = await eventsOf(attempt.finpayOrderId);
    expect(event).toMatchObject({ finpayStatus: "SETTLEMENT_PENDING", outcome: "pending_to_paid", flagged: true });
    expect(event?.detail).toContain("status this shop does not know: SETTLEMENT_PENDING");
  });

  it("still refuses a badly signed callback whatever its content type", async () => {
    const { orderId, attempt } = await pendingPayment();
    const forged = withSignature({ order: { id: attempt.finpayOrderId, amount: attempt.amountIdr }, result: { payment: { status: "CAPTURED", amount: attempt.amountIdr } } }, "NotTheKey");
    const response = await post(JSON.stringify(forged), { "content-type": "text/plain", "x-forwarded-for": someAddress() });
    expect(response.status).toBe(401);
    expect(await orderStatus(orderId)).toBe("pending_payment");
  });
});

describe("bad input is 400 or 401 and recorded, never a 503", () => {
  const signedOrderLike = (order: Record<string, unknown>, status = "CAPTURED") =>
    JSON.stringify(withSignature({ order: { amount: 1000, ...order }, result: { payment: { status, amount: 1000 } } }, KEY));

  it.each([
    ["deep nesting (the PHP re-encoding fallback would throw RangeError)", `{"order":{"id":"TNDEEP"},"meta":${"[".repeat(5_000)}${"]".repeat(5_000)},"signature":"${"a".repeat(128)}"}`, 400, "malformed"],
    ["a raw NUL byte", `{"order":{"id":"TN\u0000NUL"},"signature":"${"a".repeat(128)}"}`, 400, "malformed"],
    ["a NUL escape in order.id, unsigned", `{"order":{"id":"TN\\u0000NUL","amount":1},"signature":"${"a".repeat(128)}"}`, 401, "rejected_signature"],
    ["a NUL escape in order.id, signed", signedOrderLike({ id: "TN\u0000NUL" }), 400, "invalid_payload"],
    ["an order.id over 64 characters, unsigned", `{"order":{"id":"${"A".repeat(65)}","amount":1},"signature":"${"a".repeat(128)}"}`, 401, "rejected_signature"],
    ["an order.id over 64 characters, signed", signedOrderLike({ id: "A".repeat(65) }), 400, "invalid_payload"],
    ["a status over 40 characters, signed", signedOrderLike({ id: "TN-LONG-STATUS" }, "S".repeat(41)), 400, "invalid_payload"],
  ])("%s", async (_label, body, status, outcome) => {
    const address = someAddress();
    const response = await post(body, { "x-forwarded-for": address });
    expect(response.status).toBe(status);
    const db = await getDb();
    const stored = await db.select().from(paymentEvents).where(eq(paymentEvents.sourceAddress, address));
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ outcome, flagged: true, attemptId: null });
    expect(stored[0]!.rawBody.length).toBeLessThanOrEqual(REFUSED_BODY_MAX_CHARS);
    expect(stored[0]!.rawBody).not.toContain("\u0000");
  });
});

describe("forged callbacks are kept as bounded evidence", () => {
  it("bodies are cut to a few kB and one address stores at most its allowance per minute; others and Finpay are unaffected", async () => {
    const flooder = someAddress();
    const padding = "x".repeat(60 * 1024 - 400);
    const forged = JSON.stringify(withSignature({ order: { id: "TN-FORGED", amount: 1 }, result: { payment: { status: "CAPTURED" } }, meta: { data: padding } }, "NotTheKey"));
    expect(forged.length).toBeGreaterThan(59 * 1024);
    const answers = [];
    for (let i = 0; i < UNTRUSTED_EVENTS_PER_ADDRESS_PER_MINUTE + 15; i++) answers.push((await post(forged, { "x-forwarded-for": flooder })).status);
    expect(new Set(answers)).toEqual(new Set([401]));

    const db = await getDb();
    const kept = await db.select().from(paymentEvents).where(eq(paymentEvents.sourceAddress, flooder));
    expect(kept).toHaveLength(UNTRUSTED_EVENTS_PER_ADDRESS_PER_MINUTE);
    expect(kept.every((e) => e.rawBody.length === REFUSED_BODY_MAX_CHARS && e.outcome === "rejected_signature")).toBe(true);
    expect(kept[0]!.detail).toContain(`body cut to ${REFUSED_BODY_MAX_CHARS} of ${forged.length} characters`);

    // Another address is still recorded, and a genuine callback from the flooding address still pays.
    const other = someAddress();
    expect((await post(forged, { "x-forwarded-for": other })).status).toBe(401);
    expect(await db.select().from(paymentEvents).where(eq(paymentEvents.sourceAddress, other))).toHaveLength(1);
    const { orderId, attempt } = await pendingPayment();
    await finpay.sandbox.control("POST", "/faults", { callbacks: { mode: "drop", count: 1 } });
    const settled = await finpay.sandbox.control("POST", `/orders/${attempt.finpayOrderId}/pay`, {});
    const genuine = (settled.json.callback as SandboxCallback).body;
    expect((await post(genuine, { "x-forwarded-for": flooder })).status).toBe(200);
    expect(await orderStatus(orderId)).toBe("paid");
  });
});
