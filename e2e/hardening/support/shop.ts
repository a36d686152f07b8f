import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { signUp, uniqueEmail } from "../../support/accounts";
import { SANDBOX_URL, finpayOrderIdOf, payOnHostedPage } from "../../support/sandbox";

/** Customer journeys the hardening specs build on: each starts from a fresh account, so specs never share state. */

export const APP_URL = `http://localhost:${process.env.E2E_APP_PORT ?? 3100}`;

export const APPROVED_CARD = "5123450000000008";
export const DECLINED_CARD = "4000000000000002";

export type SandboxOrder = {
  id: string;
  amount: number;
  status: string;
  flow: string;
  cardToken: string | null;
  storedCardToken: string | null;
  customer: { id: string; email: string };
  urls: { successUrl?: string };
};

/** A new account, signed in on `page`. Fresh emails keep the sign-in throttle of one test away from the others. */
export async function newCustomer(page: Page, prefix = "keras"): Promise<string> {
  const email = uniqueEmail(prefix);
  await signUp(page, email);
  return email;
}

export async function addToCart(page: Page, slug: string, quantity = 1) {
  await page.goto(`/products/${slug}`);
  if (quantity !== 1) await page.getByLabel("Quantity", { exact: true }).fill(String(quantity));
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByRole("status")).toContainText("Added to cart");
}

/** From the checkout page to Finpay's (the sandbox's) card page; returns both order ids. */
export async function openHostedPage(page: Page, request: APIRequestContext, options: { save?: boolean } = {}) {
  await page.goto("/checkout");
  if (options.save) await page.getByLabel("Save this card for next time").check();
  await page.getByRole("button", { name: "Pay with a new card" }).click();
  await expect(page.getByRole("heading", { name: "Pay by card" })).toBeVisible();
  const finpayOrderId = await finpayOrderIdOf(request, page);
  const order = await sandboxOrder(request, finpayOrderId);
  const orderId = new URL(order.urls.successUrl!).pathname.split("/").pop()!;
  return { finpayOrderId, orderId };
}

export async function sandboxOrder(request: APIRequestContext, finpayOrderId: string): Promise<SandboxOrder> {
  const response = await request.get(`${SANDBOX_URL}/__sandbox/orders/${finpayOrderId}`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { order: SandboxOrder }).order;
}

/** Every order the sandbox holds for one customer email: what Finpay would have charged them. */
export async function sandboxOrdersOf(request: APIRequestContext, email: string): Promise<SandboxOrder[]> {
  const response = await request.get(`${SANDBOX_URL}/__sandbox/orders`);
  const { orders } = (await response.json()) as { orders: SandboxOrder[] };
  return orders.filter((order) => order.customer.email === email);
}

/** The initiate requests the sandbox received for one of our attempts (bodies as sent, card data redacted). */
export async function initiateRequestsFor(request: APIRequestContext, finpayOrderId: string) {
  const response = await request.get(`${SANDBOX_URL}/__sandbox/requests?orderId=${finpayOrderId}`);
  const { requests } = (await response.json()) as { requests: { path: string; body: unknown }[] };
  return requests.filter((r) => r.path.endsWith("/initiate"));
}

export const orderStatus = (page: Page) => page.getByTestId("order-status");

/** Signed-in customer with a paid order and a saved card; returns what other tests try to reach. */
export async function customerWithSavedCard(page: Page, request: APIRequestContext, slug = "teh-melati-premium") {
  const email = await newCustomer(page, "pemilik");
  await addToCart(page, slug);
  const { finpayOrderId, orderId } = await openHostedPage(page, request, { save: true });
  await payOnHostedPage(page, APPROVED_CARD);
  await expect(orderStatus(page)).toHaveText("Paid");
  await page.goto("/account/cards");
  await expect(page.getByTestId("saved-card")).toHaveCount(1);
  const cardId = await page.locator('input[name="cardId"]').inputValue();
  const order = await sandboxOrder(request, finpayOrderId);
  return { email, paidOrderId: orderId, finpayOrderId, cardId, cardToken: order.storedCardToken! };
}
