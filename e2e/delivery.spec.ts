import { actionRedirect, actionResult, callAction } from "./hardening/support/actions";
import { signUp, uniqueEmail } from "./support/accounts";
import { addAddress, fillAddressForm } from "./support/addresses";
import { CARDS, expect, test } from "./support/fixtures";
import { initiateRequestsFor, sandboxOrdersOf } from "./support/sandbox";

/**
 * Delivery end to end: the address book, delivery at checkout, and what Finpay (the sandbox) receives. Each test
 * signs up its own customer, who has no address yet.
 */

type Initiate = {
  order: { amount: string; item: { name: string; quantity: string; unitPrice: string }[] };
  shipping?: { method: string; contact: Record<string, string>; address: Record<string, string> };
  billing?: { address: Record<string, string> };
  device?: { browser?: string; ipAddress?: string };
};

const SURABAYA = {
  recipientName: "Budi Santoso",
  mobilePhone: "0813 2222 3333",
  street: "Jl. Tunjungan No. 65",
  district: "Genteng, Genteng",
  city: "Kota Surabaya",
  province: "Jawa Timur",
  postalCode: "60275",
  notes: "Pagar hijau",
};

test.beforeEach(async ({ page }) => {
  await signUp(page, uniqueEmail("kirim"));
});

test("a purchase adds an address at checkout, picks a delivery option, pays, and the paid order shows where and for how much", async ({ page, shop, hostedPage, orderPage, sandbox }) => {
  test.slow(); // the whole journey, from an empty address book to the inspector
  await shop.addToCart("kopi-gayo-arabika", 2); // Rp 190.000, 600 g
  await shop.gotoCheckout();
  await expect(page.getByText("Add a delivery address to pay.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Pay with a new card" })).toHaveCount(0);

  // A wrong form names every wrong field at once and keeps what was typed.
  await fillAddressForm(page, { ...SURABAYA, street: "", postalCode: "6027", mobilePhone: "12345" });
  await page.getByRole("button", { name: "Save and deliver here" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Please correct the marked fields." })).toBeVisible();
  await expect(page.getByText("Street and number is required.")).toBeVisible();
  await expect(page.getByText("Postal code must be 5 digits, e.g. 40115.")).toBeVisible();
  await expect(page.getByText(/Enter an Indonesian mobile number/).first()).toBeVisible();
  await expect(page.getByLabel("Recipient name")).toHaveValue("Budi Santoso");
  await expect(page.getByLabel("Postal code")).toHaveValue("6027");
  await page.getByLabel("Street and number").fill(SURABAYA.street);
  await page.getByLabel("Postal code").fill(SURABAYA.postalCode);
  await page.getByLabel("Recipient mobile phone").fill(SURABAYA.mobilePhone);
  await page.getByRole("button", { name: "Save and deliver here" }).click();

  // Back at checkout with the new address chosen and every option priced for Jawa, 1 kg.
  await expect(page).toHaveURL(/\/checkout\?address=/);
  await expect(page.getByRole("radio", { name: /Budi Santoso/ })).toBeChecked();
  await expect(page.getByTestId("delivery-option")).toHaveCount(4);
  await expect(page.getByRole("radio", { name: /J&T EZ/ })).toBeChecked(); // the cheapest
  await expect(shop.checkoutTotal).toHaveText("Rp 200.000");
  await page.getByRole("radio", { name: /JNE YES/ }).check();
  await expect(page).toHaveURL(/option=jne-yes/);
  await expect(page.getByTestId("shipping-cost")).toHaveText("Rp 19.000");
  await expect(shop.checkoutTotal).toHaveText("Rp 209.000");

  await shop.payWithNewCard();
  await hostedPage.expectCardForm();
  // Finpay's page shows the delivery and the items, the delivery line among them.
  await expect(page.getByTestId("sandbox-ship-to")).toContainText("Jl. Tunjungan No. 65");
  await expect(page.getByTestId("sandbox-ship-to")).toContainText("Kota Surabaya, Jawa Timur 60275");
  await expect(page.getByTestId("sandbox-items")).toContainText("Delivery: JNE YES");
  const finpayOrderId = await hostedPage.finpayOrderId();
  await hostedPage.pay(CARDS.approvedMastercard);
  await orderPage.expectStatus("Paid");
  const orderUrl = page.url();
  await expect(page.getByTestId("order-delivery")).toContainText("Jl. Tunjungan No. 65");
  await expect(page.getByTestId("order-delivery")).toContainText("JNE YES");
  await expect(page.getByTestId("shipping-cost")).toHaveText("Rp 19.000");
  await expect(page.getByTestId("items-subtotal")).toHaveText("Rp 190.000");
  await expect(page.getByTestId("order-total")).toHaveText("Rp 209.000");
  await page.goto("/account/orders");
  await expect(page.getByTestId("order-row-delivery").first()).toHaveText("JNE YES to Kota Surabaya · shipping Rp 19.000");

  // What Finpay received: shipping, billing, device, and items that add up to the amount.
  const [initiate] = await sandbox.initiateRequests(finpayOrderId);
  const body = initiate!.body as Initiate;
  expect(body.order.amount).toBe("209000");
  expect(body.order.item.reduce((sum, item) => sum + Number(item.quantity) * Number(item.unitPrice), 0)).toBe(209_000);
  const address = { street: "Jl. Tunjungan No. 65", street2: "Genteng, Genteng", city: "Kota Surabaya", stateProvince: "Jawa Timur", stateProvinceCode: "JI", postcodeZip: "60275", country: "IDN" };
  expect(body.shipping).toMatchObject({ method: "OVERNIGHT", contact: { firstName: "Budi", lastName: "Santoso", mobilePhone: "+6281322223333" }, address });
  expect(body.billing).toEqual({ address });
  expect(body.device?.browser).toBe(await page.evaluate(() => navigator.userAgent));
  if (body.device?.ipAddress !== undefined) expect(body.device.ipAddress).toMatch(/^\d{1,3}(\.\d{1,3}){3}$/);

  // The payment inspector shows the same objects.
  await page.goto(orderUrl);
  await orderPage.openInspector();
  for (const member of ['"shipping"', '"billing"', '"device"', '"Delivery: JNE YES"']) await expect(orderPage.inspector).toContainText(member);
});

test("a tampered option id is refused and an injected price changes nothing that reaches Finpay", async ({ page, request }) => {
  await addAddress(page);
  await page.goto("/products/teh-melati-premium");
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByRole("status")).toContainText("Added to cart"); // the cart is written before checkout is opened
  await page.goto("/checkout");
  const addressId = await page.locator('input[name="addressId"]').inputValue();
  const email = await page.evaluate(async () => (await (await fetch("/api/auth/session")).json()).user.email as string);

  const tampered = await callAction(page.request, "startCheckoutAction", {
    path: "/checkout",
    fields: { idempotencyKey: crypto.randomUUID(), choice: "new", addressId, optionId: "gratis-kilat" },
  });
  expect(await actionResult(tampered)).toMatchObject({ status: "error", message: "Choose a delivery option." });
  expect(await sandboxOrdersOf(request, email)).toEqual([]);

  const injected = await callAction(page.request, "startCheckoutAction", {
    path: "/checkout",
    fields: { idempotencyKey: crypto.randomUUID(), choice: "new", addressId, optionId: "jne-yes", shippingIdr: "0", costIdr: "0", price: "1", amount: "1", totalIdr: "1" },
  });
  expect(actionRedirect(injected)).toContain("/pg/payment/card/access/");
  const [order] = await sandboxOrdersOf(request, email);
  const [initiate] = await initiateRequestsFor(request, order!.id);
  // Teh Melati 45.000 + JNE YES to Bandung (150 g: 1 kg) 19.000, as the server priced it.
  expect((initiate!.body as Initiate).order).toMatchObject({
    amount: "64000",
    item: [
      { name: "Teh Melati Premium 100 g", quantity: "1", unitPrice: "45000" },
      { name: "Delivery: JNE YES", quantity: "1", unitPrice: "19000" },
    ],
  });
});

