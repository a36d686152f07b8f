import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { signUp, uniqueEmail } from "../support/accounts";
import { addAddress } from "../support/addresses";
import { expect, test } from "../support/fixtures";
import { HostedCardPage } from "../support/pages/hosted-card-page";
import { ShopPage } from "../support/pages/shop-page";
import { merchantPageIn, paidOrder } from "./support";

// The merchant's browser asks for Bahasa Indonesia (Accept-Language id-ID, no language cookie): the console answers
// in Indonesian. The purchase before it runs in an English context of its own, as every shop spec does.
test.use({ locale: "id-ID" });
test.describe.configure({ timeout: 300_000 }); // a purchase, two sign-ins and three axe runs on a shared machine

async function seriousViolations(page: Page, label: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${label}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test("the console in Bahasa Indonesia: overview and an order with a refund, accessible", async ({ browser, sandbox }) => {
  const shopper = await browser.newContext({ locale: "en-US" });
  const page = await shopper.newPage();
  await signUp(page, uniqueEmail(), "rahasia-123");
  await addAddress(page);
  const orderId = await paidOrder(page, new ShopPage(page), new HostedCardPage(page, sandbox));
  await shopper.close();

  const merchant = await merchantPageIn(browser, "id-ID");
  await merchant.goto("/console");
  await expect(merchant.locator("html")).toHaveAttribute("lang", "id");
  await expect(merchant.getByRole("heading", { level: 1, name: "Ringkasan" })).toBeVisible();
  await expect(merchant.getByRole("navigation", { name: "Konsol" }).getByRole("link", { name: "Pesanan" })).toBeVisible();
  await expect(merchant.getByText("Penjualan hari ini")).toBeVisible();
  await expect(merchant.getByRole("heading", { name: "Pendapatan harian" })).toBeVisible();
  await expect(merchant).toHaveTitle(/^Ringkasan · /);
  expect(await seriousViolations(merchant, "/console")).toEqual([]);

  const number = orderId.replace(/-/g, "").slice(0, 8).toUpperCase();
  await merchant.goto(`/console/orders/${orderId}`);
  await expect(merchant.getByRole("heading", { level: 1, name: `Pesanan ${number}` })).toBeVisible();
  await expect(merchant.getByTestId("console-order-status")).toHaveText("Lunas");
  await expect(merchant.getByTestId("refundable")).toHaveText("Rp 105.000 masih dapat dikembalikan.");
  // Dates in the Indonesian format, in WIB ("2 Des 2026 14.30 WIB").
  await expect(merchant.getByText(/^Dibuat \d{1,2} \S+ \d{4},? \d{2}\.\d{2} WIB/)).toBeVisible();
  expect(await seriousViolations(merchant, "order detail")).toEqual([]);

  // The actions answer in the merchant's language too: a refund over what is left, then a real one.
  const form = merchant.getByRole("form", { name: /^Kembalikan dana / });
  await form.getByLabel("Alasan").fill("Barang rusak");
  await form.getByLabel("Jumlah yang dikembalikan (Rp)").fill("105.001");
  await form.getByRole("button", { name: "Periksa pengembalian dana" }).click();
  await expect(merchant.getByText("Hanya tersisa Rp 105.000 yang dapat dikembalikan dari pembayaran ini.").first()).toBeVisible();
  // A decimal comma is refused with the forms that are read, never taken as thousands.
  await form.getByLabel("Jumlah yang dikembalikan (Rp)").fill("30.000,50");
  await form.getByRole("button", { name: "Periksa pengembalian dana" }).click();
  await expect(form.getByText("Tanpa desimal: dana dikembalikan dalam rupiah bulat. Tulis 100000, 100.000, 100,000 atau Rp 100.000.")).toBeVisible();
  await form.getByLabel("Jumlah yang dikembalikan (Rp)").fill("30.000");
  await form.getByRole("button", { name: "Periksa pengembalian dana" }).click();
  await expect(form.getByTestId("money-back-question")).toHaveText(`Kembalikan dana Rp 30.000 untuk pesanan ${number}?`);
  expect(await seriousViolations(merchant, "order detail, refund to confirm")).toEqual([]);
  await form.getByRole("button", { name: "Ya, kembalikan Rp 30.000" }).click();
  await expect(merchant.getByRole("status").filter({ hasText: "Rp 30.000 telah dikembalikan." })).toBeVisible();
  await expect(merchant.getByTestId("console-order-status")).toHaveText("Dikembalikan sebagian");
  await expect(merchant.getByTestId("refund-list")).toContainText("Pengembalian dana Rp 30.000 · Selesai");
  expect(await seriousViolations(merchant, "order detail after a refund")).toEqual([]);

  // The filters' validation messages, in Indonesian.
  await merchant.goto("/console/orders?status=nope&from=2026-13-01");
  await expect(merchant.getByRole("alert").filter({ hasText: "Beberapa filter tidak diterapkan" })).toBeVisible();
  await expect(merchant.getByText("Pilih status dari daftar.").first()).toBeVisible();
  await merchant.context().close();
});
