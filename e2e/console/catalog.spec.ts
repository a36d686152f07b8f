import AxeBuilder from "@axe-core/playwright";
import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { gifPicture, pngPicture } from "@/test-support/pictures";
import { expect, test, withNewCustomer } from "../support/fixtures";
import { actionResult, callAction } from "../hardening/support/actions";
import { merchantPage, merchantPageIn, paidOrder } from "./support";

/**
 * The catalog from the console: the merchant makes a product, gives it a picture, publishes it, and every change shows
 * in the shop on the next page view; an order already placed keeps its price; a product in an order is not deleted.
 * Each test makes its own product, so the seeded catalog the other specs count on stays as it is.
 */

withNewCustomer();
test.describe.configure({ timeout: 180_000 });

type NewProduct = { name: string; nameEn: string; price: string; stock: string };

/** Fills the product form (create or edit) with what is given. */
async function fillProduct(merchant: Page, product: Partial<NewProduct & { description: string; weight: string }>) {
  const fields: [string, string | undefined][] = [
    ["Name", product.name],
    ["Name in English", product.nameEn],
    ["Price (Rp)", product.price],
    ["Stock (units)", product.stock],
    ["Packed weight (g)", product.weight],
    ["Description", product.description],
  ];
  for (const [label, value] of fields) if (value !== undefined) await merchant.getByLabel(label, { exact: true }).fill(value);
}

function pictureInput(merchant: Page) {
  return merchant.getByLabel("New picture");
}

async function upload(merchant: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
  await pictureInput(merchant).setInputFiles(file);
  await merchant.getByRole("button", { name: "Upload picture" }).click();
}

/** Creates, pictures and publishes a product through the console; returns its console address and shop slug. */
async function publishedProduct(merchant: Page, product: NewProduct): Promise<{ consolePath: string; slug: string }> {
  await merchant.goto("/console/products/new");
  await fillProduct(merchant, { ...product, weight: "300", description: "Dibuat oleh uji katalog konsol." });
  await merchant.getByLabel("Category").selectOption({ label: "Food" });
  await merchant.getByRole("button", { name: "Create product" }).click();
  await expect(merchant.getByText("Product created, unpublished. Add a picture, then publish it.")).toBeVisible();
  const consolePath = new URL(merchant.url()).pathname;
  await upload(merchant, { name: "produk.png", mimeType: "image/png", buffer: pngPicture(600, 600, [40, 110, 70]) });
  await expect(merchant.getByRole("status").filter({ hasText: "Picture replaced. The shop shows it now." })).toBeVisible();
  await merchant.getByRole("button", { name: "Publish" }).click();
  await expect(merchant.getByRole("status").filter({ hasText: "Published. It is in the shop now." })).toBeVisible();
  const shopLink = merchant.getByRole("link", { name: "View in the shop" });
  const slug = (await shopLink.getAttribute("href"))!.split("/").pop()!;
  return { consolePath, slug };
}

