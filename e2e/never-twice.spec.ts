import { CARDS, expect, test, withNewCustomer } from "./support/fixtures";
import { HostedCardPage } from "./support/pages/hosted-card-page";
import { OrderPage } from "./support/pages/order-page";
import { ShopPage } from "./support/pages/shop-page";

/**
 * The three ways an adversarial trial charged one customer twice, walked as a hurried shopper would: the Back
 * button on Finpay's page, two tabs on one cart, and a stale "Pay again" while Finpay's callback is slow. What
 * Finpay charged is read from the sandbox itself.
 */
withNewCustomer();

test("Back from Finpay's page, then checkout again: the same payment continues, charged once", async ({ page, shop, hostedPage, orderPage, sandbox, customer }) => {
  await shop.addToCart("kopi-gayo-arabika");
  await shop.gotoCheckout();
  await shop.payWithNewCard();
  const first = await hostedPage.orderIds();

  await page.goBack();
  await expect(page.getByRole("heading", { name: "Checkout" })).toBeVisible();
  await expect(page.getByTestId("open-payment")).toContainText("A payment for this cart is already open");
  await expect(page.getByRole("button", { name: "Pay with a new card" })).toHaveCount(0);
  await page.getByRole("link", { name: "Continue payment" }).click();
  expect(await hostedPage.orderIds()).toEqual(first);

  await hostedPage.pay(CARDS.approvedMastercard);
  await orderPage.expectStatus("Paid");
  const charged = await sandbox.ordersOf(customer.email);
  expect(charged.map((o) => [o.id, o.status])).toEqual([[first.finpayOrderId, "CAPTURED"]]);
});

test("two tabs, one cart: the second tab's Pay goes to the first tab's payment, charged once", async ({ context, page, shop, hostedPage, orderPage, sandbox, customer }) => {
  await shop.addToCart("teh-melati-premium");
  const tab2 = await context.newPage();
  const shop2 = new ShopPage(tab2);
  await shop.gotoCheckout();
  await shop2.gotoCheckout(); // both tabs show the payment form, before either has paid

  await shop.payWithNewCard();
  const first = await hostedPage.orderIds();
  await shop2.payWithNewCard(); // the stale form of tab 2
  const hosted2 = new HostedCardPage(tab2, sandbox);
  expect(await hosted2.orderIds()).toEqual(first);

  await hosted2.pay(CARDS.approvedMastercard);
  await new OrderPage(tab2).expectStatus("Paid");
  // Tab 1 is still on the card page of the same payment: Finpay will not take it again.
  await hostedPage.fillCard(CARDS.approvedMastercard);
  await hostedPage.payButton.click();
  await expect(page.getByRole("heading", { name: "Payment already completed" })).toBeVisible();
  const charged = await sandbox.ordersOf(customer.email);
  expect(charged.map((o) => [o.id, o.status])).toEqual([[first.finpayOrderId, "CAPTURED"]]);
  await orderPage.goto(first.orderId);
  await orderPage.expectStatus("Paid");
});

test("a stale 'Pay again' while the callback is 30 s late starts no second payment", async ({ context, page, shop, hostedPage, orderPage, sandbox, customer }) => {
  await shop.addToCart("lampu-bambu");
  await shop.gotoCheckout();
  await shop.payWithNewCard();
  const declined = await hostedPage.orderIds();
  await hostedPage.pay(CARDS.declined);
  await orderPage.expectStatus("Payment failed");

  // The same order page open in a second tab, still offering "Pay again".
  const tab2 = await context.newPage();
  const order2 = new OrderPage(tab2);
  await order2.goto(declined.orderId);
  await order2.expectStatus("Payment failed");

  await sandbox.setFaults({ callbacks: { mode: "delay", delayMs: 30_000 } });
  await orderPage.payAgainWithNewCard();
  const paid = await hostedPage.orderIds();
  await hostedPage.pay(CARDS.approvedMastercard);
  await expect(page).toHaveURL(new RegExp(`/orders/${declined.orderId}$`));

  // Tab 2 presses "Pay with a new card" on its stale page: Finpay has captured, so nothing new may start.
  await order2.payAgainWithNewCard();
  await order2.expectStatus("Paid");
  await expect(tab2.getByTestId("order-notice")).toContainText("no new payment was started");
  await expect(tab2).toHaveURL(new RegExp(`/orders/${declined.orderId}(\\?|$)`));
  await expect(tab2.getByRole("button", { name: "Pay with a new card" })).toHaveCount(0);

  const atFinpay = await sandbox.ordersOf(customer.email);
  expect(atFinpay.map((o) => [o.id, o.status]).sort()).toEqual(
    [
      [declined.finpayOrderId, "FAILURE"],
      [paid.finpayOrderId, "CAPTURED"],
    ].sort(),
  );
});

test("a changed cart in another tab cancels the open payment link first; the old link can no longer be paid", async ({ context, page, shop, hostedPage, sandbox, customer }) => {
  await shop.addToCart("kemeja-batik-tulis");
  await shop.gotoCheckout();
  await shop.payWithNewCard();
  const first = await hostedPage.orderIds();

  const tab2 = await context.newPage();
  const shop2 = new ShopPage(tab2);
  await shop2.addToCart("sambal-bawang");
  await shop2.gotoCheckout();
  await expect(tab2.getByTestId("open-payment")).toContainText("has different items");
  await shop2.payWithNewCard();
  const second = await new HostedCardPage(tab2, sandbox).orderIds();
  expect(second.orderId).not.toBe(first.orderId);

  await hostedPage.fillCard(CARDS.approvedMastercard);
  await hostedPage.payButton.click();
  await expect(page.getByRole("heading", { name: "Payment cancelled" })).toBeVisible();
  expect((await sandbox.order(first.finpayOrderId)).status).toBe("CANCELLED");

  await page.goto(`/orders/${first.orderId}`);
  await expect(page.getByTestId("order-closed")).toBeVisible();
  await expect(page.getByRole("button", { name: "Pay with a new card" })).toHaveCount(0);
  expect((await sandbox.ordersOf(customer.email)).filter((o) => o.status === "CAPTURED")).toHaveLength(0);
});

test("cancel and start over from the checkout page", async ({ page, shop, hostedPage, sandbox }) => {
  await shop.addToCart("kopi-gayo-arabika");
  await shop.gotoCheckout();
  await shop.payWithNewCard();
  const first = await hostedPage.orderIds();
  await shop.gotoCheckout();
  await page.getByRole("button", { name: "Cancel and start over" }).click();
  await expect(page.getByRole("button", { name: "Pay with a new card" })).toBeVisible();
  await expect(page.getByTestId("open-payment")).toHaveCount(0);
  expect((await sandbox.order(first.finpayOrderId)).status).toBe("CANCELLED");
  await shop.payWithNewCard();
  const second = await hostedPage.orderIds();
  expect(second.orderId).not.toBe(first.orderId);
});

test("'Cancel payment' on a payment Finpay had already captured says it is paid, not cancelled", async ({ page, shop, hostedPage, orderPage, sandbox }) => {
  await shop.addToCart("kopi-gayo-arabika");
  await shop.gotoCheckout();
  await shop.payWithNewCard();
  const { finpayOrderId, orderId } = await hostedPage.orderIds();
  await sandbox.setFaults({ callbacks: { mode: "drop" } });
  await sandbox.pay(finpayOrderId);
  await orderPage.goto(orderId);
  await orderPage.expectStatus("Awaiting payment");
  await orderPage.cancelPayment();
  await expect(page.getByText("Finpay had already received this payment")).toBeVisible();
  await orderPage.expectStatus("Paid");
});
