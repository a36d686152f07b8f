import { CARDS, expect, test, withNewCustomer } from "./support/fixtures";
import type { HostedCardPage } from "./support/pages/hosted-card-page";
import type { ShopPage } from "./support/pages/shop-page";

withNewCustomer();

/** One product in the cart, then the checkout page. */
async function cartAtCheckout(shop: ShopPage, slug = "kopi-gayo-arabika") {
  await shop.openProduct(slug);
  await shop.addThisProduct();
  await expect(shop.cartCount).toHaveText("1");
  await shop.gotoCheckout();
}

/** From the checkout to the hosted card page, then back to the shop without paying; returns the Finpay order id. */
async function leaveHostedPageUnpaid(shop: ShopPage, hostedPage: HostedCardPage) {
  await shop.payWithNewCard();
  await hostedPage.expectCardForm();
  const finpayOrderId = await hostedPage.finpayOrderId();
  await hostedPage.backToMerchant();
  return finpayOrderId;
}

test("basic card payment: paid, the order page says so and the cart is emptied", async ({ page, shop, hostedPage, orderPage }) => {
  await cartAtCheckout(shop);
  await expect(shop.checkoutTotal).toHaveText("Rp 105.000"); // 95.000 + J&T EZ to Bandung, 1 kg
  await shop.payWithNewCard();
  await expect(page.getByText("Rp 105.000", { exact: true }).first()).toBeVisible();
  await hostedPage.pay(CARDS.approvedMastercard);
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  await orderPage.expectStatus("Paid");
  await expect(page.getByTestId("paid-notice")).toContainText("with Mastercard •••• 0008.");
  await expect(page.getByRole("button", { name: "Check status" })).toHaveCount(0); // settled: nothing left to check
  await expect(shop.cartCount).toHaveText("0");

  // The inspector shows the request with Authorization removed, and the signed callback.
  await orderPage.openInspector();
  await expect(orderPage.inspector.getByText("Callback received").first()).toBeVisible();
  await expect(orderPage.inspector.getByText("valid", { exact: true }).first()).toBeVisible();
  await expect(orderPage.inspector).not.toContainText("Authorization:");

  await page.goto("/account/orders");
  await expect(page.getByTestId("order-row").first()).toContainText("Paid");
});

test("save a card on a basic payment, then pay two-click with it (CVV only)", async ({ page, shop, hostedPage, orderPage }) => {
  await cartAtCheckout(shop, "teh-melati-premium");
  await shop.payWithNewCard({ save: true });
  await hostedPage.pay(CARDS.approvedMastercard);
  await orderPage.expectStatus("Paid");

  await page.goto("/account/cards");
  await expect(page.getByTestId("saved-card")).toHaveCount(1);
  await expect(page.getByTestId("saved-card")).toContainText("Mastercard •••• 0008");
  const html = await page.content();
  expect(html).not.toMatch(/[0-9a-f]{64}/); // no card token reaches the browser

  await shop.addToCart("sambal-bawang");
  await shop.gotoCheckout();
  await shop.payWithSavedCard("Mastercard •••• 0008");
  await expect(hostedPage.savedCardHeading).toBeVisible();
  await expect(hostedPage.cardNumber).toHaveCount(0);
  await hostedPage.payWithCvv("321");
  await orderPage.expectStatus("Paid");
  await page.goto("/account/cards");
  await expect(page.getByTestId("saved-card")).toContainText("last used");
});

test("a declined card fails the order; paying again with another card succeeds", async ({ page, shop, hostedPage, orderPage }) => {
  await cartAtCheckout(shop, "lampu-bambu");
  await shop.payWithNewCard();
  await hostedPage.pay(CARDS.declined);
  await orderPage.expectStatus("Payment failed");
  // In plain words, not the issuer's "Do not honour".
  await expect(page.getByRole("alert").filter({ hasText: "Your bank declined the payment. You have not been charged; try another card or contact your bank." })).toBeVisible();
  await expect(page.locator("main")).not.toContainText(/honou?r/i, { useInnerText: true }); // the closed inspector keeps Finpay's words
  await expect(shop.cartCount).toHaveText("1"); // the cart is kept until the order is paid

  await orderPage.payAgainWithNewCard();
  await hostedPage.pay(CARDS.approvedMastercard);
  await orderPage.expectStatus("Paid");
  await expect(shop.cartCount).toHaveText("0");
});

test("an expired payment link expires the order", async ({ page, shop, hostedPage, orderPage, sandbox }) => {
  await cartAtCheckout(shop, "gula-aren-organik");
  await shop.payWithNewCard();
  await hostedPage.expectCardForm();
  await sandbox.expire(await hostedPage.finpayOrderId());
  await page.reload();
  await expect(page.getByRole("heading", { name: /expired/i })).toBeVisible();
  await hostedPage.backToMerchant();
  await orderPage.expectStatus("Payment link expired");
  await expect(page.getByRole("heading", { name: "Pay again" })).toBeVisible();
});

test("cancel a pending payment from the order page", async ({ page, shop, hostedPage, orderPage, sandbox }) => {
  await cartAtCheckout(shop, "sabun-sereh-wangi");
  const finpayOrderId = await leaveHostedPageUnpaid(shop, hostedPage);
  await orderPage.expectStatus("Awaiting payment");
  await expect(orderPage.countdown).toHaveText(/^00:(59|58):\d\d$/);
  // The lifetime the page states is the timeout sent to Finpay (60 minutes).
  await expect(page.getByTestId("link-lifetime")).toHaveText("Finpay keeps a payment link open for 60 minutes.");
  await orderPage.cancelPayment();
  await orderPage.expectStatus("Cancelled");
  expect((await sandbox.order(finpayOrderId)).status).toBe("CANCELLED");
});

test("closing the hosted page and coming back later shows the right status, live", async ({ shop, hostedPage, orderPage, sandbox }) => {
  await cartAtCheckout(shop, "cokelat-bali-70");
  const finpayOrderId = await leaveHostedPageUnpaid(shop, hostedPage);
  await orderPage.expectStatus("Awaiting payment");

  // Paid elsewhere while this page stays open: it updates by itself, without a reload.
  await sandbox.pay(finpayOrderId, { card: CARDS.approvedMastercard });
  await orderPage.expectStatus("Paid", { timeout: 15_000 });
});

test("a lost callback is settled by Check status", async ({ page, shop, hostedPage, orderPage, sandbox }) => {
  await cartAtCheckout(shop, "kerupuk-udang-sidoarjo");
  await shop.payWithNewCard();
  await hostedPage.expectCardForm();
  const finpayOrderId = await hostedPage.finpayOrderId();
  await page.goto("/account/orders");
  await sandbox.setFaults({ callbacks: { mode: "drop", count: 1 } });
  await sandbox.pay(finpayOrderId, { card: CARDS.approvedMastercard });

  await page.getByTestId("order-row").first().click();
  await orderPage.expectStatus("Awaiting payment");
  await orderPage.checkStatus();
  await orderPage.expectStatus("Paid");
});
