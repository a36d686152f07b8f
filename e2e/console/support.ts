import { expect, type Browser, type Page } from "@playwright/test";
import { signIn } from "../support/accounts";
import type { HostedCardPage } from "../support/pages/hosted-card-page";
import type { ShopPage } from "../support/pages/shop-page";
import { CARDS } from "../support/fixtures";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";

export const MERCHANT = { email: "merchant@example.com", password: "merchant-pass-123" };

/**
 * The seeded demo merchant, signed in in a browser context of its own (the customer keeps the test's page). The
 * sign-in runs in English whatever the test's locale (its selectors are English); `merchantPageIn` then opens the
 * console in another language with the same session.
 *
 * Signing in sets the language cookie from the account's profile when it has one (the seeded merchant's has none).
 * The console specs let the browser's Accept-Language choose, so any such cookie is dropped once the session exists.
 */
export async function merchantPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  await page.goto("/sign-in?callbackUrl=/console");
  await signIn(page, MERCHANT.email, MERCHANT.password);
  // The sign-in page's own address ends in "/console" too: wait for the console itself (in either language).
  await expect(page.getByRole("heading", { level: 1, name: /^(Overview|Ringkasan)$/ })).toBeVisible();
  await context.clearCookies({ name: LOCALE_COOKIE });
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe("/console");
  return page;
}

/** The signed-in customer buys one product and pays by card; returns the shop's order id. */
export async function paidOrder(page: Page, shop: ShopPage, hostedPage: HostedCardPage, slug = "kopi-gayo-arabika"): Promise<string> {
  await shop.addToCart(slug);
  await shop.gotoCheckout();
  await shop.payWithNewCard();
  await hostedPage.pay(CARDS.approvedMastercard);
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("order-status")).toHaveText("Paid");
  return new URL(page.url()).pathname.split("/").pop()!;
}

/** The merchant's list, searched for a customer's email; opens the one order found with that number. */
export async function findOrderByEmail(page: Page, email: string, orderId: string) {
  await page.goto("/console/orders");
  await page.getByLabel("Search").fill(email);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByText("Searching by customer email.")).toBeVisible();
  const rows = page.getByTestId("console-order-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(email);
  await rows.first().getByRole("link", { name: orderId.replace(/-/g, "").slice(0, 8).toUpperCase() }).click();
  await expect(page).toHaveURL(new RegExp(`/console/orders/${orderId}$`));
}

/** The signed-in merchant's session in a new context whose browser asks for `locale` (Accept-Language). */
export async function merchantPageIn(browser: Browser, locale: string): Promise<Page> {
  const english = await merchantPage(browser);
  const storageState = await english.context().storageState(); // without the language cookie: see merchantPage
  await english.context().close();
  const context = await browser.newContext({ locale, storageState });
  return context.newPage();
}
