import type { Browser, Page } from "@playwright/test";
import { expect, test } from "../support/fixtures";
import { actionRedirect, actionResult, callAction, type ActionName } from "./support/actions";
import { APP_URL, addToCart, customerWithSavedCard, initiateRequestsFor, newCustomer, openHostedPage, orderStatus, sandboxOrdersOf } from "./support/shop";

/**
 * Two customers, A and B. Everything B can name (A's order id, A's saved card id) B tries to open or act on, through
 * the pages and by posting A's ids straight to the server actions. Each is a 404 or a refusal, and A's things are
 * exactly as before. Then the same from a browser that is not signed in at all.
 */

test.describe.configure({ mode: "serial" });

type CustomerA = Awaited<ReturnType<typeof customerWithSavedCard>> & { pendingOrderId: string; pendingFinpayOrderId: string };
let a: CustomerA;
let pageA: Page;

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: APP_URL });
  return context.newPage();
}

test.beforeAll(async ({ browser }) => {
  pageA = await newPage(browser);
  const saved = await customerWithSavedCard(pageA, pageA.request);
  // A second order, left waiting for payment: something B could try to cancel, check or pay.
  await addToCart(pageA, "sambal-bawang");
  const pending = await openHostedPage(pageA, pageA.request);
  a = { ...saved, pendingOrderId: pending.orderId, pendingFinpayOrderId: pending.finpayOrderId };
});

test.afterAll(async () => {
  await pageA.context().close();
});

/** A's things, as A sees them: checked after every attack. */
async function expectAUnchanged() {
  await pageA.goto(`/orders/${a.paidOrderId}`);
  await expect(orderStatus(pageA)).toHaveText("Paid");
  await pageA.goto(`/orders/${a.pendingOrderId}`);
  await expect(orderStatus(pageA)).toHaveText("Awaiting payment");
  await expect(pageA.getByRole("button", { name: "Cancel payment" })).toBeVisible();
  await pageA.goto("/account/cards");
  await expect(pageA.getByTestId("saved-card")).toHaveCount(1);
}

