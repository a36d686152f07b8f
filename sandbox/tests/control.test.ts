import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { verifyCallbackSignature } from "../../lib/finpay/signature";
import type { CallbackRecord } from "../callbacks";
import type { RequestRecord } from "../request-log";
import { SEED_CARD_TOKEN, SEED_CUSTOMER_ID } from "../payments";
import { basicRequest, cardFields, initiateBasic, MERCHANT_KEY, startReceiver, startTestSandbox, type CallbackReceiver, type TestSandbox } from "./helpers";

type Json = Record<string, unknown>;
const statusOf = (body: string) => (JSON.parse(body) as { result: { payment: { status: string } } }).result.payment.status;

describe("control API (/__sandbox)", () => {
  let sb: TestSandbox;
  let receiver: CallbackReceiver;
  beforeAll(async () => {
    sb = await startTestSandbox({ initiateTimeoutMs: 300 });
  });
  afterAll(() => sb.close());
  beforeEach(async () => {
    receiver = await startReceiver();
  });
  afterEach(async () => {
    await sb.control("DELETE", "/faults");
    await sb.sandbox.idle();
    await receiver.close();
  });

  const initiate = (patch?: Parameters<typeof basicRequest>[1]) => initiateBasic(sb, receiver.url, patch);

  it("GET /health reports the sandbox's identity", async () => {
    const { status, json } = await sb.control("GET", "/health");
    expect(status).toBe(200);
    expect(json).toMatchObject({ status: "ok", merchantId: "FINPAY770", publicUrl: sb.url, state: "memory" });
    expect(json).not.toHaveProperty("merchantKey");
    expect(JSON.stringify(json)).not.toContain(MERCHANT_KEY);
  });

  it("GET /requests lists API requests with card secrets redacted", async () => {
    const { id } = await initiate((b) => (b.card = { storedOnFile: "TO_BE_STORED", number: "5123450000000008", cvv: "123" }));
    const { json } = await sb.control("GET", `/requests?orderId=${id}`);
    const [request] = json.requests as RequestRecord[];
    expect(request).toMatchObject({ method: "POST", path: "/pg/payment/card/initiate", authorized: true, httpStatus: 200, responseCode: "2000000" });
    expect(request?.body).toMatchObject({ card: { number: "512345xxxxxx0008", cvv: "***" } });
    const all = (await sb.control("GET", "/requests")).json.requests as RequestRecord[];
    expect(all.length).toBeGreaterThanOrEqual(1);
  });

  it("GET /callbacks and GET /orders/:id show what was sent", async () => {
    const { id, path } = await initiate();
    await sb.form(path, cardFields("5123450000000008"));
    const callbacks = (await sb.control("GET", `/callbacks?orderId=${id}`)).json.callbacks as CallbackRecord[];
    expect(callbacks).toHaveLength(1);
    expect(callbacks[0]).toMatchObject({ orderId: id, kind: "notification", paymentStatus: "CAPTURED", signatureValid: true, state: "delivered" });
    expect(verifyCallbackSignature(callbacks[0]?.body ?? "", MERCHANT_KEY).valid).toBe(true);

    const order = await sb.control("GET", `/orders/${id}`);
    expect(order.json.order).toMatchObject({ id, status: "CAPTURED", card: { mask: "512345xxxxxx0008" }, redirecturl: `${sb.url}${path}` });
    expect(order.json.callbacks).toHaveLength(1);
    expect((await sb.control("GET", "/orders/NOPE")).status).toBe(404);
    const list = (await sb.control("GET", "/orders")).json.orders as Json[];
    expect(list.some((o) => o.id === id)).toBe(true);
  });

  describe("paying without a browser", () => {
    it("POST /orders/:id/pay pays with the approved Mastercard by default and stores it when asked", async () => {
      const { id } = await initiate((b) => (b.customer.id = "control-pay@example.com"));
      const { status, json } = await sb.control("POST", `/orders/${id}/pay`, { save: true });
      expect(status).toBe(200);
      expect(json.order).toMatchObject({ status: "CAPTURED", card: { mask: "512345xxxxxx0008" }, storedCardToken: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(json.callback).toMatchObject({ state: "delivered" });
      expect(statusOf(receiver.received[0]?.body ?? "")).toBe("CAPTURED");
      const cards = (await sb.control("GET", "/cards?customerId=control-pay@example.com")).json.cards as Json[];
      expect(cards).toHaveLength(1);
    });

    it("accepts a card number (as a number too) and follows its behaviour", async () => {
      const { id } = await initiate();
      const { json } = await sb.control("POST", `/orders/${id}/pay`, { card: 4000000000009995 });
      expect(json.order).toMatchObject({ status: "FAILURE", statusDesc: "Insufficient funds" });
    });

    it("answers the 3-D Secure step with the passing code by default, or fails with another one", async () => {
      const ok = await initiate();
      expect((await sb.control("POST", `/orders/${ok.id}/pay`, { card: "4000000000003220" })).json.order).toMatchObject({ status: "CAPTURED" });
      const bad = await initiate();
      expect((await sb.control("POST", `/orders/${bad.id}/pay`, { card: "4000000000003220", otp: "000000" })).json.order).toMatchObject({
        status: "FAILURE",
        statusDesc: "3-D Secure authentication failed",
      });
    });

    it("pays a two-click order with its stored card", async () => {
      const { id } = await initiate((b) => {
        b.customer.id = SEED_CUSTOMER_ID;
        b.card = { token: SEED_CARD_TOKEN, storedOnFile: "STORED" };
      });
      expect((await sb.control("POST", `/orders/${id}/pay`)).json.order).toMatchObject({ status: "CAPTURED", card: { mask: "512345xxxxxx0008" } });
    });

    it("refuses a non-Luhn card, and paying twice", async () => {
      const { id } = await initiate();
      expect((await sb.control("POST", `/orders/${id}/pay`, { card: "4111111111111112" })).status).toBe(400);
      expect((await sb.control("POST", `/orders/${id}/pay`, { card: "bad", save: "yes" })).status).toBe(400);
      await sb.control("POST", `/orders/${id}/pay`);
      expect((await sb.control("POST", `/orders/${id}/pay`)).status).toBe(409);
    });

    it("POST /orders/:id/fail declines (default Do not honour, or a chosen reason)", async () => {
      const a = await initiate();
      expect((await sb.control("POST", `/orders/${a.id}/fail`)).json.order).toMatchObject({ status: "FAILURE", statusDesc: "Do not honour" });
      const b = await initiate();
      expect((await sb.control("POST", `/orders/${b.id}/fail`, { reason: "gateway_error" })).json.order).toMatchObject({
        status: "FAILURE",
        statusDesc: "Processing error: issuer or switch inoperative",
      });
      expect((await sb.control("POST", `/orders/${b.id}/fail`, { reason: "nope" })).status).toBe(400);
    });
  });

  it("POST /orders/:id/expire expires an unpaid order now and sends EXPIRED; 409 when already final", async () => {
    const { id, path } = await initiate();
    const { json } = await sb.control("POST", `/orders/${id}/expire`);
    expect(json.order).toMatchObject({ status: "EXPIRED" });
    expect(statusOf(receiver.received[0]?.body ?? "")).toBe("EXPIRED");
    expect((await fetch(`${sb.url}${path}`)).status).toBe(410);
    expect((await sb.control("POST", `/orders/${id}/expire`)).status).toBe(409);
  });

  it("POST /orders/:id/callbacks/resend sends the last callback again, byte for byte", async () => {
    const { id } = await initiate();
    expect((await sb.control("POST", `/orders/${id}/callbacks/resend`)).status).toBe(409); // nothing sent yet
    await sb.control("POST", `/orders/${id}/pay`);
    const { json } = await sb.control("POST", `/orders/${id}/callbacks/resend`);
    expect(json.callback).toMatchObject({ kind: "duplicate", state: "delivered" });
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[1]?.body).toBe(receiver.received[0]?.body);
  });

  it("POST /orders/:id/callbacks/forged sends a callback with a bad signature (CAPTURED for an unpaid order)", async () => {
    const { id } = await initiate();
    const { json } = await sb.control("POST", `/orders/${id}/callbacks/forged`);
    expect(json.callback).toMatchObject({ kind: "forged", signatureValid: false, paymentStatus: "CAPTURED" });
    const body = receiver.received[0]?.body ?? "";
    expect(verifyCallbackSignature(body, MERCHANT_KEY)).toEqual({ valid: false, reason: "mismatch" });
    expect(statusOf(body)).toBe("CAPTURED");
    // The order itself is untouched.
    expect((await sb.api("GET", `/pg/payment/card/check/${id}`)).json.data).toMatchObject({ result: { payment: { status: "REQUEST_INITIATED" } } });
  });

  it("a forged callback is sent once, even when refused", async () => {
    await receiver.close();
    receiver = await startReceiver({ status: 400 });
    const { id } = await initiate();
    const { json } = await sb.control("POST", `/orders/${id}/callbacks/forged`, { status: "FAILURE" });
    expect(json.callback).toMatchObject({ state: "failed", paymentStatus: "FAILURE" });
    expect((json.callback as CallbackRecord).attempts).toHaveLength(1);
  });

  describe("callback variants", () => {
    afterEach(() => sb.control("DELETE", "/callback-variants"));

    it("sends the next callback as text/plain with string amounts, extra members and an unknown status, still correctly signed", async () => {
      const set = await sb.control("POST", "/callback-variants", { contentType: "text/plain; charset=utf-8", amountsAsStrings: true, extraMembers: true, status: "SETTLEMENT_PENDING", count: 1 });
      expect(set.json.callbackVariants).toMatchObject({ remaining: 1, variant: { contentType: "text/plain; charset=utf-8", status: "SETTLEMENT_PENDING" } });
      const { id } = await initiate();
      const { json } = await sb.control("POST", `/orders/${id}/pay`);
      expect(json.callback).toMatchObject({ contentType: "text/plain; charset=utf-8", paymentStatus: "SETTLEMENT_PENDING", state: "delivered" });
      const [received] = receiver.received;
      expect(received?.headers["content-type"]).toBe("text/plain; charset=utf-8");
      expect(verifyCallbackSignature(received?.body ?? "", MERCHANT_KEY).valid).toBe(true);
      const body = JSON.parse(received?.body ?? "{}") as Json & { order: Json; result: { payment: Json } };
      expect(Object.keys(body)).toEqual(["customer", "order", "card", "meta", "sourceOfFunds", "merchant", "transaction", "result", "transactionTime", "additionalInfo", "signature"]);
      expect(body.order).toMatchObject({ id, amount: "150000", installment: null });
      expect(body.result.payment).toMatchObject({ amount: "150000", status: "SETTLEMENT_PENDING", approvalCode: "831000" });
      // The order itself is CAPTURED; the switch was used up by one callback.
      expect((await sb.api("GET", `/pg/payment/card/check/${id}`)).json.data).toMatchObject({ result: { payment: { status: "CAPTURED" } } });
      expect((await sb.control("GET", "/callback-variants")).json.callbackVariants).toBeNull();
      const second = await initiate();
      await sb.control("POST", `/orders/${second.id}/pay`);
      expect(receiver.received[1]?.headers["content-type"]).toBe("application/json");
    });

    it("can leave out every optional member, and refuses unknown switches", async () => {
      await sb.control("POST", "/callback-variants", { missingOptionalMembers: true });
      const { id } = await initiate();
      await sb.control("POST", `/orders/${id}/fail`);
      const body = receiver.received[0]?.body ?? "";
      expect(verifyCallbackSignature(body, MERCHANT_KEY).valid).toBe(true);
      expect(JSON.parse(body)).toEqual({ customer: { id: expect.any(String) }, order: { id, amount: 150000 }, result: { payment: { status: "FAILURE" } }, signature: expect.any(String) });
      expect((await sb.control("GET", "/callback-variants")).json.callbackVariants).toMatchObject({ remaining: null });
      expect((await sb.control("POST", "/callback-variants", { colour: "red" })).status).toBe(400);
      expect((await sb.control("POST", "/callback-variants", { contentType: "text/plain\r\nX-Evil: 1" })).status).toBe(400);
    });
  });

  describe("faults", () => {
    it("initiate error_500 for the next N calls, then back to normal", async () => {
      const set = await sb.control("POST", "/faults", { initiate: { mode: "error_500", count: 2 } });
      expect(set.json).toMatchObject({ initiate: { mode: "error_500", remaining: 2 } });
      for (let i = 0; i < 2; i++) {
        const { answer } = await initiate();
        expect(answer.status).toBe(500);
        expect(answer.json).toMatchObject({ responseCode: "5000000", responseMessage: "General Error" });
      }
      expect((await initiate()).answer.json.responseCode).toBe("2000000");
    });

    it("initiate timeout holds the call, answers 504, and creates nothing", async () => {
      await sb.control("POST", "/faults", { initiate: { mode: "timeout" } });
      const started = Date.now();
      const { answer, id } = await initiate();
      expect(Date.now() - started).toBeGreaterThanOrEqual(280);
      expect(answer.status).toBe(504);
      expect(answer.json).toMatchObject({ responseCode: "5040000", responseMessage: "Timeout" });
      expect((await sb.api("GET", `/pg/payment/card/check/${id}`)).json.responseCode).toBe("4040001");
      const [request] = (await sb.control("GET", `/requests?orderId=${id}`)).json.requests as RequestRecord[];
      expect(request?.fault).toBe("timeout");
    });

    it("initiate malformed answers 200 with broken JSON", async () => {
      await sb.control("POST", "/faults", { initiate: { mode: "malformed", count: 1 } });
      const { answer } = await initiate();
      expect(answer.status).toBe(200);
      expect(() => JSON.parse(answer.text)).toThrow();
    });

    it("callbacks drop: the callback is recorded as dropped and never sent", async () => {
      await sb.control("POST", "/faults", { callbacks: { mode: "drop", count: 1 } });
      const { id } = await initiate();
      const { json } = await sb.control("POST", `/orders/${id}/pay`);
      expect(json.callback).toMatchObject({ state: "dropped", attempts: [] });
      expect(receiver.hits()).toBe(0);
      // count 1: the next one goes through again
      const next = await initiate();
      await sb.control("POST", `/orders/${next.id}/pay`);
      expect(receiver.received).toHaveLength(1);
    });

    it("callbacks delay: the browser is redirected first, the callback follows", async () => {
      await sb.control("POST", "/faults", { callbacks: { mode: "delay", delayMs: 300 } });
      const { path } = await initiate((b) => (b.url.successUrl = "http://localhost:3000/thanks"));
      const response = await sb.form(path, cardFields("5123450000000008"));
      expect(response.headers.get("location")).toBe("http://localhost:3000/thanks");
      expect(receiver.hits()).toBe(0);
      await receiver.waitFor(1);
    });

    it("GET shows and DELETE clears the faults; bad bodies are refused", async () => {
      await sb.control("POST", "/faults", { initiate: { mode: "error_500", count: 5 }, callbacks: { mode: "drop" } });
      expect((await sb.control("GET", "/faults")).json).toMatchObject({
        initiate: { mode: "error_500", remaining: 5 },
        callbacks: { mode: "drop", remaining: null },
      });
      expect((await sb.control("DELETE", "/faults")).json).toEqual({ initiate: null, callbacks: null });
      expect((await initiate()).answer.status).toBe(200);
      expect((await sb.control("POST", "/faults", { initiate: { mode: "explode" } })).status).toBe(400);
      expect((await sb.control("POST", "/faults", {})).status).toBe(400);
      expect((await sb.control("POST", "/faults", "not json")).status).toBe(400);
    });
  });

  it("POST /inbox is a built-in receiver that checks signatures", async () => {
    const { id } = await initiate((b) => (b.url.callbackUrl = `${sb.url}/__sandbox/inbox`));
    await sb.control("POST", `/orders/${id}/pay`);
    await sb.control("POST", `/orders/${id}/callbacks/forged`);
    const inbox = (await sb.control("GET", `/inbox?orderId=${id}`)).json.callbacks as Json[];
    expect(inbox.map((e) => e.signatureValid)).toEqual([true, false]);
    const records = (await sb.control("GET", `/callbacks?orderId=${id}`)).json.callbacks as CallbackRecord[];
    expect(records.map((r) => r.attempts[0]?.httpStatus)).toEqual([200, 401]);
  });

  it("POST /reset forgets orders, cards and logs, and re-seeds the seed card", async () => {
    const { id } = await initiate((b) => (b.customer.id = "reset@example.com"));
    await sb.control("POST", `/orders/${id}/pay`, { save: true });
    await sb.api("GET", `/pg/payment/card/customer/delete/${SEED_CARD_TOKEN}`);
    const { json } = await sb.control("POST", "/reset");
    expect(json).toEqual({ status: "reset", storedCards: 1 });
    expect((await sb.api("GET", `/pg/payment/card/check/${id}`)).json.responseCode).toBe("4040001");
    expect((await sb.control("GET", "/requests")).json.requests).toHaveLength(1); // just the check above
    expect((await sb.control("GET", "/callbacks")).json.callbacks).toEqual([]);
    const seed = await sb.api("GET", `/pg/payment/card/customer/${SEED_CUSTOMER_ID}`);
    expect((seed.json.data as { cards: Json[] }).cards).toHaveLength(1);
  });

  it("answers unknown control paths with 404 JSON", async () => {
    const { status, json } = await sb.control("GET", "/nope");
    expect(status).toBe(404);
    expect(json).toMatchObject({ error: "Not Found", hint: expect.stringMatching(/README/) });
  });
});
