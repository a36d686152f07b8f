import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { uniqueEmail } from "./support/accounts";
import { BANDUNG } from "./support/addresses";
import { signUpLinkSentTo } from "./support/mail";
import { CARDS, expect, test } from "./support/fixtures";

/**
 * The purchase path in the shopper's language: a browser that asks for Indonesian (Accept-Language id-ID) buys from
 * the catalog to a paid order and reads Bahasa Indonesia on the cart, the checkout and the order page; a decline is
 * explained in plain Indonesian; the same journey in English reads English. Each page is checked with axe.
 */

test.use({ locale: "id-ID" });
// Whole journeys from sign-up to a paid order, with axe audits.
test.slow();

/**
 * Sign-up and the address book belong to other parts of the shop, whose words may be in either language: they are
 * filled by field name, so that this journey tests the purchase path's words only.
 */
async function newCustomerWithAddress(page: Page) {
  const email = uniqueEmail("bahasa");
  await page.goto("/sign-up");
  const signUp = page.locator("form").filter({ has: page.locator('input[name="confirmPassword"]') });
  await signUp.locator('input[name="firstName"]').fill("Dewi");
  await signUp.locator('input[name="lastName"]').fill("Anggraini");
  await signUp.locator('input[name="email"]').fill(email);
  await signUp.locator('input[name="mobilePhone"]').fill("0812-9999 0000");
  await signUp.locator('input[name="password"]').fill("rahasia-123");
  await signUp.locator('input[name="confirmPassword"]').fill("rahasia-123");
  await signUp.locator('button[type="submit"]').click();
  await expect(page.getByRole("status")).toContainText(email, { timeout: 30_000 }); // password hashing on a busy machine
  // The link of the sign-up email, finished with the password.
  await page.goto(await signUpLinkSentTo(page.request, email));
  const finish = page.locator("form").filter({ has: page.locator('input[name="token"]') });
  await finish.locator('input[name="password"]').fill("rahasia-123");
  await finish.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/\/account\?welcome=1$/, { timeout: 30_000 });

  await page.goto("/account/addresses");
  const form = page.getByTestId("address-form");
  await form.locator('input[name="recipientName"]').fill(BANDUNG.recipientName);
  await form.locator('input[name="mobilePhone"]').fill(BANDUNG.mobilePhone);
  await form.locator('input[name="street"]').fill(BANDUNG.street);
  await form.locator('input[name="district"]').fill(BANDUNG.district);
  await form.locator('input[name="city"]').fill(BANDUNG.city);
  await form.locator('select[name="provinceCode"]').selectOption({ label: BANDUNG.province });
  await form.locator('input[name="postalCode"]').fill(BANDUNG.postalCode);
  await form.locator('button[type="submit"]').click();
  await expect(page.getByTestId("address")).toHaveCount(1);
}

/** axe-core on the page as it is now: no serious or critical violation of WCAG 2.1 A/AA. */
async function expectAccessible(page: Page, name: string) {
  await page.waitForLoadState("load");
  await page.waitForFunction(() => document.getAnimations().every((a) => !(a instanceof CSSTransition) || a.playState !== "running"));
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ page: name, rule: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5) }));
  expect(serious).toEqual([]);
}

const htmlLang = (page: Page) => page.locator("html");