test("the merchant creates a product, refused inputs are named at once, and each change shows in the shop on the next page view", async ({ page, browser, request }) => {
  const merchant = await merchantPage(browser);
  await merchant.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Products" }).click();
  await expect(merchant.getByRole("heading", { level: 1, name: "Products" })).toBeVisible();
  await expect(merchant.getByTestId("console-product-row")).toHaveCount(20);
  await expect(merchant.getByTestId("product-page-of")).toContainText("Page 1 of");

  // Every wrong field at once, and what was typed stays.
  await merchant.getByRole("link", { name: "New product" }).click();
  await fillProduct(merchant, { name: "Keripik Uji", price: "12,5", stock: "-1", weight: "2 kg" });
  await merchant.getByRole("button", { name: "Create product" }).click();
  await expect(merchant.getByRole("alert").filter({ hasText: "Please correct the marked fields." })).toBeVisible();
  for (const message of ["Description is required.", "Choose a category.", "Enter the price in whole rupiah, e.g. 150.000.", "Enter the stock as a whole number, e.g. 25.", "Enter the weight in whole grams, e.g. 250."]) {
    await expect(merchant.getByText(message)).toBeVisible();
  }
  await expect(merchant.getByLabel("Name", { exact: true })).toHaveValue("Keripik Uji");
  await expect(merchant.getByLabel("Price (Rp)")).toHaveValue("12,5");
  await expect(merchant.getByLabel("Price (Rp)")).toHaveAttribute("aria-invalid", "true");

  const name = `Keripik Uji ${randomUUID().slice(0, 6)}`;
  const { consolePath, slug } = await publishedProduct(merchant, { name, nameEn: `Test Chips ${name.slice(-6)}`, price: "Rp 40.000", stock: "12" });

  await page.goto(`/products/${slug}`);
  await expect(page.getByRole("heading", { level: 1, name: `Test Chips ${name.slice(-6)}` })).toBeVisible();
  await expect(page.getByText("Rp 40.000", { exact: true })).toBeVisible();
  await expect(page.getByTestId("product-stock")).toHaveText("In stock");
  // The picture is served by its content hash, for good.
  const pictureSrc = (await page.locator("article img").first().getAttribute("src"))!;
  expect(pictureSrc).toMatch(/^\/media\/[0-9a-f]{32}\.png$/);
  const picture = await request.get(pictureSrc);
  expect(picture.status()).toBe(200);
  expect(picture.headers()).toMatchObject({ "content-type": "image/png", "cache-control": "public, max-age=31536000, immutable" });

  // Price, stock and the English name change in the console; the shop's next page view shows them.
  await merchant.goto(consolePath);
  await fillProduct(merchant, { price: "45.000", stock: "3", nameEn: "Crunchy Test Chips" });
  await merchant.getByRole("button", { name: "Save changes" }).click();
  await expect(merchant.getByRole("status").filter({ hasText: "Saved. The shop shows the change now." })).toBeVisible();
  await expect(merchant.getByLabel("Price (Rp)")).toHaveValue("45.000");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Crunchy Test Chips" })).toBeVisible();
  await expect(page.getByText("Rp 45.000", { exact: true })).toBeVisible();
  await expect(page.getByTestId("product-stock")).toHaveText("Only 3 left");

  // The history names each change, by whom.
  const history = merchant.getByTestId("product-history");
  await expect(history.getByRole("listitem").first()).toContainText("Edited by merchant@example.com");
  await expect(history.getByRole("listitem").first()).toContainText("Rp 40.000 → Rp 45.000");

  // The list shows the new price and stock.
  await merchant.goto(`/console/products?q=${encodeURIComponent(name)}`);
  const row = merchant.getByTestId("console-product-row");
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId("console-product-price")).toHaveText("Rp 45.000");
  await expect(row.getByTestId("console-product-stock")).toContainText("3");
  await expect(row.getByTestId("product-status")).toHaveText("Published");

  // Unpublished: gone from the shop on the next view.
  await merchant.goto(consolePath);
  await merchant.getByRole("button", { name: "Unpublish" }).click();
  await expect(merchant.getByRole("status").filter({ hasText: "Unpublished. It has left the shop." })).toBeVisible();
  const gone = await page.goto(`/products/${slug}`);
  expect(gone?.status()).toBe(404);
  await merchant.context().close();
});

test("a picture the shop cannot use is refused with a clear message, and the current one stays", async ({ browser }) => {
  const merchant = await merchantPage(browser);
  const { consolePath } = await publishedProduct(merchant, { name: `Batik Uji ${randomUUID().slice(0, 6)}`, nameEn: "Test Batik", price: "150.000", stock: "5" });
  await merchant.goto(consolePath);
  const current = await merchant.getByTestId("product-picture").getAttribute("src");

  await merchant.getByRole("button", { name: "Upload picture" }).click();
  await expect(merchant.getByText("Choose a picture file first.")).toBeVisible();
  await upload(merchant, { name: "animasi.gif", mimeType: "image/gif", buffer: gifPicture(800, 800) });
  await expect(merchant.getByText("This picture's format is not accepted. Use a JPEG, PNG or WebP file (not SVG or GIF).")).toBeVisible();
  // A PNG name and type on bytes that are no picture at all: the bytes decide.
  await upload(merchant, { name: "foto.png", mimeType: "image/png", buffer: Buffer.from("<html><script>alert(1)</script></html>") });
  await expect(merchant.getByText("This file is not a picture the shop can read. Use a JPEG, PNG or WebP file.")).toBeVisible();
  await upload(merchant, { name: "kecil.png", mimeType: "image/png", buffer: pngPicture(300, 200) });
  await expect(merchant.getByText("The picture is 300 × 200 pixels; it needs at least 400 pixels a side.")).toBeVisible();
  await expect(pictureInput(merchant)).toHaveAttribute("aria-invalid", "true");

  await merchant.reload();
  await expect(merchant.getByTestId("product-picture")).toHaveAttribute("src", current!);
  await merchant.context().close();
});

