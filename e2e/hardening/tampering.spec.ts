import type { Page } from "@playwright/test";
import { expect, test } from "../support/fixtures";
import { phpJsonEncode, withSignature } from "@/lib/finpay";
import { SANDBOX_URL, control } from "../support/sandbox";
import { actionResult, callAction } from "./support/actions";
import { MERCHANT_KEY, postCallback } from "./support/callbacks";
import { APP_URL, addToCart, initiateRequestsFor, newCustomer, openHostedPage, orderStatus, sandboxOrder } from "./support/shop";

/** What the browser posts is only a request: prices, amounts, quantities, product ids and origins are checked again. */

// Sandbox faults are cleared before and after every test by the automatic `sandbox` fixture (e2e/support/fixtures.ts).

/** Appends hidden inputs to the form that holds `within`, as a tampering user would in the developer tools. */
async function addHiddenFields(page: Page, within: string, fields: Record<string, string>) {
  await page.locator(within).first().evaluate((element, extra) => {
    const form = element.closest("form")!;
    for (const [name, value] of Object.entries(extra)) {
      const input = document.createElement("input");
      input.type = "hidden";
      input.name = name;
      input.value = value;
      form.append(input);
    }
  }, fields);
}

test("forged prices and amounts are ignored: Finpay is asked for the database price", async ({ page, request }) => {
  await newCustomer(page, "harga");
  await page.goto("/products/kopi-gayo-arabika");
  await addHiddenFields(page, "#quantity", { price: "1", priceIdr: "1", unitPriceIdr: "1", amount: "1", totalIdr: "1" });
  await page.getByLabel("Quantity", { exact: true }).fill("2");
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByRole("status")).toContainText("Your cart now holds 2 items");
  await page.goto("/cart");
  await expect(page.getByTestId("cart-total")).toHaveText("Rp 190.000");

  await page.goto("/checkout");
  await addHiddenFields(page, 'input[name="idempotencyKey"]', { amount: "1000", totalIdr: "1000", price: "1", "order.amount": "1000", quantity: "1", shippingIdr: "0", shippingCost: "0", costIdr: "0" });
  await page.getByRole("button", { name: "Pay with a new card" }).click();
  await expect(page.getByRole("heading", { name: "Pay by card" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Pay Rp 200.000" })).toBeVisible(); // with J&T EZ to Bandung, 1 kg

  const orders = await (await request.get(`${SANDBOX_URL}/__sandbox/orders`)).json();
  const mine = (orders.orders as { id: string; redirecturl: string }[]).find((o) => new URL(o.redirecturl).pathname === new URL(page.url()).pathname)!;
  expect((await sandboxOrder(request, mine.id)).amount).toBe(200_000);
  const [initiate] = await initiateRequestsFor(request, mine.id);
  expect(initiate!.body).toMatchObject({
    order: {
      amount: "200000",
      item: [
        { name: "Kopi Gayo Arabika 250 g", quantity: "2", unitPrice: "95000" },
        { name: "Delivery: J&T EZ", quantity: "1", unitPrice: "10000" },
      ],
    },
  });
});

test("forged quantities and product ids are refused with a message and add nothing", async ({ page }) => {
  await newCustomer(page, "jumlah");
  await page.goto("/products/teh-melati-premium");
  const productId = page.locator('input[name="productId"]');
  const cases: [string, string, string][] = [
    ["quantity", "0", "Quantity must be a whole number from 1 to 99."],
    ["quantity", "-5", "Quantity must be a whole number from 1 to 99."],
    ["quantity", "1e1", "Quantity must be a whole number from 1 to 99."],
    ["quantity", "2.5", "Quantity must be a whole number from 1 to 99."],
    ["quantity", "100", "Quantity must be a whole number from 1 to 99."],
    ["productId", "2147483647", "That product does not exist."],
    ["productId", "0", "That product does not exist."],
    ["productId", "1 OR 1=1", "That product does not exist."],
    ["productId", "9".repeat(40), "That product does not exist."],
  ];
  for (const [field, value, message] of cases) {
    await page.reload();
    if (field === "productId") await productId.evaluate((input: HTMLInputElement, v) => (input.value = v), value);
    else await page.getByLabel("Quantity", { exact: true }).fill(value);
    await page.getByRole("button", { name: "Add to cart" }).click();
    await expect(page.getByRole("alert").filter({ hasText: message }), `${field}=${value}`).toHaveText(message);
    await expect(page.getByTestId("cart-count")).toHaveText("0");
  }

  // In the cart: a quantity typed past the limit is refused there too, and the line keeps its quantity.
  await page.reload();
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByTestId("cart-count")).toHaveText("1");
  await page.goto("/cart");
  const quantity = page.getByLabel("Quantity of Premium Jasmine Tea 100 g", { exact: true });
  await quantity.fill("500");
  await quantity.press("Enter");
  await expect(page.getByRole("alert").filter({ hasText: "Quantity" })).toHaveText("Quantity must be a whole number from 1 to 99.");
  await page.reload();
  await expect(page.getByTestId("cart-total")).toHaveText("Rp 45.000");
});

test("server actions refuse a foreign Origin: from another site's page and by hand; the same request from the shop works", async ({ page, context }) => {
  await newCustomer(page, "csrf");
  await addToCart(page, "sambal-bawang");
  await expect(page.getByTestId("cart-count")).toHaveText("1");
  const productId = await page.locator('input[name="productId"]').inputValue();

  for (const origin of ["https://evil.example", "http://localhost:9999", "null"]) {
    const response = await callAction(page.request, "addToCartAction", { fields: { productId, quantity: "5" }, origin });
    expect(response.status(), origin).toBe(403);
  }
  // A real cross-site form post: another site's page submits to the shop in this browser.
  await context.route("http://evil.example/**", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<form method="post" action="${APP_URL}/products/sambal-bawang" enctype="multipart/form-data">
               <input name="productId" value="${productId}"><input name="quantity" value="7"><button>Win a prize</button></form>`,
    }),
  );
  await page.goto("http://evil.example/prize");
  const [crossSite] = await Promise.all([page.waitForResponse(`${APP_URL}/products/sambal-bawang`), page.getByRole("button", { name: "Win a prize" }).click()]);
  expect(crossSite.status()).toBe(403);

  await page.goto("/cart");
  await expect(page.getByTestId("cart-count")).toHaveText("1");

  // The control: the identical request with the shop's own Origin is accepted, so the 403s above were the Origin.
  const own = await callAction(page.request, "addToCartAction", { fields: { productId, quantity: "5" } });
  expect(await actionResult(own)).toMatchObject({ status: "success" });
  await page.reload();
  await expect(page.getByTestId("cart-count")).toHaveText("6");
});

test("returning to successUrl without a verified callback or status check never marks the order paid", async ({ page, request }) => {
  await newCustomer(page, "kembali");
  await addToCart(page, "gula-aren-organik");
  const { finpayOrderId, orderId } = await openHostedPage(page, request);
  const successUrl = `/orders/${orderId}`;

  // Straight to the success URL, with the query a forged "success" redirect might carry.
  await page.goto(`${successUrl}?status=CAPTURED&responseCode=2000000&result=success&paid=true`);
  await expect(orderStatus(page)).toHaveText("Awaiting payment");

  // A callback signed with another key, sent by the sandbox: refused.
  const forged = await control(request, `/orders/${finpayOrderId}/callbacks/forged`, { status: "CAPTURED" });
  expect(forged.callback.attempts[0].httpStatus).toBe(401);
  // A correctly signed CAPTURED for an order Finpay has not been paid for: check-status does not confirm it.
  const unconfirmed = phpJsonEncode(
    withSignature(
      { order: { id: finpayOrderId, amount: 32_000, currency: "IDR" }, result: { payment: { amount: 32_000, status: "CAPTURED", statusDesc: null } } },
      MERCHANT_KEY,
    ),
  );
  expect((await postCallback(request, unconfirmed)).status()).toBe(200);
  await page.goto(successUrl);
  await expect(orderStatus(page)).toHaveText("Awaiting payment");

  // Paid at Finpay, but the callback is lost: coming back still shows the truth we know, not a guess.
  await control(request, "/faults", { callbacks: { mode: "drop", count: 1 } });
  await control(request, `/orders/${finpayOrderId}/pay`, {});
  await page.goto(`${successUrl}?status=CAPTURED`);
  await expect(orderStatus(page)).toHaveText("Awaiting payment");
  // Only the status check with Finpay settles it.
  await page.getByRole("button", { name: "Check status" }).first().click();
  await expect(orderStatus(page)).toHaveText("Paid");
  await page.getByText("Payment inspector").click();
  await expect(page.getByTestId("payment-inspector").getByText("Status check").first()).toBeVisible();
});
