import { rmSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expect, test } from "../support/fixtures";
import { control, payOnHostedPage } from "../support/sandbox";
import { outcomeLabel, sandboxCallbacks } from "./support/callbacks";
import { startApp, startSandbox, type RunningServer } from "./support/servers";
import { APPROVED_CARD, addToCart, newCustomer, openHostedPage, orderStatus, sandboxOrdersOf } from "./support/shop";

/**
 * Finpay misbehaving, through the sandbox's control API (and, last, the sandbox switched off): the customer always
 * sees what happened in plain words, can try again, is charged at most once, and a lost callback is settled by
 * reconciliation without anyone clicking.
 */

// Sandbox faults are cleared before and after every test by the automatic `sandbox` fixture (e2e/support/fixtures.ts).

const alert = (page: Page, text: RegExp) => page.getByRole("alert").filter({ hasText: text });

test("initiate answers 500, times out, then sends malformed JSON: each is explained, and the retry pays once", async ({ page, request }) => {
  const email = await newCustomer(page, "gangguan");
  await addToCart(page, "tas-rotan-bali");
  await page.goto("/checkout");

  const faults: [string, RegExp][] = [
    ["error_500", /Finpay is having trouble right now\. You have not been charged/],
    ["timeout", /Finpay did not answer in time\. You have not been charged/],
    ["malformed", /Finpay sent an answer we could not read\. You have not been charged/],
  ];
  for (const [mode, message] of faults) {
    await control(request, "/faults", { initiate: { mode, count: 1 } });
    await page.getByRole("button", { name: "Pay with a new card" }).click();
    await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/, { timeout: 15_000 });
    await expect(alert(page, message), mode).toBeVisible();
    await expect(orderStatus(page)).toHaveText("Payment failed");
    await expect(page.getByRole("heading", { name: "Pay again" })).toBeVisible();
    await expect(page.getByTestId("cart-count")).toHaveText("1"); // nothing is lost: the cart waits for a payment
  }

  await page.getByRole("button", { name: "Pay with a new card" }).click();
  await payOnHostedPage(page, APPROVED_CARD);
  await expect(orderStatus(page)).toHaveText("Paid");
  await expect(page.getByTestId("cart-count")).toHaveText("0");
  // Four attempts on one order, and Finpay holds exactly one payment for this customer.
  await page.getByText("Payment inspector").click();
  await expect(page.getByTestId("payment-inspector").locator("section")).toHaveCount(4);
  const charged = await sandboxOrdersOf(request, email);
  expect(charged.map((order) => order.status)).toEqual(["CAPTURED"]);
});

test("a delayed callback: the customer lands first, and the order page turns paid by itself", async ({ page, request }) => {
  await newCustomer(page, "tunda");
  await addToCart(page, "sarung-tenun-samarinda");
  const { finpayOrderId } = await openHostedPage(page, request);
  await control(request, "/faults", { callbacks: { mode: "delay", delayMs: 4_000, count: 1 } });
  await payOnHostedPage(page, APPROVED_CARD);
  await expect(orderStatus(page)).toHaveText("Awaiting payment");
  await expect(orderStatus(page)).toHaveText("Paid", { timeout: 20_000 });
  const [callback] = await sandboxCallbacks(request, finpayOrderId);
  expect(callback!.attempts[0]!.httpStatus).toBe(200);
});

test("a dropped callback is settled by reconciliation, with no click", async ({ page, request }) => {
  await newCustomer(page, "hilang");
  await addToCart(page, "wayang-kulit-arjuna");
  const { finpayOrderId } = await openHostedPage(page, request);
  await control(request, "/faults", { callbacks: { mode: "drop", count: 1 } });
  await payOnHostedPage(page, APPROVED_CARD);
  await expect(orderStatus(page)).toHaveText("Awaiting payment");
  // RECONCILE_AFTER_SECONDS is 15 in the e2e app; the page refreshes itself every 3 s and reconciles when due.
  await expect(orderStatus(page)).toHaveText("Paid", { timeout: 40_000 });
  expect((await sandboxCallbacks(request, finpayOrderId)).map((c) => c.state)).toEqual(["dropped"]);
  await page.getByText("Payment inspector").click();
  const inspector = page.getByTestId("payment-inspector");
  await expect(inspector.getByText("Status check").first()).toBeVisible();
  await expect(inspector.getByText("Callback received")).toHaveCount(0);
});