test("an order placed before a price change keeps its price; a product in an order cannot be deleted, only unpublished", async ({ page, browser, shop, hostedPage }) => {
  const merchant = await merchantPage(browser);
  const name = `Kopi Uji ${randomUUID().slice(0, 6)}`;
  const { consolePath, slug } = await publishedProduct(merchant, { name, nameEn: `Test Coffee ${name.slice(-6)}`, price: "50.000", stock: "8" });

  const orderId = await paidOrder(page, shop, hostedPage, slug);
  const line = page.getByRole("listitem").filter({ hasText: `Test Coffee ${name.slice(-6)}` });
  await expect(line).toContainText("Rp 50.000");

  await merchant.goto(consolePath);
  await expect(merchant.getByLabel("Stock (units)")).toHaveValue("7"); // the paid order took one
  await fillProduct(merchant, { price: "65.000" });
  await merchant.getByRole("button", { name: "Save changes" }).click();
  await expect(merchant.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

  await page.goto(`/products/${slug}`);
  await expect(page.getByText("Rp 65.000", { exact: true })).toBeVisible();
  await page.goto(`/orders/${orderId}`);
  await expect(line).toContainText("Rp 50.000");
  await merchant.goto(`/console/orders/${orderId}`);
  await expect(merchant.getByRole("listitem").filter({ hasText: `Test Coffee ${name.slice(-6)}` })).toContainText("Rp 50.000");

  await merchant.goto(consolePath);
  await merchant.getByRole("button", { name: "Delete product" }).click();
  await expect(merchant.getByText("Tick the box to confirm the deletion.")).toBeVisible();
  await merchant.getByLabel("Delete it for good: this cannot be undone").check();
  await merchant.getByRole("button", { name: "Delete product" }).click();
  await expect(merchant.getByRole("alert").filter({ hasText: "1 open order includes this product, so it cannot be deleted. Unpublish it instead." })).toBeVisible();
  await merchant.reload();
  await expect(merchant.getByRole("heading", { level: 1 })).toHaveText(`Edit Test Coffee ${name.slice(-6)}`); // still there
  await merchant.getByRole("button", { name: "Unpublish" }).click();
  await expect(merchant.getByTestId("publish-state")).toHaveText("Unpublished: hidden from the shop. Orders already placed are not affected.");
  await page.goto(`/orders/${orderId}`);
  await expect(line).toContainText("Rp 50.000");
  await merchant.context().close();
});

test("in Indonesian at 390 px the products list and the product page fit, speak Indonesian and pass axe", async ({ browser }) => {
  const merchant = await merchantPageIn(browser, "id-ID");
  await merchant.setViewportSize({ width: 390, height: 844 });
  const audit = async () => {
    const results = await new AxeBuilder({ page: merchant }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    expect(await merchant.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  };
  await merchant.goto("/console/products");
  await expect(merchant.getByRole("heading", { level: 1, name: "Produk" })).toBeVisible();
  await expect(merchant.getByTestId("product-status").first()).toHaveText("Tayang");
  await audit();

  await merchant.getByTestId("console-product-row").first().getByRole("link").click();
  await expect(merchant.getByRole("heading", { level: 1 })).toContainText("Ubah");
  await merchant.getByLabel("Harga (Rp)").fill("mahal");
  await merchant.getByRole("button", { name: "Simpan perubahan" }).click();
  await expect(merchant.getByText("Masukkan harga dalam rupiah bulat, mis. 150.000.")).toBeVisible();
  await audit();

  await merchant.goto("/console/products/new");
  await expect(merchant.getByRole("heading", { level: 1, name: "Produk baru" })).toBeVisible();
  await audit();
  await merchant.context().close();
});

test("a customer and a signed-out visitor are refused every catalog page, action and the upload with the shop's 404", async ({ page, browser }) => {
  const product = { productId: "1", updatedAt: new Date().toISOString(), stockSeen: "1", name: "Dibajak", description: "x", categoryId: "1", price: "1000", stock: "1", weight: "1" };
  for (const path of ["/console/products", "/console/products/new", "/console/products/1"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
  const actions = [
    { name: "createProductAction", fields: product },
    { name: "updateProductAction", fields: product },
    { name: "setPublishedAction", fields: { productId: "1", publish: "false" } },
    { name: "deleteProductAction", fields: { productId: "1", confirm: "yes" } },
  ] as const;
  for (const { name, fields } of actions) {
    const response = await callAction(page.request, name, { path: "/console/products/1", fields });
    expect(response.status(), name).toBe(404);
    expect((await actionResult(response))?.status, name).not.toBe("success");
  }
  const picture = { picture: { name: "p.png", mimeType: "image/png", buffer: pngPicture(400, 400) } };
  expect((await page.request.post("/api/console/products/1/picture", { multipart: picture })).status()).toBe(404);

  const anonymous = await browser.newContext();
  const visitor = await anonymous.newPage();
  expect((await visitor.goto("/console/products/1"))?.status()).toBe(404);
  await expect(visitor).toHaveTitle("Toko Nusantara");
  for (const { name, fields } of actions) {
    expect((await callAction(anonymous.request, name, { path: "/console/products/1", fields })).status(), name).toBe(404);
  }
  expect((await anonymous.request.post("/api/console/products/1/picture", { multipart: picture })).status()).toBe(404);
  await anonymous.close();

  // The merchant's own session, from another site's page: refused before anything is read.
  const merchant = await merchantPage(browser);
  const crossSite = await merchant.request.post("/api/console/products/1/picture", { multipart: picture, headers: { Origin: "https://evil.example" } });
  expect(crossSite.status()).toBe(403);
  // The seeded product is untouched by all of the above.
  await merchant.goto("/console/products/1");
  await expect(merchant.getByTestId("product-status").first()).toHaveText("Published");
  await expect(merchant.getByTestId("product-history")).toContainText("No changes made in the console yet.");
  await merchant.context().close();
});
