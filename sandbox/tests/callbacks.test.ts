import { afterEach, describe, expect, it } from "vitest";
import { phpJsonEncode, signCallback, verifyCallbackSignature } from "../../lib/finpay/signature";
import type { CallbackRecord } from "../callbacks";
import {
  accessPath,
  basicRequest,
  cardFields,
  MERCHANT_KEY,
  startReceiver,
  startTestSandbox,
  type TestSandbox,
} from "./helpers";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

async function setup(options: Parameters<typeof startTestSandbox>[0] = {}, receiverOptions: Parameters<typeof startReceiver>[0] = {}) {
  const sb = await startTestSandbox(options);
  const receiver = await startReceiver(receiverOptions);
  cleanups.push(() => sb.close(), () => receiver.close());
  return { sb, receiver };
}

async function payByBrowser(sb: TestSandbox, body: Record<string, unknown>, fields: Record<string, string>) {
  const init = await sb.api("POST", "/pg/payment/card/initiate", body);
  expect(init.json.responseCode).toBe("2000000");
  return sb.form(accessPath(init.json.redirecturl), fields);
}

async function callbacksOf(sb: TestSandbox, orderId: string): Promise<CallbackRecord[]> {
  return (await sb.control("GET", `/callbacks?orderId=${orderId}`)).json.callbacks as CallbackRecord[];
}