test("pembelian lengkap dalam Bahasa Indonesia: keranjang, pembayaran, pesanan lunas dengan kartu yang membayar", async ({ page, hostedPage }) => {
  await newCustomerWithAddress(page);

  await page.goto("/products/kopi-gayo-arabika");
  await expect(htmlLang(page)).toHaveAttribute("lang", "id");
  await page.getByRole("button", { name: "Tambah ke keranjang" }).click();
  await expect(page.getByRole("status")).toContainText("Ditambahkan ke keranjang: 1 dari produk ini. Keranjang Anda sekarang berisi 1 barang.");

  await page.goto("/cart");
  await expect(htmlLang(page)).toHaveAttribute("lang", "id");
  await expect(page).toHaveTitle(/Keranjang/);
  await expect(page.getByRole("heading", { name: "Keranjang Anda" })).toBeVisible();
  await expect(page.getByText("Rp 95.000 per barang")).toBeVisible();
  await expect(page.getByLabel("Jumlah Kopi Gayo Arabika 250 g", { exact: true })).toHaveValue("1");
  await expect(page.getByRole("button", { name: "Hapus Kopi Gayo Arabika 250 g" })).toBeVisible();
  await expect(page.getByTestId("cart-total")).toHaveText("Rp 95.000");
  await expectAccessible(page, "keranjang");

  await page.getByRole("link", { name: "Lanjut ke pembayaran" }).click();
  await expect(page).toHaveURL(/\/checkout$/);
  await expect(page.getByRole("heading", { level: 1, name: "Pembayaran" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Ringkasan pesanan" })).toBeVisible();
  await expect(page.getByText("Ongkos kirim (J&T EZ)")).toBeVisible();
  await expect(page.getByRole("radio", { name: /J&T EZ · Reguler/ })).toBeChecked();
  await expect(page.getByRole("radio", { name: /JNE YES · Yakin Esok Sampai, tiba besok/ })).toBeVisible();
  await expect(page.getByText("2-4 hari kerja")).toBeVisible();
  await expect(page.getByTestId("checkout-total")).toHaveText("Rp 105.000");
  await expect(page.getByText("Anda membayar Rp 105.000 di halaman kartu Finpay yang aman.")).toBeVisible();
  await expect(page.getByTestId("link-lifetime")).toHaveText("Halaman pembayaran terbuka selama 60 menit; pesanan Anda menunggu pembayaran sampai saat itu.");
  await expectAccessible(page, "pembayaran");

  await page.getByRole("button", { name: "Bayar dengan kartu baru" }).click();
  await hostedPage.pay(CARDS.approvedMastercard);
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("order-status")).toHaveText("Lunas");
  await expect(htmlLang(page)).toHaveAttribute("lang", "id");
  await expect(page).toHaveTitle(/Pesanan [0-9A-F]{8}/);
  await expect(page.getByTestId("paid-notice")).toContainText("Terima kasih! Pembayaran Anda sebesar Rp 105.000 telah kami terima pada");
  await expect(page.getByTestId("paid-notice")).toContainText("dengan Mastercard •••• 0008.");
  await expect(page.getByText(/^Dipesan \d{1,2} \w{3} \d{4}.* WIB$/)).toBeVisible();
  await expect(page.getByTestId("order-delivery")).toContainText("J&T EZ · 2-4 hari kerja · 0,3 kg"); // Indonesian decimals
  await expect(page.getByTestId("shipping-cost")).toHaveText("Rp 10.000");
  // Settled: nothing left to ask Finpay, and nothing to pay.
  await expect(page.getByRole("button", { name: "Cek status" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Bayar lagi" })).toHaveCount(0);
  await expectAccessible(page, "pesanan lunas");

  await page.goto("/account/orders");
  await expect(page.getByRole("heading", { name: "Pesanan Anda" })).toBeVisible();
  await expect(page.getByTestId("order-row").first()).toContainText("Lunas");
  await expect(page.getByTestId("order-row-delivery").first()).toHaveText("J&T EZ ke Kota Bandung · ongkir Rp 10.000");
});

test("kartu yang ditolak dijelaskan dengan kata-kata yang jelas, bukan kode bank", async ({ page, hostedPage }) => {
  await newCustomerWithAddress(page);
  await page.goto("/products/lampu-bambu");
  await page.getByRole("button", { name: "Tambah ke keranjang" }).click();
  await expect(page.getByRole("status")).toContainText("Ditambahkan ke keranjang");
  await page.goto("/checkout");
  await page.getByRole("button", { name: "Bayar dengan kartu baru" }).click();
  await hostedPage.pay(CARDS.declined); // the issuer says "Do not honour"

  await expect(page.getByTestId("order-status")).toHaveText("Pembayaran gagal");
  const failure = page.getByTestId("payment-failure");
  await expect(failure).toHaveText("Bank Anda menolak pembayaran ini. Anda tidak ditagih; coba kartu lain atau hubungi bank Anda.");
  await expect(failure).toHaveAttribute("role", "alert");
  await expect(page.locator("main")).not.toContainText(/honou?r/i, { useInnerText: true }); // the closed inspector keeps Finpay's words
  await expect(page.getByRole("heading", { name: "Bayar lagi" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Bayar dengan kartu baru" })).toBeVisible();
  await expectAccessible(page, "pembayaran gagal");
});

test.describe("the same journey in English", () => {
  test.use({ locale: "en-US" });

  test("cart, checkout and the paid order read English, with <html lang=en>", async ({ page, hostedPage }) => {
    await newCustomerWithAddress(page);
    await page.goto("/products/kopi-gayo-arabika");
    await page.getByRole("button", { name: "Add to cart" }).click();
    await expect(page.getByRole("status")).toContainText("Added to cart: 1 of this product. Your cart now holds 1 item.");

    await page.goto("/cart");
    await expect(htmlLang(page)).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { name: "Your cart" })).toBeVisible();
    await expect(page.getByText("Rp 95.000 each")).toBeVisible();

    await page.getByRole("link", { name: "Checkout" }).click();
    await expect(htmlLang(page)).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { name: "Order summary" })).toBeVisible();
    await expect(page.getByText("Shipping (J&T EZ)")).toBeVisible();
    await expect(page.getByTestId("link-lifetime")).toHaveText("The payment page stays open for 60 minutes; your order waits for your payment until then.");

    await page.getByRole("button", { name: "Pay with a new card" }).click();
    await hostedPage.pay(CARDS.approvedMastercard);
    await expect(page.getByTestId("order-status")).toHaveText("Paid");
    await expect(htmlLang(page)).toHaveAttribute("lang", "en");
    await expect(page.getByTestId("paid-notice")).toContainText("Thank you! Your payment of Rp 105.000 was received on");
    await expect(page.getByTestId("paid-notice")).toContainText("with Mastercard •••• 0008.");
    await expect(page.getByTestId("order-delivery")).toContainText("J&T EZ · 2-4 working days · 0.3 kg");
    await expect(page.getByRole("button", { name: "Check status" })).toHaveCount(0);
  });
});
