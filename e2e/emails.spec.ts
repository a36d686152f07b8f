import { signOut } from "./support/accounts";
import { CARDS, expect, test, withNewCustomer } from "./support/fixtures";
import type { HostedCardPage } from "./support/pages/hosted-card-page";
import type { ShopPage } from "./support/pages/shop-page";
import { emailsTo, startSmtp, stopSmtp, waitForEmails } from "./support/mail";
import { CALLBACK_URL, postCallback, settleWithoutCallback } from "./hardening/support/callbacks";

/**
 * Emails and background jobs end to end: the production build, the sandbox over HTTP, a real MailDev read through
 * its REST API, and the job worker (two worker processes on PostgreSQL; the app itself on embedded PGlite).
 */
withNewCustomer();
// Each test waits on the job worker (polling every 2 s, retrying with backoff) on top of a whole purchase.
test.describe.configure({ timeout: 120_000 });

/** From the cart to Finpay's card page for one product; returns both order ids. */
async function toHostedPage({ shop, hostedPage }: { shop: ShopPage; hostedPage: HostedCardPage }, slug = "kopi-gayo-arabika") {
  await shop.addToCart(slug);
  await shop.gotoCheckout();
  await shop.payWithNewCard();
  return hostedPage.orderIds();
}

const orderNumber = (orderId: string) => orderId.replace(/-/g, "").slice(0, 8).toUpperCase();

test("a paid order's confirmation arrives once, in the language the customer signed up in (English), after 50 copies of the paid callback", async ({ page, shop, hostedPage, customer, request }) => {
  const { finpayOrderId, orderId } = await toHostedPage({ shop, hostedPage });
  const callback = await settleWithoutCallback(request, finpayOrderId);
  const answers = await Promise.all(Array.from({ length: 50 }, () => postCallback(request, callback, "application/json", CALLBACK_URL)));
  // 200, or 503 when one of the 50 check-status calls the handler makes outlasts FINPAY_TIMEOUT_MS (3 s in e2e) on
  // a busy machine: Finpay then retries that delivery. Never anything else.
  const statuses = answers.map((answer) => answer.status());
  expect(statuses.filter((status) => status !== 200 && status !== 503)).toEqual([]);
  expect(statuses).toContain(200);

  const [email] = await waitForEmails(request, customer.email);
  expect(email!.subject).toBe(`Order ${orderNumber(orderId)} is paid. Thank you!`);
  expect(email!.text).toContain("Gayo Arabica Coffee 250 g");
  expect(email!.text).toContain(`/orders/${orderId}`);
  // However long the workers keep polling, nothing more comes.
  await page.waitForTimeout(5_000);
  expect(await emailsTo(request, customer.email)).toHaveLength(1);
});

test("a payment whose callback was dropped is settled by the worker without anyone opening a page", async ({ page, shop, hostedPage, customer, sandbox, request }) => {
  const { finpayOrderId, orderId } = await toHostedPage({ shop, hostedPage }, "sambal-bawang");
  await sandbox.setFaults({ callbacks: { mode: "drop", count: 1 } });
  await sandbox.pay(finpayOrderId); // paid at Finpay, e.g. on another device; the callback never arrives
  await page.goto("about:blank"); // and nobody looks at the shop
  // RECONCILE_AFTER_SECONDS is 15 in e2e: the link's follow-up job checks Finpay then, and the order is paid.
  const [email] = await waitForEmails(request, customer.email, 1, 45_000);
  expect(email!.subject).toContain(orderNumber(orderId));
  expect((await sandbox.callbacks(finpayOrderId)).map((c) => c.state)).toEqual(["dropped"]);
});

test("with the mail server down the order is paid as usual, and the confirmation arrives once it is back", async ({ page, shop, hostedPage, customer, orderPage, request }) => {
  await toHostedPage({ shop, hostedPage }, "teh-melati-premium");
  await stopSmtp(request);
  try {
    await hostedPage.pay(CARDS.approvedMastercard);
    await orderPage.expectStatus("Paid");
    await page.waitForTimeout(3_000); // the first try has failed by now
  } finally {
    await startSmtp(request);
  }
  const emails = await waitForEmails(request, customer.email, 1, 45_000);
  expect(emails).toHaveLength(1);
});

test("a reset link sets a new password, signs out the other browser, and is refused the second time", async ({ page, browser, customer, request }) => {
  const elsewhere = await browser.newContext();
  const other = await elsewhere.newPage();
  await other.goto("/sign-in");
  await other.getByLabel("Email").fill(customer.email);
  await other.getByLabel("Password").fill(customer.password);
  await other.getByRole("button", { name: "Sign in" }).click();
  await expect(other).toHaveURL(/\/account$/);

  await page.goto("/"); // the account page also has "Sign out everywhere"
  await signOut(page);
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  // Fill the reset form, not the sign-in form still on screen while the client-side navigation finishes.
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await page.getByLabel("Email").fill(customer.email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("status")).toContainText("If an account uses that email");

  const [email] = await waitForEmails(request, customer.email);
  expect(email!.subject).toBe("Reset your Toko Nusantara password");
  const link = /https?:\/\/\S+\/reset-password\/[A-Za-z0-9_-]{43}/.exec(email!.text)?.[0];
  expect(link).toBeDefined();

  await page.goto(link!);
  await page.getByLabel("New password", { exact: true }).fill("sandi-baru-2026");
  await page.getByLabel("Confirm new password").fill("sandi-baru-2026");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByRole("status")).toContainText("Your password has been changed");
  await page.getByLabel("Email").fill(customer.email);
  await page.getByLabel("Password").fill("sandi-baru-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account$/);

  await other.goto("/account");
  await expect(other).toHaveURL(/\/sign-in/);
  await elsewhere.close();

  await page.goto(link!);
  await expect(page.getByRole("alert").filter({ hasText: "expired, was already used" })).toBeVisible();
});
