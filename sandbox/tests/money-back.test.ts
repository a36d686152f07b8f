import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFinpayClient, isFinpayError, isVoidFormRefused, verifyCallbackSignature, type FinpayClient, type FinpayVoidForm } from "../../lib/finpay";
import { cardFields, fakeClock, initiateBasic, MERCHANT_ID, MERCHANT_KEY, startReceiver, startTestSandbox, type CallbackReceiver, type TestSandbox } from "./helpers";

/** Void and refund, through lib/finpay's client against the sandbox over HTTP: both sides of the assumed contract (money-back.ts). */
describe("void and refund", () => {
  const clock = fakeClock();
  let sb: TestSandbox;
  let receiver: CallbackReceiver;
  let finpay: FinpayClient;
  beforeAll(async () => {
    sb = await startTestSandbox({ clock: clock.now, settleAfterMinutes: 60 });
    receiver = await startReceiver();
    finpay = createFinpayClient({ baseUrl: sb.url, merchantId: MERCHANT_ID, merchantKey: MERCHANT_KEY });
  });
  afterAll(async () => {
    await sb.close();
    await receiver.close();
  });

  /** A captured order of Rp 150.000. */
  async function paid() {
    const { id, path } = await initiateBasic(sb, receiver.url);
    await sb.form(path, cardFields("5123450000000008"));
    return id;
  }
  const refusal = async (call: Promise<unknown>) => {
    try {
      await call;
    } catch (error) {
      if (isFinpayError(error)) return { kind: error.kind, code: error.responseCode, message: error.responseMessage };
      throw error;
    }
    throw new Error("expected a refusal");
  };
  const statusOf = async (id: string) => (await finpay.checkStatus(id)).data.result?.payment.status;

  const clientVoiding = (voidForm: FinpayVoidForm) => createFinpayClient({ baseUrl: sb.url, merchantId: MERCHANT_ID, merchantKey: MERCHANT_KEY, voidForm });

  it("sends the documented POST with {order:{id}} by default, and the GET form when configured; the sandbox takes both", async () => {
    expect(finpay.voidForm).toBe("post");
    const byPost = await paid();
    expect((await finpay.void(byPost)).responseCode).toBe("2000000");
    const byGet = await paid();
    expect((await clientVoiding("get").void(byGet)).responseCode).toBe("2000000");
    const { json } = await sb.control("GET", "/requests");
    const voids = (json.requests as { method: string; path: string; body: unknown; orderId: string | null }[]).filter((r) => r.path.includes("/void"));
    expect(voids.map(({ method, path, body }) => ({ method, path, body }))).toEqual([
      { method: "POST", path: "/pg/payment/card/void", body: { order: { id: byPost } } },
      { method: "GET", path: `/pg/payment/card/void/${byGet}`, body: null },
    ]);
    expect(await statusOf(byPost)).toBe("VOIDED");
    expect(await statusOf(byGet)).toBe("VOIDED");
  });

  it("with one form switched off, the other is answered as a missing route: the merchant's void fails and nothing is voided", async () => {
    try {
      for (const [offered, refused] of [["post", "get"], ["get", "post"]] as const) {
        await sb.control("POST", "/quirks", { acceptVoid: offered });
        const id = await paid();
        const error = await clientVoiding(refused)
          .void(id)
          .then(() => null, (e: unknown) => e);
        expect(isVoidFormRefused(error), `${refused} while only ${offered} is offered`).toBe(true);
        expect(error).toMatchObject({ kind: "not_found", httpStatus: 404, responseCode: undefined });
        expect(await statusOf(id)).toBe("CAPTURED");
        expect((await clientVoiding(offered).void(id)).responseCode).toBe("2000000");
      }
      // Finpay's own "not found" for an unknown order carries its code: not a refused form.
      await sb.control("DELETE", "/quirks");
      expect(isVoidFormRefused(await finpay.void("NO-SUCH-ORDER").catch((e: unknown) => e))).toBe(false);
    } finally {
      await sb.control("DELETE", "/quirks");
    }
  });

  it("voids an unsettled payment once, with a signed VOIDED callback; a second void is refused", async () => {
    const id = await paid();
    const before = receiver.received.length;
    expect((await finpay.void(id)).responseCode).toBe("2000000");
    expect(await statusOf(id)).toBe("VOIDED");
    const callbacks = await receiver.waitFor(before + 1);
    const last = callbacks.at(-1)!.body;
    expect(JSON.parse(last).result.payment.status).toBe("VOIDED");
    expect(verifyCallbackSignature(last, MERCHANT_KEY).valid).toBe(true);
    expect(await refusal(finpay.void(id))).toMatchObject({ kind: "rejected", code: "4040100" });
    expect(await refusal(finpay.refund(id, 1_000))).toMatchObject({ code: "4040100" });
  });

  it("refuses a void of an unpaid order (4030015) and after settlement, by the switch or by time", async () => {
    const { id: unpaid } = await initiateBasic(sb, receiver.url);
    expect(await refusal(finpay.void(unpaid))).toMatchObject({ kind: "rejected", code: "4030015" });

    const settledBySwitch = await paid();
    expect((await sb.control("POST", `/orders/${settledBySwitch}/settle`)).status).toBe(200);
    expect(await refusal(finpay.void(settledBySwitch))).toMatchObject({ code: "4040100" });
    expect((await sb.control("POST", `/orders/${unpaid}/settle`)).status).toBe(409);

    const settledByTime = await paid();
    clock.advance(61 * 60_000);
    expect(await refusal(finpay.void(settledByTime))).toMatchObject({ code: "4040100" });
    // A settled payment can still be refunded.
    expect((await finpay.refund(settledByTime, 150_000)).responseCode).toBe("2000000");
    expect(await statusOf(settledByTime)).toBe("REFUNDED");
  });

  it("refunds in parts up to the amount paid and refuses more than is left", async () => {
    const id = await paid();
    await finpay.refund(id, 50_000);
    expect(await statusOf(id)).toBe("PARTIALLY_REFUNDED");
    expect(await refusal(finpay.refund(id, 100_001))).toMatchObject({ kind: "validation", code: "4000001", message: "Invalid Field Format order.amount" });
    await finpay.refund(id, 100_000);
    expect(await statusOf(id)).toBe("REFUNDED");
    expect(await refusal(finpay.refund(id, 1))).toMatchObject({ code: "4040100" });
    const order = (await sb.control("GET", `/orders/${id}`)).json.order as { refundedAmount: number };
    expect(order.refundedAmount).toBe(150_000);
  });

  it("validates the refund body like Finpay's other calls", async () => {
    const id = await paid();
    expect((await sb.api("POST", "/pg/payment/card/refund", { order: { id } })).json.responseMessage).toBe("Invalid Mandatory Field order.amount");
    expect((await sb.api("POST", "/pg/payment/card/refund", { order: { id, amount: "1.5" } })).json.responseMessage).toBe("Invalid Field Format order.amount");
    expect((await sb.api("POST", "/pg/payment/card/refund", { order: { id: "nope", amount: "1" } })).status).toBe(404);
    expect((await sb.api("POST", "/pg/payment/card/refund", { order: { id, amount: 1 } }, {})).status).toBe(401);
    // The client refuses a non-positive amount before sending anything.
    expect(await refusal(finpay.refund(id, 0))).toMatchObject({ kind: "validation" });
  });
});
