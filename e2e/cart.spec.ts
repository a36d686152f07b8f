import { expect, test } from "./support/fixtures";

test("browse, add two products, change a quantity, remove one; the cart survives a reload", async ({ page, shop }) => {
  await shop.gotoCatalog();
  await expect(shop.cartCount).toHaveText("0");

  await page.getByRole("link", { name: /Gayo Arabica Coffee 250 g/ }).click();
  await expect(page.getByRole("heading", { name: "Gayo Arabica Coffee 250 g" })).toBeVisible();
  await expect(page.getByText("Rp 95.000", { exact: true })).toBeVisible();
  await shop.addThisProduct(2);
  await expect(shop.addedMessage).toContainText("Added to cart: 2 of this product. Your cart now holds 2 items.");
  await expect(shop.cartCount).toHaveText("2");

  await shop.openProduct("kemeja-batik-tulis");
  await shop.addThisProduct();
  // The message counts the whole cart, as the header does, not only the product just added.
  await expect(shop.addedMessage).toContainText("Added to cart: 1 of this product. Your cart now holds 3 items.");
  await expect(shop.cartCount).toHaveText("3");

  await shop.gotoCart();
  await expect(shop.cartLines).toHaveCount(2);
  await expect(shop.cartTotal).toHaveText("Rp 640.000"); // 2 x 95.000 + 450.000

  await page.getByRole("button", { name: "Increase quantity of Hand-drawn Batik Shirt" }).click();
  await expect(shop.cartTotal).toHaveText("Rp 1.090.000");
  await shop.quantityOf("Gayo Arabica Coffee 250 g").fill("5");
  await shop.quantityOf("Gayo Arabica Coffee 250 g").press("Enter");
  await expect(shop.cartTotal).toHaveText("Rp 1.375.000"); // 5 x 95.000 + 2 x 450.000

  await page.getByRole("button", { name: "Remove Hand-drawn Batik Shirt" }).click();
  await expect(shop.cartLines).toHaveCount(1);
  await expect(shop.cartTotal).toHaveText("Rp 475.000");

  await page.reload();
  await expect(shop.cartLines).toHaveCount(1);
  await expect(shop.quantityOf("Gayo Arabica Coffee 250 g")).toHaveValue("5");
  await expect(shop.cartTotal).toHaveText("Rp 475.000");
  await expect(shop.cartCount).toHaveText("5");

  await page.getByRole("button", { name: "Remove Gayo Arabica Coffee 250 g" }).click();
  await expect(page.getByText("Your cart is empty.")).toBeVisible();
});

test("a quantity out of range is refused with a message and changes nothing", async ({ page, shop }) => {
  await shop.openProduct("teh-melati-premium");
  await shop.addThisProduct(100);
  await expect(page.getByRole("alert").filter({ hasText: "Quantity" })).toHaveText("Quantity must be a whole number from 1 to 99.");
  await expect(page.getByLabel("Quantity", { exact: true })).toHaveValue("100");
  await expect(shop.cartCount).toHaveText("0");
});

test("a refused quantity on a cart line keeps the line's layout and shows the last quantity the cart accepted", async ({ page, shop }) => {
  await shop.addToCart("teh-melati-premium", 3);
  await page.goto("/cart");
  const line = shop.cartLines.first();
  const quantity = shop.quantityOf("Premium Jasmine Tea 100 g");
  const remove = page.getByRole("button", { name: "Remove Premium Jasmine Tea 100 g" });
  const before = await remove.boundingBox();

  await quantity.fill("100");
  await quantity.press("Enter");
  const message = line.getByRole("alert");
  await expect(message).toHaveText("Quantity must be a whole number from 1 to 99.");
  await expect(quantity).toHaveValue("3");
  await expect(shop.cartTotal).toHaveText("Rp 135.000");
  // The row's controls stay where they were; the message sits below them.
  expect(await remove.boundingBox()).toEqual(before);
  expect((await message.boundingBox())!.y).toBeGreaterThanOrEqual(before!.y + before!.height);

  // The next valid change goes through and the message goes away.
  await quantity.fill("4");
  await quantity.press("Enter");
  await expect(shop.cartTotal).toHaveText("Rp 180.000");
  await expect(message).toHaveCount(0);
});

test("an unknown product slug is a 404 page", async ({ page, shop }) => {
  const response = await shop.openProduct("no-such-thing");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

test("the health endpoint reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok" });
});