test("a callback sent twice is recorded twice and pays once", async ({ page, request }) => {
  const email = await newCustomer(page, "ganda");
  await addToCart(page, "lampu-bambu");
  const { finpayOrderId } = await openHostedPage(page, request);
  await payOnHostedPage(page, APPROVED_CARD);
  await expect(orderStatus(page)).toHaveText("Paid");
  const resent = await control(request, `/orders/${finpayOrderId}/callbacks/resend`);
  expect(resent.callback.attempts[0].httpStatus).toBe(200);
  await page.reload();
  await page.getByText("Payment inspector").click();
  const inspector = page.getByTestId("payment-inspector");
  await expect(inspector.getByText("Callback received")).toHaveCount(2);
  await expect(outcomeLabel(inspector, "pending_to_paid")).toHaveCount(1);
  await expect(outcomeLabel(inspector, "duplicate")).toHaveCount(1);
  expect((await sandboxOrdersOf(request, email)).map((order) => order.status)).toEqual(["CAPTURED"]);
});

test.describe("with the gateway switched off", () => {
  // A storefront of its own (port 3402, own database) whose Finpay (port 4402) can be stopped and started.
  const gatewayPort = 4402;
  let app: RunningServer;
  let gateway: RunningServer | undefined;
  const stateFile = `.data/e2e-hardening-sandbox-${gatewayPort}.json`;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    app = await startApp({ port: 3402, finpayBaseUrl: `http://localhost:${gatewayPort}`, env: { RECONCILE_AFTER_SECONDS: "600" } });
  });
  test.afterAll(async () => {
    await gateway?.stop();
    await app?.stop();
    rmSync(stateFile, { force: true });
  });

  test("sandbox down: the customer is told, nothing is charged, and the retry pays once it is back", async ({ browser }) => {
    test.setTimeout(120_000);
    const context = await browser.newContext({ baseURL: app.url });
    const page = await context.newPage();
    const email = await newCustomer(page, "padam");
    await addToCart(page, "kain-tenun-ikat");
    await page.goto("/checkout");
    await page.getByRole("button", { name: "Pay with a new card" }).click();
    await expect(alert(page, /We could not reach Finpay\. You have not been charged/)).toBeVisible();
    await expect(orderStatus(page)).toHaveText("Payment failed");

    gateway = await startSandbox(gatewayPort, stateFile);
    await page.getByRole("button", { name: "Pay with a new card" }).click();
    await expect(page.getByRole("heading", { name: "Pay by card" })).toBeVisible();
    const hostedPagePath = new URL(page.url()).pathname;
    // Paid while the callback is lost, then Finpay goes down again before anyone asks.
    await page.request.post(`${gateway.url}/__sandbox/faults`, { data: { callbacks: { mode: "drop", count: 1 } } });
    await payOnHostedPage(page, APPROVED_CARD);
    await expect(orderStatus(page)).toHaveText("Awaiting payment");
    await gateway.stop();

    await page.getByRole("button", { name: "Check status" }).first().click();
    await expect(alert(page, /We could not reach Finpay just now/)).toBeVisible();
    await expect(orderStatus(page)).toHaveText("Awaiting payment");

    gateway = await startSandbox(gatewayPort, stateFile);
    await page.getByRole("button", { name: "Check status" }).first().click();
    await expect(orderStatus(page)).toHaveText("Paid");
    const orders = (await (await page.request.get(`${gateway.url}/__sandbox/orders`)).json()) as { orders: { status: string; customer: { email: string }; redirecturl: string }[] };
    const charged = orders.orders.filter((order) => order.customer.email === email);
    expect(charged.map((order) => order.status)).toEqual(["CAPTURED"]);
    expect(new URL(charged[0]!.redirecturl).pathname).toBe(hostedPagePath);
    await context.close();
  });
});
