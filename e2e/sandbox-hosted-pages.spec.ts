import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { APIRequestContext } from "@playwright/test";
import { verifyCallbackSignature } from "../lib/finpay/signature";
import { CARDS, expect, test } from "./support/fixtures";
import { SANDBOX_URL } from "./support/sandbox";

/**
 * One walk through each hosted page of the local Finpay sandbox, in a real browser: the basic card form (with a
 * typing mistake first and the save box), the two-click CVV page, the 3-D Secure step, a declined card, the
 * expired and already-finished pages, and the way back to the merchant. A small node:http server plays the
 * merchant: it receives the callbacks and serves the success, failure and cart pages.
 */

const MERCHANT_KEY = process.env.FINPAY_MERCHANT_KEY ?? "SoSecret123";
const AUTH = `Basic ${Buffer.from(`${process.env.FINPAY_MERCHANT_ID ?? "FINPAY770"}:${MERCHANT_KEY}`).toString("base64")}`;

interface Callback {
  body: string;
  at: number;
}

let merchant: Server;
let merchantUrl = "";
const callbacks: Callback[] = [];

test.beforeAll(async () => {
  merchant = createServer((req, res) => {
    if (req.method === "POST") {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        callbacks.push({ body: Buffer.concat(chunks).toString("utf8"), at: Date.now() });
        res.writeHead(200, { "content-type": "application/json" }).end('{"responseCode":"2000000","responseMessage":"Success"}');
      });
      return;
    }
    const titles: Record<string, string> = { "/success": "Merchant: payment received", "/fail": "Merchant: payment failed", "/cart": "Merchant: your cart" };
    const title = titles[new URL(req.url ?? "/", "http://x").pathname] ?? "Merchant";
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(`<!doctype html><html lang="en"><title>${title}</title><h1>${title}</h1></html>`);
  });
  await new Promise<void>((resolve) => merchant.listen(0, "127.0.0.1", resolve));
  merchantUrl = `http://127.0.0.1:${(merchant.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  merchant.closeAllConnections();
  await new Promise<void>((resolve) => merchant.close(() => resolve()));
});

function newOrderId(): string {
  return `E2E-${randomUUID().replace(/-/g, "").slice(0, 20)}`;
}

async function initiate(request: APIRequestContext, options: { customerId: string; card?: Record<string, string>; amount?: string }) {
  const orderId = newOrderId();
  const response = await request.post(`${SANDBOX_URL}/pg/payment/card/initiate`, {
    headers: { authorization: AUTH, "content-type": "application/json" },
    data: {
      customer: { id: options.customerId, email: options.customerId, firstName: "Siti", lastName: "Rahayu", mobilePhone: "+6281234567890" },
      order: { id: orderId, amount: options.amount ?? "150000", currency: "IDR", description: "Kopi Gayo Arabika 250 g" },
      url: {
        callbackUrl: `${merchantUrl}/finpay/callback`,
        successUrl: `${merchantUrl}/success`,
        failUrl: `${merchantUrl}/fail`,
        backUrl: `${merchantUrl}/cart`,
      },
      ...(options.card ? { card: options.card } : {}),
      sourceOfFunds: { type: "cc" },
    },
  });
  const body = (await response.json()) as { responseCode: string; redirecturl: string };
  expect(body.responseCode).toBe("2000000");
  return { orderId, redirecturl: body.redirecturl };
}

function callbackFor(orderId: string): { status: string; statusDesc: string | null; payload: Record<string, unknown>; raw: string } | undefined {
  const found = callbacks.find((c) => c.body.includes(`"id":"${orderId}"`));
  if (!found) return undefined;
  const payload = JSON.parse(found.body) as Record<string, unknown> & { result: { payment: { status: string; statusDesc: string | null } } };
  return { status: payload.result.payment.status, statusDesc: payload.result.payment.statusDesc, payload, raw: found.body };
}

async function storedCards(request: APIRequestContext, customerId: string) {
  const response = await request.get(`${SANDBOX_URL}/pg/payment/card/customer/${encodeURIComponent(customerId)}`, { headers: { authorization: AUTH } });
  return ((await response.json()) as { data: { cards: Array<{ token: string; mask: string }> } }).data.cards;
}

const customer = () => `e2e-${randomUUID().slice(0, 8)}@example.co.id`;

test("basic payment: a typing mistake is explained, then the approved Mastercard with the save box pays and stores the card", async ({ page, request, hostedPage }) => {
  const customerId = customer();
  const { orderId, redirecturl } = await initiate(request, { customerId });
  await page.goto(redirecturl);

  await hostedPage.expectCardForm();
  await expect(page.getByText(orderId)).toBeVisible();
  await expect(page.getByText("Rp 150.000", { exact: true })).toBeVisible();
  await expect(page.getByRole("timer")).toHaveText(/^\d{2}:\d{2}:\d{2}$/);
  const testCards = page.getByRole("table", { name: "Test cards" });
  await expect(testCards.getByRole("row", { name: /5123 4500 0000 0008 Mastercard Approved/ })).toBeVisible();
  await expect(testCards.getByRole("row", { name: /3-D Secure challenge/ })).toBeVisible();

  // A mistyped number: the form comes back with the message tied to the field, values kept, CVV cleared.
  await hostedPage.fillCard("5123 4500 0000 0009", { name: "Siti Rahayu" });
  await page.getByRole("button", { name: "Pay Rp 150.000" }).click();
  await expect(page.getByRole("alert")).toContainText("This card number is not valid");
  const number = hostedPage.cardNumber;
  await expect(number).toHaveAttribute("aria-invalid", "true");
  await expect(number).toHaveAccessibleDescription(/This card number is not valid/);
  await expect(number).toHaveValue("5123 4500 0000 0009");
  await expect(hostedPage.nameOnCard).toHaveValue("Siti Rahayu");
  await expect(hostedPage.cvv).toHaveValue("");

  await number.fill("5123 4500 0000 0008");
  await hostedPage.cvv.fill("123");
  await hostedPage.checkSaveCard();
  await page.getByRole("button", { name: "Pay Rp 150.000" }).click();

  await expect(page).toHaveURL(`${merchantUrl}/success`);
  await expect(page.getByRole("heading", { name: "Merchant: payment received" })).toBeVisible();
  // The first delivery attempt happens before the redirect, so the callback is already here.
  const callback = callbackFor(orderId);
  expect(callback?.status).toBe("CAPTURED");
  expect(verifyCallbackSignature(callback?.raw ?? "", MERCHANT_KEY)).toMatchObject({ valid: true });
  expect(callback?.payload).toMatchObject({ order: { id: orderId, amount: 150000 }, card: { mask: "512345xxxxxx0008" } });

  const cards = await storedCards(request, customerId);
  expect(cards).toHaveLength(1);
  expect(cards[0]?.token).toMatch(/^[0-9a-f]{64}$/);
});

test("two-click payment: the saved card is shown masked and only the CVV is asked", async ({ page, request, hostedPage, sandbox }) => {
  const customerId = customer();
  // Store a card for this customer without a browser, then pay two-click with its token.
  const first = await initiate(request, { customerId });
  await sandbox.pay(first.orderId, { save: true });
  const [card] = await storedCards(request, customerId);
  const { orderId, redirecturl } = await initiate(request, { customerId, card: { token: card?.token ?? "", storedOnFile: "STORED" } });

  await page.goto(redirecturl);
  await expect(hostedPage.savedCardHeading).toBeVisible();
  await expect(page.getByText("Mastercard •••• 0008")).toBeVisible();
  await expect(hostedPage.cardNumber).toHaveCount(0);
  await expect(hostedPage.nameOnCard).toHaveCount(0);
  await hostedPage.cvv.fill("321");
  await page.getByRole("button", { name: "Pay Rp 150.000" }).click();

  await expect(page).toHaveURL(`${merchantUrl}/success`);
  expect(callbackFor(orderId)?.status).toBe("CAPTURED");
});

test("3-D Secure: the challenge card asks for the one-time code, 123456 passes", async ({ page, request, hostedPage }) => {
  const { orderId, redirecturl } = await initiate(request, { customerId: customer(), amount: "275000" });
  await page.goto(redirecturl);
  await hostedPage.fillCard("4000 0000 0000 3220", { expiry: "08/30", cvv: "456", name: "Siti Rahayu" });
  await page.getByRole("button", { name: "Pay Rp 275.000" }).click();

  await expect(page).toHaveURL(/\/pg\/payment\/card\/access\/[0-9a-f]{64}\/3ds$/);
  await hostedPage.passChallenge("123456");

  await expect(page).toHaveURL(`${merchantUrl}/success`);
  expect(callbackFor(orderId)?.status).toBe("CAPTURED");
});

test("declined card: the browser goes to failUrl and the callback says FAILURE, Do not honour", async ({ page, request, hostedPage }) => {
  const { orderId, redirecturl } = await initiate(request, { customerId: customer() });
  await page.goto(redirecturl);
  await hostedPage.fillCard(CARDS.declined, { name: "Siti Rahayu" });
  await hostedPage.payButton.click();

  await expect(page).toHaveURL(`${merchantUrl}/fail`);
  expect(callbackFor(orderId)).toMatchObject({ status: "FAILURE", statusDesc: "Do not honour" });
});

test("expired link: an order past its time shows the expired page", async ({ page, request, hostedPage, sandbox }) => {
  const { orderId, redirecturl } = await initiate(request, { customerId: customer() });
  await sandbox.expire(orderId);
  await page.goto(redirecturl);
  await expect(page.getByRole("heading", { name: "Payment link expired" })).toBeVisible();
  await expect(hostedPage.cardNumber).toHaveCount(0);
  await expect.poll(() => callbackFor(orderId)?.status).toBe("EXPIRED");
});

test("already finished: reopening a paid link shows that it is paid, not the form", async ({ page, request, sandbox }) => {
  const { orderId, redirecturl } = await initiate(request, { customerId: customer() });
  await sandbox.pay(orderId);
  await page.goto(redirecturl);
  await expect(page.getByRole("heading", { name: "Payment already completed" })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Pay/ })).toHaveCount(0);
});

test("back to merchant: the link on the payment page returns to url.backUrl", async ({ page, request }) => {
  const { redirecturl } = await initiate(request, { customerId: customer() });
  await page.goto(redirecturl);
  const back = page.getByRole("link", { name: "Back to merchant" }); // focus is checked here, so not hostedPage.backToMerchant()
  await back.focus();
  await expect(back).toBeFocused();
  await back.click();
  await expect(page).toHaveURL(`${merchantUrl}/cart`);
  await expect(page.getByRole("heading", { name: "Merchant: your cart" })).toBeVisible();
});

test("busy state: after Pay the button is disabled, says Processing… and is aria-busy; then the payment goes through once", async ({ page, request, hostedPage }) => {
  const { orderId, redirecturl } = await initiate(request, { customerId: customer() });
  await page.goto(redirecturl);
  await hostedPage.fillCard(CARDS.approvedMastercard, { name: "Siti Rahayu" });
  // The page the shopper looks at while the payment is processed is kept on screen by the page itself: a submit
  // listener added after the page's own cancels the navigation (no network timing to race; holding the POST in the
  // network left the check at the mercy of when Chromium swaps documents).
  await page.evaluate(() => document.querySelector("form[data-busy-label]")?.addEventListener("submit", (event) => event.preventDefault()));
  await page.getByRole("button", { name: "Pay Rp 150.000" }).click();
  const button = page.locator("form[data-busy-label] button[type=submit]");
  await expect(button).toHaveText("Processing…");
  await expect(button).toBeDisabled();
  await expect(button).toHaveAttribute("aria-busy", "true");
  await expect(page.locator("[data-busy-status]")).toHaveText("Processing…");
  // Then the submission the browser would have made: form.submit() posts the same fields without a second submit event.
  await page.evaluate(() => document.querySelector<HTMLFormElement>("form[data-busy-label]")?.submit());
  await expect(page).toHaveURL(`${merchantUrl}/success`);
  expect(callbackFor(orderId)?.status).toBe("CAPTURED");
});

test("at 390 px the card page and the two-click page do not scroll sideways; the test cards stay readable", async ({ page, request, sandbox }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const customerId = customer();
  const first = await initiate(request, { customerId });
  await sandbox.pay(first.orderId, { save: true });
  const [card] = await storedCards(request, customerId);
  const basic = await initiate(request, { customerId });
  const twoClick = await initiate(request, { customerId, card: { token: card?.token ?? "", storedOnFile: "STORED" } });

  for (const { redirecturl } of [basic, twoClick]) {
    await page.goto(redirecturl);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, redirecturl).toBeLessThanOrEqual(0);
    const region = page.getByRole("region", { name: "Test cards" });
    await expect(region).toBeVisible();
    await expect(region).toHaveAttribute("tabindex", "0"); // scrollable from the keyboard, should it ever need to
    const table = page.getByRole("table", { name: "Test cards" });
    // The longest cell, the card number on one line, lies within the phone's width.
    const numberBox = await table.getByText("5123 4500 0000 0008").boundingBox();
    expect(numberBox!.x).toBeGreaterThanOrEqual(0);
    expect(numberBox!.x + numberBox!.width).toBeLessThanOrEqual(390);
    await expect(table.getByText("Any card with CVV 999")).toBeVisible();
    // Every row fits the box: nothing is hidden to the right.
    const { scrollWidth, clientWidth } = await region.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  }
});

test("a wrong CVV on the two-click page declines, and the shop shows the order as failed", async ({ page, shop, hostedPage, customer, sandbox }) => {
  test.info().annotations.push({ type: "customer", description: customer.email });
  test.setTimeout(120_000);
  await shop.addToCart("teh-melati-premium");
  await shop.gotoCheckout();
  await shop.payWithNewCard({ save: true });
  await hostedPage.pay(CARDS.approvedMastercard);
  await expect(page.getByTestId("order-status")).toHaveText("Paid");
  // The worker fetches the card Finpay stored a moment after the payment; the cards page refreshes until it is there.
  await page.goto("/account/cards");
  await expect(page.getByTestId("saved-card")).toContainText("Mastercard •••• 0008");

  await shop.addToCart("sambal-bawang");
  await shop.gotoCheckout();
  await shop.payWithSavedCard("Mastercard •••• 0008");
  await expect(hostedPage.savedCardHeading).toBeVisible();
  const finpayOrderId = await hostedPage.finpayOrderId();
  await hostedPage.payWithCvv("999");

  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("order-status")).toHaveText("Payment failed");
  expect(await sandbox.order(finpayOrderId)).toMatchObject({ status: "FAILURE", statusDesc: "Declined: card security code (CVV) mismatch" });
});
