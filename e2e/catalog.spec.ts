import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";

/**
 * The catalog in both languages: categories with sorting and pages (plain links), search by words of either
 * language, the empty search, product pages with their stock, the cart refusing more than is left, and axe on the
 * category, search and product pages.
 */

/** No serious or critical WCAG 2.1 A/AA violation on the page as it is now. */
async function expectAccessible(page: Page) {
  await page.waitForLoadState("load");
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(serious, page.url()).toEqual([]);
}

/** The prices of the cards on the page, in order ("Rp 22.000" -> 22000). */
async function cardPrices(page: Page): Promise<number[]> {
  const texts = await page.getByTestId("product-card-price").allTextContents();
  return texts.map((text) => Number(text.replace(/\D/g, "")));
}

const cards = (page: Page) => page.getByTestId("product-card");

test.describe("in Bahasa Indonesia", () => {
  test.use({ locale: "id-ID" });

  test("browse a category, sort by price and go to the next page", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Karya dari seluruh Nusantara");
    await page.getByRole("navigation", { name: "Kategori" }).getByRole("link", { name: /^Makanan/ }).click();
    await expect(page).toHaveURL(/\/categories\/makanan$/);
    await expect(page).toHaveTitle(/^Makanan · /);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Makanan");
    await expect(page.getByTestId("listing-range")).toHaveText("Menampilkan 1–12 dari 13 produk");
    await expect(cards(page)).toHaveCount(12);

    await page.getByRole("link", { name: "Harga terendah" }).click();
    await expect(page).toHaveURL(/\/categories\/makanan\?sort=price-asc$/);
    await expect(page.getByRole("link", { name: "Harga terendah" })).toHaveAttribute("aria-current", "true");
    const firstPage = await cardPrices(page);
    expect(firstPage).toHaveLength(12);
    expect(firstPage).toEqual([...firstPage].sort((a, b) => a - b));

    await page.getByRole("link", { name: "Halaman 2" }).click();
    await expect(page).toHaveURL(/\/categories\/makanan\?sort=price-asc&page=2$/);
    await expect(page.getByTestId("listing-range")).toHaveText("Menampilkan 13–13 dari 13 produk");
    const secondPage = await cardPrices(page);
    expect(secondPage).toHaveLength(1);
    expect(secondPage[0]).toBeGreaterThanOrEqual(Math.max(...firstPage));
    await expect(page.getByRole("link", { name: "Halaman 2" })).toHaveAttribute("aria-current", "page");
    await page.getByRole("link", { name: "Sebelumnya" }).click();
    await expect(page).toHaveURL(/\/categories\/makanan\?sort=price-asc$/);

    await page.getByRole("link", { name: "Harga tertinggi" }).click();
    await expect(page).toHaveURL(/\/categories\/makanan\?sort=price-desc$/);
    await expect(page.getByRole("link", { name: "Harga tertinggi" })).toHaveAttribute("aria-current", "true");
    const highFirst = await cardPrices(page);
    expect(highFirst).toEqual([...highFirst].sort((a, b) => b - a));
  });

  test("search finds a product by a word of its Indonesian description; an empty search suggests categories", async ({ page }) => {
    await page.goto("/");
    const searchBox = page.getByRole("searchbox", { name: "Cari produk" });
    // "dataran" (highlands) appears only in the Indonesian description of the Gayo coffee.
    await searchBox.fill("dataran");
    await searchBox.press("Enter");
    await expect(page).toHaveURL(/\/search\?q=dataran$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hasil pencarian “dataran”");
    await expect(page.getByRole("status")).toHaveText("1 produk ditemukan");
    await expect(cards(page)).toHaveCount(1);
    await expect(page.getByRole("link", { name: /Kopi Gayo Arabika 250 g/ })).toBeVisible();

    await page.getByRole("searchbox", { name: "Cari produk" }).fill("kapal selam");
    await page.getByRole("button", { name: "Cari", exact: true }).click();
    await expect(page.getByRole("status")).toHaveText("Tidak ada produk ditemukan");
    const suggestions = page.getByTestId("search-suggestions");
    await expect(suggestions).toContainText("Tidak ada produk yang cocok dengan “kapal selam”.");
    await expect(suggestions.getByRole("navigation", { name: "Lihat kategori" }).getByRole("link")).toHaveCount(5);
    await expect(suggestions.getByRole("heading", { name: "Pilihan kami" })).toBeVisible();
    await suggestions.getByRole("link", { name: /^Kopi & Teh/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kopi & Teh");

    await page.goto("/search");
    await expect(page.getByTestId("search-suggestions")).toContainText("Ketik nama produk");
  });

  test("a product page shows origin, weight and stock; the cart refuses more than is left; sold out cannot be added", async ({ page, shop }) => {
    await shop.openProduct("topeng-kayu-malang");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Topeng Kayu Panji Malang");
    await expect(page).toHaveTitle(/^Topeng Kayu Panji Malang · /);
    await expect(page.getByText("Malang · Padepokan Asmoro Bangun")).toBeVisible();
    await expect(page.getByTestId("product-stock")).toHaveText("Tersisa 3");
    await expect(page.getByText("450 g", { exact: true })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Rincian" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Lokasi halaman" }).getByRole("link", { name: "Kerajinan" })).toHaveAttribute("href", "/categories/kerajinan");

    // The add-to-cart form's own words belong to the cart; it is found by its field.
    const quantity = page.locator("#quantity");
    const add = page.locator("form").filter({ has: quantity }).getByRole("button");
    await quantity.fill("4");
    await add.click();
    await expect(page.getByRole("alert").filter({ hasText: "Stok" })).toHaveText("Stok Topeng Kayu Panji Malang tinggal 3: pilih 3 atau kurang.");
    await expect(shop.cartCount).toHaveText("0");
    await quantity.fill("3");
    await add.click();
    await expect(shop.cartCount).toHaveText("3");
    await quantity.fill("1");
    await add.click();
    await expect(page.getByRole("alert").filter({ hasText: "Stok" })).toHaveText("Stok Topeng Kayu Panji Malang tinggal 3, dan 3 sudah ada di keranjang Anda.");
    await expect(shop.cartCount).toHaveText("3");

    await shop.openProduct("selendang-songket-palembang");
    await expect(page.getByTestId("product-stock")).toHaveText("Habis");
    await expect(page.getByRole("button", { name: "Tambah ke keranjang" })).toBeDisabled();
    await expect(page.locator("#quantity")).toHaveCount(0);
    await expect(page.getByText("Produk ini sedang habis.")).toBeVisible();
  });

  test("category, search and product pages have no serious accessibility violation", async ({ page }) => {
    test.slow(); // six pages, each audited by axe
    for (const path of ["/", "/categories/makanan?page=2", "/search?q=kopi", "/search?q=kapal+selam", "/products/topeng-kayu-malang", "/products/selendang-songket-palembang"]) {
      await page.goto(path);
      await expectAccessible(page);
    }
  });
});

test.describe("in English", () => {
  test("search by an English word, English product pages, and no serious accessibility violation", async ({ page }) => {
    test.slow(); // five pages, each audited by axe
    await page.goto("/search?q=puppet");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Results for “puppet”");
    await expect(page.getByRole("status")).toHaveText("1 product found");
    await expect(page.getByRole("link", { name: /Arjuna Shadow Puppet/ })).toBeVisible();
    await expectAccessible(page);

    await page.goto("/categories/kopi-teh");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Coffee & Tea");
    await expect(page).toHaveTitle(/^Coffee & Tea · /);
    await expectAccessible(page);

    await page.goto("/products/topeng-kayu-malang");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Malang Panji Wooden Mask");
    await expect(page.getByTestId("product-stock")).toHaveText("Only 3 left");
    await expectAccessible(page);

    await page.goto("/products/selendang-songket-palembang");
    await expect(page.getByTestId("product-stock")).toHaveText("Sold out");
    await expect(page.getByRole("button", { name: "Add to cart" })).toBeDisabled();
    await expectAccessible(page);

    await page.goto("/search?q=nothing+like+this");
    await expect(page.getByTestId("search-suggestions")).toContainText("No products match “nothing like this”.");
    await expectAccessible(page);
  });
});