describe("callbacks", () => {
  it("posts the reference's payload, signed with the merchant key over PHP json_encode bytes (verified by lib/finpay)", async () => {
    const { sb, receiver } = await setup();
    const body = basicRequest("", (b) => {
      b.meta = { data: { note: "Kopi / Teh – ☕" } }; // a slash and non-ASCII: PHP escapes both before signing
    });
    body.url.callbackUrl = receiver.url;
    const orderId = String(body.order.id);
    const response = await payByBrowser(sb, body, cardFields("5123450000000008"));
    expect(response.status).toBe(303);

    const [callback] = await receiver.waitFor(1);
    if (!callback) throw new Error("no callback");
    expect(callback.headers["content-type"]).toBe("application/json");
    expect(verifyCallbackSignature(callback.body, MERCHANT_KEY)).toEqual({ valid: true, matchedOn: "raw_body" });
    expect(verifyCallbackSignature(callback.body, "another-key")).toEqual({ valid: false, reason: "mismatch" });

    // The bytes on the wire are PHP's: escaped slash, \u escapes, signature appended last.
    expect(callback.body).toContain(String.raw`"note":"Kopi \/ Teh \u2013 \u2615"`);
    const payload = JSON.parse(callback.body) as Record<string, unknown>;
    expect(Object.keys(payload)).toEqual(["customer", "order", "card", "meta", "sourceOfFunds", "merchant", "transaction", "result", "signature"]);
    expect(payload.signature).toBe(signCallback(payload, MERCHANT_KEY));
    expect(callback.body).toBe(phpJsonEncode(payload));
    expect(payload).toMatchObject({
      customer: { id: "budi@example.co.id" },
      order: { id: orderId, reference: `${orderId}1000000000`, amount: 150000, currency: "IDR" },
      card: {
        mask: "512345xxxxxx0008",
        info: { brand: "MASTERCARD", issuing: "BANCO DEL PICHINCHA CA", type: "CREDIT", subType: "STANDARD", country: "ECUADOR" },
      },
      meta: { data: { note: "Kopi / Teh – ☕" } },
      sourceOfFunds: { type: "cc", paymentCode: null },
      merchant: { id: "FINPAY770" },
      transaction: { acquirerId: expect.any(String) },
      result: {
        payment: {
          amount: 150000,
          status: "CAPTURED",
          statusDesc: null,
          userDesc: null,
          datetime: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
          reference: expect.stringMatching(/^\d{6}$/),
          channel: null,
        },
      },
    });
    expect(typeof (payload.order as { amount: unknown }).amount).toBe("number");
  });

  it("makes the first delivery attempt before redirecting the browser", async () => {
    const { sb, receiver } = await setup();
    const body = basicRequest("", (b) => (b.url.successUrl = "http://localhost:3000/thanks"));
    body.url.callbackUrl = receiver.url;
    const response = await payByBrowser(sb, body, cardFields("4508750015741019"));
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("http://localhost:3000/thanks");
    expect(receiver.received).toHaveLength(1); // already there when the 303 came back
  });

  it("sends FAILURE with the decline reason for a declined card, then redirects to failUrl", async () => {
    const { sb, receiver } = await setup();
    const body = basicRequest("", (b) => (b.url.failUrl = "http://localhost:3000/failed"));
    body.url.callbackUrl = receiver.url;
    const response = await payByBrowser(sb, body, cardFields("4000000000000002"));
    expect(response.headers.get("location")).toBe("http://localhost:3000/failed");
    const payload = JSON.parse(receiver.received[0]?.body ?? "{}") as { result: { payment: Record<string, unknown> }; card: { mask: string } };
    expect(payload.result.payment).toMatchObject({ status: "FAILURE", statusDesc: "Do not honour" });
    expect(payload.card.mask).toBe("400000xxxxxx0002");
  });

  it.each([
    ["4000000000009995", "Insufficient funds"],
    ["4000000000000119", "Processing error: issuer or switch inoperative"],
  ])("card %s fails with statusDesc %s", async (pan, statusDesc) => {
    const { sb, receiver } = await setup();
    const body = basicRequest("");
    body.url.callbackUrl = receiver.url;
    await payByBrowser(sb, body, cardFields(pan));
    const payload = JSON.parse(receiver.received[0]?.body ?? "{}") as { result: { payment: Record<string, unknown> } };
    expect(payload.result.payment).toMatchObject({ status: "FAILURE", statusDesc });
  });

  it("retries a 5xx on Finpay's schedule, on the sandbox clock, until the receiver accepts", async () => {
    const { sb, receiver } = await setup({}, { failFirst: 2 });
    const body = basicRequest("");
    body.url.callbackUrl = receiver.url;
    const orderId = String(body.order.id);
    await payByBrowser(sb, body, cardFields("5123450000000008"));
    await sb.sandbox.idle();
    let [record] = await callbacksOf(sb, orderId);
    expect(record).toMatchObject({ state: "pending" });
    expect(record?.attempts.map((a) => a.httpStatus)).toEqual([500]);
    const first = Date.parse(record!.attempts[0]!.at);
    expect(Date.parse(record!.nextAttemptAt!) - first).toBe(60_000);

    await sb.advanceClock(0.5); // half a minute: nothing is due yet
    expect(receiver.hits()).toBe(1);
    await sb.advanceClock(0.5);
    expect(receiver.hits()).toBe(2);
    await sb.advanceClock(5);
    [record] = await callbacksOf(sb, orderId);
    expect(record?.attempts.map((a) => a.httpStatus)).toEqual([500, 500, 200]);
    expect(record).toMatchObject({ state: "delivered", nextAttemptAt: null });
    expect(record?.attempts.map((a) => (Date.parse(a.at) - first) / 60_000).map(Math.floor)).toEqual([0, 1, 6]);
    await sb.advanceClock(200);
    expect(receiver.hits()).toBe(3); // a 2xx is final
  });

  it("walks the whole schedule, 1, 6, 21, 51 and 111 minutes after the first try, then gives up", async () => {
    const { sb, receiver } = await setup({}, { failFirst: 100 });
    const body = basicRequest("");
    body.url.callbackUrl = receiver.url;
    await payByBrowser(sb, body, cardFields("5123450000000008"));
    for (const minutes of [1, 5, 15, 30, 59]) await sb.advanceClock(minutes);
    expect(receiver.hits()).toBe(5); // the last retry is not due until minute 111
    await sb.advanceClock(1);
    await sb.advanceClock(600);
    const [record] = await callbacksOf(sb, String(body.order.id));
    expect(record?.state).toBe("failed");
    expect(receiver.hits()).toBe(6);
    const first = Date.parse(record!.attempts[0]!.at);
    expect(record?.attempts.map((a) => Math.floor((Date.parse(a.at) - first) / 60_000))).toEqual([0, 1, 6, 21, 51, 111]);
  });

  it("reads the minutes as offsets from the first try when the quirk says so: the last retry at 60 minutes", async () => {
    const { sb, receiver } = await setup({}, { failFirst: 100 });
    await sb.control("POST", "/quirks", { callbackRetrySpacing: "offsets" });
    const body = basicRequest("");
    body.url.callbackUrl = receiver.url;
    await payByBrowser(sb, body, cardFields("5123450000000008"));
    await sb.advanceClock(60);
    const [record] = await callbacksOf(sb, String(body.order.id));
    const first = Date.parse(record!.attempts[0]!.at);
    expect(record?.attempts.map((a) => Math.floor((Date.parse(a.at) - first) / 60_000))).toEqual([0, 1, 5, 15, 30, 60]);
    expect(record?.state).toBe("failed");
  });

  it("does not retry a 4xx: the merchant refused the callback itself", async () => {
    const { sb, receiver } = await setup({}, { status: 401 });
    const body = basicRequest("");
    body.url.callbackUrl = receiver.url;
    await payByBrowser(sb, body, cardFields("5123450000000008"));
    await sb.advanceClock(120);
    const [record] = await callbacksOf(sb, String(body.order.id));
    expect(record).toMatchObject({ state: "failed", nextAttemptAt: null });
    expect(receiver.hits()).toBe(1);
  });

  it("treats a receiver that does not answer in time as failed and retries it a minute later", async () => {
    const { sb, receiver } = await setup({ callbackTimeoutMs: 150 }, { hangFirst: 1 });
    const body = basicRequest("");
    body.url.callbackUrl = receiver.url;
    const started = Date.now();
    await payByBrowser(sb, body, cardFields("5123450000000008"));
    expect(Date.now() - started).toBeLessThan(2_000); // the browser waited for one timed-out attempt only
    await sb.advanceClock(1);
    await receiver.waitFor(1);
    const [record] = await callbacksOf(sb, String(body.order.id));
    expect(record?.attempts[0]?.error).toBe("timeout after 150 ms");
    expect(record?.state).toBe("delivered");
  });

  it("retries an unreachable callback URL (connection refused) through the whole schedule", async () => {
    const { sb } = await setup({ callbackRetryMinutes: [1] });
    const body = basicRequest("http://127.0.0.1:9/unreachable");
    await payByBrowser(sb, body, cardFields("5123450000000008"));
    await sb.advanceClock(1);
    const [record] = await callbacksOf(sb, String(body.order.id));
    expect(record?.state).toBe("failed");
    expect(record?.attempts).toHaveLength(2);
    expect(record?.attempts.every((a) => a.httpStatus === null && a.error)).toBe(true);
  });

  it("counts any 2xx as delivered (Finpay is not known to read the merchant's answer)", async () => {
    const { sb, receiver } = await setup({}, { status: 204 });
    const body = basicRequest("");
    body.url.callbackUrl = receiver.url;
    await payByBrowser(sb, body, cardFields("5123450000000008"));
    await sb.sandbox.idle();
    expect((await callbacksOf(sb, String(body.order.id)))[0]?.state).toBe("delivered");
  });

  it("sends nothing when the merchant cancels (documented choice)", async () => {
    const { sb, receiver } = await setup();
    const body = basicRequest("");
    body.url.callbackUrl = receiver.url;
    await sb.api("POST", "/pg/payment/card/initiate", body);
    expect((await sb.api("GET", `/pg/payment/card/cancel/${String(body.order.id)}`)).json.responseCode).toBe("2000000");
    await sb.sandbox.idle();
    expect(receiver.hits()).toBe(0);
  });
});
