import { afterEach, describe, expect, it } from "vitest";
import { verifyCallbackSignature } from "../../lib/finpay/signature";
import { accessPath, basicRequest, cardFields, fakeClock, MERCHANT_KEY, startReceiver, startTestSandbox } from "./helpers";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

async function setup(sweepIntervalMs = 0) {
  const clock = fakeClock();
  const sb = await startTestSandbox({ clock: clock.now, sweepIntervalMs });
  const receiver = await startReceiver();
  cleanups.push(() => sb.close(), () => receiver.close());
  const initiate = async (timeout?: string) => {
    const body = basicRequest(receiver.url, (b) => {
      if (timeout) b.order.timeout = timeout;
    });
    const answer = await sb.api("POST", "/pg/payment/card/initiate", body);
    return { id: String(body.order.id), path: accessPath(answer.json.redirecturl) };
  };
  return { clock, sb, receiver, initiate };
}

describe("expiry of unpaid orders", () => {
  it("expires after order.timeout minutes: check says EXPIRED and an EXPIRED callback (no card) is sent", async () => {
    const { clock, sb, receiver, initiate } = await setup();
    const { id } = await initiate("30");

    clock.advance(29 * 60_000);
    expect((await sb.api("GET", `/pg/payment/card/check/${id}`)).json.data).toMatchObject({ result: { payment: { status: "REQUEST_INITIATED" } } });

    clock.advance(60_000);
    const check = await sb.api("GET", `/pg/payment/card/check/${id}`);
    expect(check.json.data).toMatchObject({ result: { payment: { status: "EXPIRED", reference: null } } });
    expect(check.json.data).not.toHaveProperty("card");

    const [callback] = await receiver.waitFor(1);
    expect(verifyCallbackSignature(callback?.body ?? "", MERCHANT_KEY).valid).toBe(true);
    const payload = JSON.parse(callback?.body ?? "{}") as Record<string, unknown>;
    expect(payload).not.toHaveProperty("card");
    expect(payload).toMatchObject({ order: { id }, result: { payment: { status: "EXPIRED" } } });
  });

  it("defaults to 1440 minutes", async () => {
    const { clock, sb, initiate } = await setup();
    const { id } = await initiate();
    clock.advance(1439 * 60_000);
    expect(sb.sandbox.sweepExpired()).toBe(0);
    clock.advance(60_000);
    expect(sb.sandbox.sweepExpired()).toBe(1);
    expect((await sb.api("GET", `/pg/payment/card/check/${id}`)).json.data).toMatchObject({ result: { payment: { status: "EXPIRED" } } });
  });

  it("the timer sweep sends the EXPIRED callback without anyone asking", async () => {
    const { clock, receiver, initiate } = await setup(20);
    const { id } = await initiate("1");
    clock.advance(61_000);
    const [callback] = await receiver.waitFor(1);
    expect(JSON.parse(callback?.body ?? "{}")).toMatchObject({ order: { id }, result: { payment: { status: "EXPIRED" } } });
  });

  it("sends the EXPIRED callback once, however often the order is read", async () => {
    const { clock, sb, receiver, initiate } = await setup();
    const { id, path } = await initiate("1");
    clock.advance(120_000);
    await sb.api("GET", `/pg/payment/card/check/${id}`);
    await fetch(`${sb.url}${path}`);
    sb.sandbox.sweepExpired();
    await sb.sandbox.idle();
    expect(receiver.received).toHaveLength(1);
  });

  it("shows the expired page at the payment link and refuses the card form", async () => {
    const { clock, sb, initiate } = await setup();
    const { path } = await initiate("5");
    clock.advance(6 * 60_000);
    const page = await fetch(`${sb.url}${path}`);
    expect(page.status).toBe(410);
    expect(await page.text()).toContain("Payment link expired");
    const post = await sb.form(path, cardFields("5123450000000008"));
    expect(post.status).toBe(410);
  });

  it("does not expire paid orders, and cancel refuses an expired one", async () => {
    const { clock, sb, receiver, initiate } = await setup();
    const paid = await initiate("1");
    await sb.form(paid.path, cardFields("5123450000000008"));
    const unpaid = await initiate("1");
    clock.advance(5 * 60_000);
    expect(sb.sandbox.sweepExpired()).toBe(1);
    expect((await sb.api("GET", `/pg/payment/card/check/${paid.id}`)).json.data).toMatchObject({ result: { payment: { status: "CAPTURED" } } });
    expect((await sb.api("GET", `/pg/payment/card/cancel/${unpaid.id}`)).json.responseCode).toBe("4040100");
    await sb.sandbox.idle();
    expect(receiver.received.map((r) => (JSON.parse(r.body) as { result: { payment: { status: string } } }).result.payment.status)).toEqual([
      "CAPTURED",
      "EXPIRED",
    ]);
  });
});