test("customer B gets a 404 for A's order page and payment inspector, and never sees A's cards", async ({ page }) => {
  await newCustomer(page, "penyusup");
  for (const orderId of [a.paidOrderId, a.pendingOrderId]) {
    const response = await page.goto(`/orders/${orderId}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByTestId("payment-inspector")).toHaveCount(0);
    // The RSC payload a client-side navigation fetches carries none of A's order either.
    const flight = await page.request.get(`/orders/${orderId}`, { headers: { RSC: "1" } });
    const body = await flight.text();
    expect(body).not.toContain("order-status");
    expect(body).not.toContain(a.finpayOrderId);
    expect(body).not.toContain(a.pendingFinpayOrderId);
  }
  await page.goto("/account/cards");
  await expect(page.getByText("No saved cards.")).toBeVisible();
  expect(await page.content()).not.toContain(a.cardId);
  await page.goto("/account/orders");
  await expect(page.getByText("You have not ordered anything yet.")).toBeVisible();
  await expectAUnchanged();
});

test("customer B cannot pay with A's saved card, neither from the checkout form nor by posting A's card id", async ({ page }) => {
  const email = await newCustomer(page, "penyusup");
  await addToCart(page, "kopi-gayo-arabika");
  await page.goto("/checkout");
  // The form lets B choose only "new card"; a tampered form names A's card instead.
  await page.getByRole("button", { name: "Pay with a new card" }).evaluate((button, cardId) => button.setAttribute("value", `card:${cardId}`), a.cardId);
  await page.getByRole("button", { name: "Pay with a new card" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "saved card" })).toHaveText("That saved card is not available. Choose another way to pay.");
  await expect(page).toHaveURL(/\/checkout$/);

  // The same, posted straight to the two-click action and to "pay again" on B's own order.
  const checkout = await callAction(page.request, "startCheckoutAction", {
    path: "/checkout",
    fields: { idempotencyKey: crypto.randomUUID(), choice: `card:${a.cardId}` },
  });
  expect(await actionResult(checkout)).toMatchObject({ status: "error", message: "That saved card is not available. Choose another way to pay." });

  // Nothing reached Finpay for B: no order at the sandbox, so no charge on A's card.
  expect(await sandboxOrdersOf(page.request, email)).toEqual([]);
  await page.goto("/account/orders");
  await expect(page.getByText("You have not ordered anything yet.")).toBeVisible();
  await expectAUnchanged();
});

test("customer B's actions on A's order and card are refused and change nothing", async ({ page }) => {
  await newCustomer(page, "penyusup");
  const attempts: [ActionName, string, Record<string, string>, string][] = [
    ["cancelPaymentAction", `/orders/${a.pendingOrderId}`, { orderId: a.pendingOrderId }, "Order not found."],
    ["checkStatusAction", `/orders/${a.pendingOrderId}`, { orderId: a.pendingOrderId }, "Order not found."],
    ["payAgainAction", `/orders/${a.pendingOrderId}`, { orderId: a.pendingOrderId, idempotencyKey: crypto.randomUUID(), choice: "new" }, "Order not found."],
    ["payAgainAction", `/orders/${a.paidOrderId}`, { orderId: a.paidOrderId, idempotencyKey: crypto.randomUUID(), choice: `card:${a.cardId}` }, "Order not found."],
    ["removeSavedCardAction", "/account/cards", { cardId: a.cardId }, "That card is not saved on your account."],
  ];
  for (const [name, path, fields, message] of attempts) {
    const response = await callAction(page.request, name, { path, fields });
    expect(response.status(), name).toBe(200);
    expect(await actionResult(response), name).toMatchObject({ status: "error", message });
  }
  // No second Finpay order was opened for A's pending order, and it was not cancelled at Finpay.
  expect(await initiateRequestsFor(page.request, a.pendingFinpayOrderId)).toHaveLength(1);
  expect((await sandboxOrdersOf(page.request, a.email)).map((o) => o.status).sort()).toEqual(["CAPTURED", "REQUEST_INITIATED"]);
  await expectAUnchanged();
});

test("signed out, every protected page sends to sign-in and every protected action is refused", async ({ playwright }) => {
  const anonymous = await playwright.request.newContext({ baseURL: APP_URL });
  for (const path of ["/account", "/account/cards", "/account/orders", "/checkout", `/orders/${a.paidOrderId}`, `/orders/${a.pendingOrderId}`]) {
    const response = await anonymous.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(307);
    expect(response.headers().location, path).toBe(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  }

  const protectedActions: [ActionName, string, Record<string, string>][] = [
    ["updateProfileAction", "/account", { firstName: "Maling", lastName: "Jahat", email: a.email, mobilePhone: "081200000000" }],
    ["changePasswordAction", "/account", { currentPassword: "rahasia-123", newPassword: "dibajak-123", confirmPassword: "dibajak-123" }],
    ["startCheckoutAction", "/checkout", { idempotencyKey: crypto.randomUUID(), choice: `card:${a.cardId}` }],
    ["payAgainAction", `/orders/${a.pendingOrderId}`, { orderId: a.pendingOrderId, idempotencyKey: crypto.randomUUID(), choice: "new" }],
    ["cancelPaymentAction", `/orders/${a.pendingOrderId}`, { orderId: a.pendingOrderId }],
    ["checkStatusAction", `/orders/${a.pendingOrderId}`, { orderId: a.pendingOrderId }],
    ["removeSavedCardAction", "/account/cards", { cardId: a.cardId }],
  ];
  for (const [name, path, fields] of protectedActions) {
    // Posted to its own page: the proxy sends it to sign-in before the action runs.
    const viaPage = await callAction(anonymous, name, { path, fields });
    expect(viaPage.status(), name).toBe(307);
    expect(viaPage.headers().location, name).toMatch(/^\/sign-in\?callbackUrl=/);
    // Posted to a public page instead: Next.js hands it on to the page that owns the action, and it is refused.
    const direct = await callAction(anonymous, name, { path: "/", fields });
    expect(direct.status(), name).toBeLessThan(500);
    const redirect = actionRedirect(direct);
    if (redirect) expect(redirect, name).toMatch(/^\/sign-in\?callbackUrl=/);
    expect((await actionResult(direct))?.status, name).not.toBe("success");
  }
  await anonymous.dispose();

  // A's profile, orders and card are untouched.
  await expectAUnchanged();
  await pageA.goto("/account");
  await expect(pageA.getByLabel("First name")).toHaveValue("Dewi");
});
