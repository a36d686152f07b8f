import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { clearFaults, payOnHostedPage } from "../support/sandbox";
import { postCallback, sandboxCallbacks, settleWithoutCallback, signedBody } from "./support/callbacks";
import { DECLINED_CARD, addToCart, newCustomer, openHostedPage, orderStatus, sandboxOrder } from "./support/shop";

/**
 * Every way a callback can be wrong, sent to the real route. Each gets the answer Finpay should see (4xx: do not
 * retry, it will never work; 2xx: received), never a 500, and only a genuine, confirmed callback changes an order.
 */

test.beforeEach(async ({ request }) => clearFaults(request));

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
    ["wrong content type", genuine, "text/plain", 415],
    ["form content type", genuine, "application/x-www-form-urlencoded", 415],
    ["empty body", Buffer.alloc(0), undefined, 400],
    ["invalid JSON", `${genuine.slice(0, 80)}`, undefined, 400],
    ["JSON that is not an object", "[1,2,3]", undefined, 401],
    ["1 MB body", Buffer.alloc(1024 * 1024, "{"), undefined, 413],
    ["missing signature", JSON.stringify(unsigned), undefined, 401],
    ["bad signature", genuine.replace(/"signature":"([0-9a-f])/, (_m, c: string) => `"signature":"${c === "0" ? "1" : "0"}`), undefined, 401],
    ["signature from another key", signedBody(unsigned, "NotTheMerchantKey"), undefined, 401],
    ["changed amount, signature of the original", genuine.replace(/"amount":55000/g, `"amount":1`), undefined, 401],
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

  // The genuine callback pays the order; its replay, and a FAILURE after CAPTURED, change nothing.
  expect((await send(request, genuine)).status).toBe(200);
  await expectStatus(page, orderId, "Paid");
  expect((await send(request, genuine)).status).toBe(200);
  const failureAfterCapture = signedBody({ ...unsigned, result: { payment: { ...payload.result.payment, status: "FAILURE", statusDesc: "Do not honour" } } });
  expect((await send(request, failureAfterCapture)).status).toBe(200);
  await expectStatus(page, orderId, "Paid");

  // What the inspector recorded for this attempt: the flagged amount, one transition, then duplicates.
  await page.getByText("Payment inspector").click();
  const inspector = page.getByTestId("payment-inspector");
  await expect(inspector.getByText("amount_mismatch", { exact: true })).toHaveCount(1);
  await expect(inspector.getByText("pending_to_paid", { exact: true })).toHaveCount(1);
  await expect(inspector.getByText("duplicate", { exact: true })).toHaveCount(2);
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
  await expect(inspector.getByText("pending_to_failed", { exact: true })).toHaveCount(1);
  await expect(inspector.getByText("pending_to_paid", { exact: true })).toHaveCount(1);
  await expect(inspector.getByText("duplicate", { exact: true })).toHaveCount(1);
});
