import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { signUp, uniqueEmail } from "../../support/accounts";
import { addAddress } from "../../support/addresses";
import { CARDS } from "@/test-support/cards";
import { HostedCardPage } from "../../support/pages/hosted-card-page";
import { ShopPage } from "../../support/pages/shop-page";
import { payOnHostedPage, SandboxControl, sandboxOrder } from "../../support/sandbox";

export { initiateRequestsFor, sandboxOrder, sandboxOrdersOf, type SandboxOrder } from "../../support/sandbox";

/** Customer journeys the hardening specs build on: each starts from a fresh account, so specs never share state. */

export const APP_URL = `http://localhost:${process.env.E2E_APP_PORT ?? 3100}`;

export const APPROVED_CARD = CARDS.approvedMastercard;
export const DECLINED_CARD = CARDS.declined;

/**
 * A new account with a delivery address, signed in on `page`. Fresh emails keep the sign-in throttle of one test
 * away from the others.
 */
export async function newCustomer(page: Page, prefix = "keras"): Promise<string> {
  const email = uniqueEmail(prefix);
  await signUp(page, email);
  await addAddress(page);
  return email;
}

export async function addToCart(page: Page, slug: string, quantity = 1) {
  await new ShopPage(page).addToCart(slug, quantity);
}

/** From the checkout page to Finpay's (the sandbox's) card page; returns both order ids. */
export async function openHostedPage(page: Page, request: APIRequestContext, options: { save?: boolean } = {}) {
  await new ShopPage(page).gotoCheckout();
  await new ShopPage(page).payWithNewCard(options);
  return new HostedCardPage(page, new SandboxControl(request)).orderIds();
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
