import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "../support/fixtures";
import { control, payOnHostedPage } from "../support/sandbox";
import { outcomeLabel, postCallback, sandboxCallbacks, settleWithoutCallback, signedBody } from "./support/callbacks";
import { DECLINED_CARD, addToCart, newCustomer, openHostedPage, orderStatus, sandboxOrder } from "./support/shop";

// Each test signs up, checks out and pays (some twice) before it starts on the callbacks.
test.describe.configure({ timeout: 120_000 });

/**
 * Every way a callback can be wrong, sent to the real route. Each gets the answer Finpay should see (4xx: do not
 * retry, it will never work; 2xx: received), never a 500, and only a genuine, confirmed callback changes an order.
 */

// Sandbox faults are cleared before and after every test by the automatic `sandbox` fixture (e2e/support/fixtures.ts).

type Payload = Record<string, unknown> & { order: Record<string, unknown>; result: { payment: Record<string, unknown> } };

async function expectStatus(page: Page, orderId: string, text: string) {
  await page.goto(`/orders/${orderId}`);
  await expect(orderStatus(page)).toHaveText(text);
}

async function send(request: APIRequestContext, body: string | Buffer, contentType?: string) {
  const response = await postCallback(request, body, contentType);
  expect(response.status(), `callback answered ${response.status()}: ${await response.text()}`).toBeLessThan(500);
  return { status: response.status(), json: (await response.json().catch(() => null)) as { responseCode?: string } | null };
}

