import { expect, test, type Page } from "@playwright/test";
import { signUp, uniqueEmail } from "./support/accounts";
import { clearFaults, control, finpayOrderIdOf, payOnHostedPage } from "./support/sandbox";

const APPROVED_MASTERCARD = "5123450000000008";
const DECLINED = "4000000000000002";

test.beforeEach(async ({ request }) => clearFaults(request));

async function customerWithCart(page: Page, slug = "kopi-gayo-arabika") {
  await signUp(page, uniqueEmail("bayar"));
  await page.goto(`/products/${slug}`);
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByTestId("cart-count")).toHaveText("1");
  await page.goto("/checkout");
  await expect(page.getByRole("heading", { name: "Checkout" })).toBeVisible();
}

async function addAndCheckout(page: Page, slug: string) {
  await page.goto(`/products/${slug}`);
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByRole("status")).toContainText("Added to cart");
  await page.goto("/checkout");
}

const orderStatus = (page: Page) => page.getByTestId("order-status");

test("basic card payment: paid, the order page says so and the cart is emptied", async ({ page }) => {
  await customerWithCart(page);
  await expect(page.getByTestId("checkout-total")).toHaveText("Rp 95.000");
  await page.getByRole("button", { name: "Pay with a new card" }).click();
  await expect(page.getByText("Rp 95.000", { exact: true }).first()).toBeVisible();
  await payOnHostedPage(page, APPROVED_MASTERCARD);
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  await expect(orderStatus(page)).toHaveText("Paid");
  await expect(page.getByTestId("cart-count")).toHaveText("0");

  // The inspector shows the request with Authorization removed, and the signed callback.
  await page.getByText("Payment inspector").click();
  const inspector = page.getByTestId("payment-inspector");
  await expect(inspector.getByText("Callback received").first()).toBeVisible();
  await expect(inspector.getByText("valid", { exact: true }).first()).toBeVisible();
  await expect(inspector).not.toContainText("Authorization:");

  await page.goto("/account/orders");
  await expect(page.getByTestId("order-row").first()).toContainText("Paid");
});

test("save a card on a basic payment, then pay two-click with it (CVV only)", async ({ page }) => {
  await customerWithCart(page, "teh-melati-premium");
  await page.getByLabel("Save this card for next time").check();
  await page.getByRole("button", { name: "Pay with a new card" }).click();
  await payOnHostedPage(page, APPROVED_MASTERCARD);
  await expect(orderStatus(page)).toHaveText("Paid");

  await page.goto("/account/cards");
  await expect(page.getByTestId("saved-card")).toHaveCount(1);
  await expect(page.getByTestId("saved-card")).toContainText("Mastercard •••• 0008");
  const html = await page.content();
  expect(html).not.toMatch(/[0-9a-f]{64}/); // no card token reaches the browser

  await addAndCheckout(page, "sambal-bawang");
  await page.getByRole("button", { name: "Pay with Mastercard •••• 0008" }).click();
  await expect(page.getByRole("heading", { name: "Pay with your saved card" })).toBeVisible();
  await expect(page.getByLabel("Card number")).toHaveCount(0);
  await page.getByLabel("CVV").fill("321");
  await page.getByRole("button", { name: /^Pay Rp/ }).click();
  await expect(orderStatus(page)).toHaveText("Paid");
  await page.goto("/account/cards");
  await expect(page.getByTestId("saved-card")).toContainText("last used");
});

test("a declined card fails the order; paying again with another card succeeds", async ({ page }) => {
  await customerWithCart(page, "lampu-bambu");
  await page.getByRole("button", { name: "Pay with a new card" }).click();
  await payOnHostedPage(page, DECLINED);
  await expect(orderStatus(page)).toHaveText("Payment failed");
  await expect(page.getByRole("alert").filter({ hasText: /honour|declined/i })).toBeVisible();
  await expect(page.getByTestId("cart-count")).toHaveText("1"); // the cart is kept until the order is paid

  await page.getByRole("button", { name: "Pay with a new card" }).click();
  await payOnHostedPage(page, APPROVED_MASTERCARD);
  await expect(orderStatus(page)).toHaveText("Paid");
  await expect(page.getByTestId("cart-count")).toHaveText("0");
});

test("an expired payment link expires the order", async ({ page, request }) => {
  await customerWithCart(page, "gula-aren-organik");
  await page.getByRole("button", { name: "Pay with a new card" }).click();
  await expect(page.getByRole("heading", { name: "Pay by card" })).toBeVisible();
  const finpayOrderId = await finpayOrderIdOf(request, page);
  await control(request, `/orders/${finpayOrderId}/expire`);
  await page.reload();
  await expect(page.getByRole("heading", { name: /expired/i })).toBeVisible();
  await page.getByRole("link", { name: "Back to merchant" }).click();
  await expect(orderStatus(page)).toHaveText("Payment link expired");
  await expect(page.getByRole("heading", { name: "Pay again" })).toBeVisible();
});

test("cancel a pending payment from the order page", async ({ page, request }) => {
  await customerWithCart(page, "sabun-sereh-wangi");
  await page.getByRole("button", { name: "Pay with a new card" }).click();
  await expect(page.getByRole("heading", { name: "Pay by card" })).toBeVisible();
  const finpayOrderId = await finpayOrderIdOf(request, page);
  await page.getByRole("link", { name: "Back to merchant" }).click();
  await expect(orderStatus(page)).toHaveText("Awaiting payment");
  await expect(page.getByTestId("link-countdown")).toHaveText(/^00:(59|58):\d\d$/);
  await page.getByRole("button", { name: "Cancel payment" }).click();
  await expect(orderStatus(page)).toHaveText("Cancelled");
  const sandboxOrder = await (await request.get(`http://localhost:${process.env.E2E_SANDBOX_PORT ?? 4011}/__sandbox/orders/${finpayOrderId}`)).json();
  expect(sandboxOrder.order.status).toBe("CANCELLED");
});

test("closing the hosted page and coming back later shows the right status, live", async ({ page, request }) => {
  await customerWithCart(page, "cokelat-bali-70");
  await page.getByRole("button", { name: "Pay with a new card" }).click();
  await expect(page.getByRole("heading", { name: "Pay by card" })).toBeVisible();
  const finpayOrderId = await finpayOrderIdOf(request, page);
  await page.getByRole("link", { name: "Back to merchant" }).click();
  await expect(orderStatus(page)).toHaveText("Awaiting payment");

  // Paid elsewhere while this page stays open: it updates by itself, without a reload.
  await control(request, `/orders/${finpayOrderId}/pay`, { card: APPROVED_MASTERCARD });
  await expect(orderStatus(page)).toHaveText("Paid", { timeout: 15_000 });
});

test("a lost callback is settled by Check status", async ({ page, request }) => {
  await customerWithCart(page, "kerupuk-udang-sidoarjo");
  await page.getByRole("button", { name: "Pay with a new card" }).click();
  await expect(page.getByRole("heading", { name: "Pay by card" })).toBeVisible();
  const finpayOrderId = await finpayOrderIdOf(request, page);
  await page.goto("/account/orders");
  await control(request, "/faults", { callbacks: { mode: "drop", count: 1 } });
  await control(request, `/orders/${finpayOrderId}/pay`, { card: APPROVED_MASTERCARD });

  await page.getByTestId("order-row").first().click();
  await expect(orderStatus(page)).toHaveText("Awaiting payment");
  await page.getByRole("button", { name: "Check status" }).first().click();
  await expect(orderStatus(page)).toHaveText("Paid");
});