// Stock that runs out between the cart and the checkout (another customer paid first) is refused by the checkout
// itself: lib/delivery/delivery.test.ts. Here the cart refuses more than is left before checkout is reached.
test("an order that cannot be delivered is not taken: too heavy for every courier, or more than is in stock", async ({ page, shop }) => {
  await addAddress(page);
  await shop.addToCart("lampu-bambu", 21); // 31.5 kg
  await shop.gotoCheckout();
  await expect(page.getByTestId("delivery-problem")).toContainText("No courier can deliver this 31.5 kg parcel to Jawa Barat");
  await expect(page.getByRole("button", { name: "Pay with a new card" })).toHaveCount(0);
  // 91 wanted, 30 seeded: other tests in this run may have bought a lamp, so the count left is read, not assumed.
  await shop.openProduct("lampu-bambu");
  await shop.addThisProduct(70);
  await expect(page.getByRole("alert").filter({ hasText: "Bamboo Pendant Lamp" })).toContainText(/^Only ([1-9]|[12]\d|30) of Bamboo Pendant Lamp left/);
  await expect(shop.cartCount).toHaveText("21");
  await page.goto("/account/orders");
  await expect(page.getByText("You have not ordered anything yet.")).toBeVisible();
});

test("the address book: add, edit, set default, delete; the default moves on", async ({ page }) => {
  await addAddress(page);
  await addAddress(page, SURABAYA);
  await page.goto("/account/addresses");
  const rows = page.getByTestId("address");
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText("Default");
  await expect(rows.first()).toContainText("Kota Bandung");

  await page.getByRole("button", { name: /Make Budi Santoso.* the default/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "Default address changed." })).toBeVisible();
  await page.reload();
  await expect(rows.first()).toContainText("Kota Surabaya");

  await page.getByRole("link", { name: /Edit Budi Santoso/ }).click();
  await expect(page.getByRole("heading", { name: "Edit address" })).toBeVisible();
  await page.getByLabel("City / kabupaten").fill("Kota Sidoarjo");
  await page.getByLabel("Postal code").fill("61211");
  await page.getByRole("button", { name: "Save address" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The address was saved." })).toBeVisible();
  await expect(rows.first()).toContainText("Kota Sidoarjo, Jawa Timur 61211");

  await page.getByRole("button", { name: /Delete Budi Santoso/ }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Default");
  await expect(rows.first()).toContainText("Kota Bandung");
});