test("malformed, forged and tampered callbacks are refused or ignored; only the genuine one pays, once", async ({ page, request }) => {
  await newCustomer(page, "panggilan");
  await addToCart(page, "cokelat-bali-70");
  const { finpayOrderId, orderId } = await openHostedPage(page, request);
  const genuine = await settleWithoutCallback(request, finpayOrderId);
  const payload = JSON.parse(genuine) as Payload;
  const { signature: _signature, ...unsigned } = payload;

  const refused: [string, string | Buffer, string | undefined, number][] = [
    ["text/plain, bad signature", genuine.replace(/"signature":"([0-9a-f])/, (_m, c: string) => `"signature":"${c === "0" ? "1" : "0"}`), "text/plain", 401],
    ["form content type, not JSON", "order_id=1&status=CAPTURED", "application/x-www-form-urlencoded", 400],
    ["empty body", Buffer.alloc(0), undefined, 400],
    ["invalid JSON", `${genuine.slice(0, 80)}`, undefined, 400],
    ["JSON that is not an object", "[1,2,3]", undefined, 401],
    ["1 MB body", Buffer.alloc(1024 * 1024, "{"), undefined, 413],
    ["missing signature", JSON.stringify(unsigned), undefined, 401],
    ["bad signature", genuine.replace(/"signature":"([0-9a-f])/, (_m, c: string) => `"signature":"${c === "0" ? "1" : "0"}`), undefined, 401],
    ["signature from another key", signedBody(unsigned, "NotTheMerchantKey"), undefined, 401],
    ["changed amount, signature of the original", genuine.replaceAll(`"amount":${String(payload.order.amount)}`, `"amount":1`), undefined, 401],
    // Bodies that used to answer 503 (Finpay would retry them forever) and left nothing recorded.
    ["nested 5,000 deep", `{"order":{"id":"${finpayOrderId}"},"meta":${"[".repeat(5_000)}${"]".repeat(5_000)},"signature":"${payload.signature as string}"}`, undefined, 400],
    ["a raw NUL byte", genuine.replace(`"id":"${finpayOrderId}"`, `"id":"${finpayOrderId}\u0000"`), undefined, 400],
    ["order id over 64 characters, validly signed", signedBody({ ...unsigned, order: { ...payload.order, id: "A".repeat(65) } }), undefined, 400],
    ["order id over 64 characters, unsigned", JSON.stringify({ ...payload, order: { ...payload.order, id: "A".repeat(65) } }), undefined, 401],
    ["status over 40 characters, validly signed", signedBody({ ...unsigned, result: { payment: { ...payload.result.payment, status: "S".repeat(41) } } }), undefined, 400],
    ["NUL escape in the order id, validly signed", signedBody({ ...unsigned, order: { ...payload.order, id: `${finpayOrderId}\u0000` } }), undefined, 400],
  ];
  for (const [label, body, contentType, status] of refused) {
    const answer = await send(request, body, contentType);
    expect(answer.status, label).toBe(status);
    expect(answer.json?.responseCode, label).not.toBe("2000000");
  }

  // Signed with the merchant key but wrong: acknowledged (Finpay must not retry them) and never acted upon.
  const acknowledged: [string, string][] = [
    ["changed amount, validly signed", signedBody({ ...unsigned, order: { ...payload.order, amount: 1 }, result: { payment: { ...payload.result.payment, amount: 1 } } })],
    ["order id that does not exist", signedBody({ ...unsigned, order: { ...payload.order, id: "TN000000-DOESNOTEXIST" } })],
  ];
  for (const [label, body] of acknowledged) expect((await send(request, body)).status, label).toBe(200);
  await expectStatus(page, orderId, "Awaiting payment");

  // The genuine callback, sent as text/plain (the content type Finpay uses is not documented), pays the order; its
  // replay, and a FAILURE after CAPTURED, change nothing.
  expect((await send(request, genuine, "text/plain")).status).toBe(200);
  await expectStatus(page, orderId, "Paid");
  expect((await send(request, genuine)).status).toBe(200);
  const failureAfterCapture = signedBody({ ...unsigned, result: { payment: { ...payload.result.payment, status: "FAILURE", statusDesc: "Do not honour" } } });
  expect((await send(request, failureAfterCapture)).status).toBe(200);
  await expectStatus(page, orderId, "Paid");

  // What the inspector recorded for this attempt: the flagged amount, one transition, then duplicates.
  await page.getByText("Payment inspector").click();
  const inspector = page.getByTestId("payment-inspector");
  await expect(outcomeLabel(inspector, "amount_mismatch")).toHaveCount(1);
  await expect(outcomeLabel(inspector, "pending_to_paid")).toHaveCount(1);
  await expect(outcomeLabel(inspector, "duplicate")).toHaveCount(2);
  expect((await sandboxOrder(request, finpayOrderId)).status).toBe("CAPTURED");
});

test("an old valid callback replayed after the order was paid again changes nothing", async ({ page, request }) => {
  await newCustomer(page, "ulang");
  await addToCart(page, "kerupuk-udang-sidoarjo");
  const first = await openHostedPage(page, request);
  await payOnHostedPage(page, DECLINED_CARD);
  await expect(orderStatus(page)).toHaveText("Payment failed");
  const [declined] = await sandboxCallbacks(request, first.finpayOrderId);
  expect(declined!.paymentStatus).toBe("FAILURE");

  await page.getByRole("button", { name: "Pay with a new card" }).click();
  await payOnHostedPage(page, "5123450000000008");
  await expect(orderStatus(page)).toHaveText("Paid");

  // The first attempt's FAILURE, replayed later (same bytes, valid signature): the order stays paid.
  expect((await send(request, declined!.body)).status).toBe(200);
  expect((await sandboxOrder(request, first.finpayOrderId)).status).toBe("FAILURE");
  await expectStatus(page, first.orderId, "Paid");
  await page.getByText("Payment inspector").click();
  const inspector = page.getByTestId("payment-inspector");
  await expect(outcomeLabel(inspector, "pending_to_failed")).toHaveCount(1);
  await expect(outcomeLabel(inspector, "pending_to_paid")).toHaveCount(1);
  await expect(outcomeLabel(inspector, "duplicate")).toHaveCount(1);
});

test("callbacks shaped as a real Finpay might send them pay through the real route", async ({ page, request }) => {
  // The sandbox signs each variant correctly and posts it to the app itself; the order must turn paid from that
  // callback (first delivery answered 200), not from reconciliation.
  const variants: [string, Record<string, unknown>][] = [
    ["text/plain, string amounts, extra members", { contentType: "text/plain", amountsAsStrings: true, extraMembers: true }],
    ["form content type, an unknown status, only the mandatory members", { contentType: "application/x-www-form-urlencoded", status: "SETTLEMENT_PENDING", missingOptionalMembers: true }],
  ];
  await newCustomer(page, "varian");
  for (const [label, variant] of variants) {
    await addToCart(page, "cokelat-bali-70");
    const { finpayOrderId, orderId } = await openHostedPage(page, request);
    await control(request, "/callback-variants", { ...variant, count: 1 });
    const settled = await control(request, `/orders/${finpayOrderId}/pay`, {});
    expect(settled.callback.attempts[0]?.httpStatus, `${label}: ${settled.callback.attempts[0]?.responseBody}`).toBe(200);
    await expectStatus(page, orderId, "Paid");
    await page.getByText("Payment inspector").click();
    await expect(outcomeLabel(page.getByTestId("payment-inspector"), "pending_to_paid"), label).toHaveCount(1);
  }
});
