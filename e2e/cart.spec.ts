import { expect, test } from "@playwright/test";

test("browse, add two products, change a quantity, remove one; the cart survives a reload", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Crafted across the archipelago" })).toBeVisible();
  await expect(page.getByTestId("cart-count")).toHaveText("0");

  await page.getByRole("link", { name: /Kopi Gayo Arabika 250 g/ }).click();
  await expect(page.getByRole("heading", { name: "Kopi Gayo Arabika 250 g" })).toBeVisible();
  await expect(page.getByText("Rp 95.000", { exact: true })).toBeVisible();
  await page.getByLabel("Quantity").fill("2");
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByRole("status")).toContainText("You now have 2 in your cart");
  await expect(page.getByTestId("cart-count")).toHaveText("2");

  await page.goto("/products/kemeja-batik-tulis");
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByTestId("cart-count")).toHaveText("3");

  await page.getByRole("link", { name: /^Cart/ }).click();
  await expect(page.getByTestId("cart-line")).toHaveCount(2);
  await expect(page.getByTestId("cart-total")).toHaveText("Rp 640.000"); // 2 x 95.000 + 450.000

  await page.getByRole("button", { name: "Increase quantity of Kemeja Batik Tulis" }).click();
  await expect(page.getByTestId("cart-total")).toHaveText("Rp 1.090.000");
  await page.getByLabel("Quantity of Kopi Gayo Arabika 250 g", { exact: true }).fill("5");
  await page.getByLabel("Quantity of Kopi Gayo Arabika 250 g", { exact: true }).press("Enter");
  await expect(page.getByTestId("cart-total")).toHaveText("Rp 1.375.000"); // 5 x 95.000 + 2 x 450.000

  await page.getByRole("button", { name: "Remove Kemeja Batik Tulis" }).click();
  await expect(page.getByTestId("cart-line")).toHaveCount(1);
  await expect(page.getByTestId("cart-total")).toHaveText("Rp 475.000");

  await page.reload();
  await expect(page.getByTestId("cart-line")).toHaveCount(1);
  await expect(page.getByLabel("Quantity of Kopi Gayo Arabika 250 g", { exact: true })).toHaveValue("5");
  await expect(page.getByTestId("cart-total")).toHaveText("Rp 475.000");
  await expect(page.getByTestId("cart-count")).toHaveText("5");

  await page.getByRole("button", { name: "Remove Kopi Gayo Arabika 250 g" }).click();
  await expect(page.getByText("Your cart is empty.")).toBeVisible();
});

test("a quantity out of range is refused with a message and changes nothing", async ({ page }) => {
  await page.goto("/products/teh-melati-premium");
  await page.getByLabel("Quantity").fill("100");
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Quantity" })).toHaveText("Quantity must be a whole number from 1 to 99.");
  await expect(page.getByLabel("Quantity", { exact: true })).toHaveValue("100");
  await expect(page.getByTestId("cart-count")).toHaveText("0");
});

test("an unknown product slug is a 404 page", async ({ page }) => {
  const response = await page.goto("/products/no-such-thing");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

test("the health endpoint reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok" });
});
