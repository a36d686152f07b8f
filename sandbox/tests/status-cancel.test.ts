import { describe, expect, it } from "vitest";
import { basicRequest, cardFields, initiateAccepted, withSandboxAndReceiver, type CallbackReceiver, type TestSandbox } from "./helpers";

describe("check status and cancel", () => {
  let sb: TestSandbox;
  let receiver: CallbackReceiver;
  withSandboxAndReceiver((started) => ({ sb, receiver } = started));

  const initiate = (patch?: Parameters<typeof basicRequest>[1]) => initiateAccepted(sb, receiver.url, patch);

  it("answers REQUEST_INITIATED before payment, shaped like the reference's sample", async () => {
    const { id } = await initiate((b) => (b.meta = { data: { cart: "c-9" } }));
    const answer = await sb.api("GET", `/pg/payment/card/check/${id}`);
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.json)).toEqual(["responseCode", "responseMessage", "data", "processingTime"]);
    expect(answer.json.data).toEqual({
      customer: { id: "budi@example.co.id" },
      order: { id, reference: `${id}1000000000`, amount: 150000, currency: "IDR" },
      meta: { data: { cart: "c-9" } },
      sourceOfFunds: { type: "cc", paymentCode: null },
      result: { payment: { amount: 150000, status: "REQUEST_INITIATED", statusDesc: null, datetime: null, reference: null, channel: null } },
    });
  });

  it("shows the card and CAPTURED after payment", async () => {
    const { id, path } = await initiate();
    await sb.form(path, cardFields("4508750015741019"));
    const answer = await sb.api("GET", `/pg/payment/card/check/${id}`);
    expect(answer.json.data).toMatchObject({
      card: { mask: "450875xxxxxx1019", info: { brand: "VISA", country: "INDONESIA" } },
      meta: { data: null },
      result: { payment: { status: "CAPTURED", statusDesc: null, reference: expect.stringMatching(/^\d{6}$/) } },
    });
  });

  it("answers 404 4040001 for an unknown order", async () => {
    const answer = await sb.api("GET", "/pg/payment/card/check/NO-SUCH-ORDER");
    expect(answer.status).toBe(404);
    expect(answer.json).toMatchObject({ responseCode: "4040001", responseMessage: "Transaction Not Found" });
  });

  it("cancels an unpaid order: docs' success answer with a traceId, then CANCELLED and no longer payable", async () => {
    const { id, path } = await initiate();
    const answer = await sb.api("GET", `/pg/payment/card/cancel/${id}`);
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.json)).toEqual(["responseCode", "responseMessage", "processingTime", "traceId"]);
    expect(answer.json).toMatchObject({
      responseCode: "2000000",
      responseMessage: "Request has been processed successfully",
      traceId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
    });
    const check = await sb.api("GET", `/pg/payment/card/check/${id}`);
    expect(check.json.data).toMatchObject({ result: { payment: { status: "CANCELLED" } } });

    const page = await fetch(`${sb.url}${path}`);
    expect(await page.text()).toContain("Payment cancelled");
    const post = await sb.form(path, cardFields("5123450000000008"));
    expect(await post.text()).toContain("Payment cancelled");
    expect((await sb.api("GET", `/pg/payment/card/check/${id}`)).json.data).toMatchObject({ result: { payment: { status: "CANCELLED" } } });
  });

  it("ignores a body sent with cancel (the docs list one, clients send none)", async () => {
    const { id } = await initiate();
    const answer = await fetch(`${sb.url}/pg/payment/card/cancel/${id}`, {
      method: "GET",
      headers: { authorization: `Basic ${Buffer.from("FINPAY770:SoSecret123").toString("base64")}` },
    });
    expect(((await answer.json()) as { responseCode: string }).responseCode).toBe("2000000");
  });

  it("refuses to cancel twice, or to cancel a paid order, with 404 4040100", async () => {
    const { id } = await initiate();
    await sb.api("GET", `/pg/payment/card/cancel/${id}`);
    const twice = await sb.api("GET", `/pg/payment/card/cancel/${id}`);
    expect(twice.status).toBe(404);
    expect(twice.json).toMatchObject({ responseCode: "4040100", responseMessage: "Invalid Transaction Status" });

    const paid = await initiate();
    await sb.form(paid.path, cardFields("5123450000000008"));
    expect((await sb.api("GET", `/pg/payment/card/cancel/${paid.id}`)).json.responseCode).toBe("4040100");
  });

  it("answers 404 4040001 when cancelling an unknown order", async () => {
    const answer = await sb.api("GET", "/pg/payment/card/cancel/NOPE");
    expect(answer.json).toMatchObject({ responseCode: "4040001" });
  });
});
