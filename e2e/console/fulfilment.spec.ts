import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test, withNewCustomer } from "../support/fixtures";
import { emailsTo, waitForEmails } from "../support/mail";
import { merchantPage, merchantPageIn, paidOrder } from "./support";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";

/**
 * Fulfilment end to end: a real purchase through the sandbox's hosted page, the merchant in a second browser taking
 * the order through the console, the customer's order page and emails (MailDev, sent by the job workers).
 */
withNewCustomer();
// A purchase, a second browser, and the job worker's email rounds: allow for a busy machine.
test.describe.configure({ timeout: 180_000 });

const numberOf = (orderId: string) => orderId.replace(/-/g, "").slice(0, 8).toUpperCase();
/** A J&T resi no other run has used: JP and 10 digits (the checkout's default service is J&T EZ). */
const jntResi = () => `JP${String(Date.now()).slice(-10)}`;

/** The payment's whole amount back, through the console's refund form (the only place money goes back). */
async function refundInFull(merchant: Page) {
  const form = merchant.getByRole("form", { name: /^Refund / });
  const left = (await merchant.getByTestId("refundable").textContent())!.match(/Rp\s?([\d.]+)/)![1]!;
  await form.getByLabel("Amount to refund (Rp)").fill(left);
  await form.getByLabel("Reason").fill("Out of stock at the warehouse");
  await form.getByRole("button", { name: "Review refund" }).click();
  await form.getByRole("button", { name: /^Yes, refund / }).click();
  await expect(merchant.getByTestId("console-order-status")).toHaveText("Refunded");
}

async function voidPayment(merchant: Page) {
  const form = merchant.getByRole("form", { name: /^Void / });
  await form.getByLabel("Reason").fill("Ordered twice by mistake");
  await form.getByRole("button", { name: "Review void" }).click();
  await form.getByRole("button", { name: /^Yes, void / }).click();
  await expect(merchant.getByTestId("console-order-status")).toHaveText("Voided");
}

async function expectAccessible(page: Page, name: string) {
  await page.waitForLoadState("load");
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${name}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("the merchant takes a paid order to delivered with a valid resi and prints its slip; the customer sees each step and gets two emails once", async ({ page, browser, shop, hostedPage, customer, request }) => {
  const orderId = await paidOrder(page, shop, hostedPage);
  const number = numberOf(orderId);
  const merchant = await merchantPage(browser);
  await merchant.goto(`/console/orders/${orderId}`);

  // The delivery as the customer's order page shows it: recipient, grouped phone, address, service, weight, cost.
  const delivery = merchant.getByTestId("order-delivery");
  for (const text of ["Dewi Anggraini", "+62 812-9999-0000", "Jl. Braga No. 12", "Braga, Sumur Bandung", "Kota Bandung, Jawa Barat 40111", "J&T EZ", "kg"]) {
    await expect(delivery).toContainText(text);
  }
  await expect(merchant.getByTestId("shipping-cost")).toHaveText("Rp 10.000");
  await expect(merchant.getByTestId("console-fulfilment-status")).toHaveText("Not packed yet");

  // The packing slip: one A6 page with the order number as a Code 128 barcode drawn on the server.
  await merchant.getByRole("link", { name: "Print packing slip" }).click();
  await expect(merchant.getByRole("heading", { name: "Packing slips (1)" })).toBeVisible();
  const slip = merchant.getByTestId("packing-slip");
  await expect(slip).toHaveCount(1);
  for (const text of [`Order ${number}`, "Dewi Anggraini", "+62 812-9999-0000", "Kota Bandung, Jawa Barat 40111", "J&T EZ", "Gayo Arabica Coffee 250 g"]) {
    await expect(slip).toContainText(text);
  }
  const barcode = slip.getByRole("img", { name: `Barcode of order number ${number}` });
  await expect(barcode.locator("svg path").first()).toBeAttached();
  expect(await barcode.locator("svg").getAttribute("viewBox")).toMatch(/^0 0 \d+ \d+$/);
  // Printed: the slip alone, without the shop's header or the console's navigation.
  await merchant.emulateMedia({ media: "print" });
  await expect(slip).toBeVisible();
  await expect(merchant.getByRole("navigation", { name: "Console" })).toBeHidden();
  await expect(merchant.getByRole("button", { name: "Print" })).toBeHidden();
  await merchant.emulateMedia({ media: "screen" });

  await merchant.goto(`/console/orders/${orderId}`);
  await merchant.getByRole("button", { name: "Mark packed" }).click();
  await expect(merchant.getByTestId("console-fulfilment-status")).toHaveText("Packed");

  // A JNE number for a J&T parcel is refused, the field named and the typed value kept.
  const ship = merchant.getByRole("form", { name: `Ship order ${number}` });
  await expect(ship.getByLabel("Courier")).toHaveValue("jnt"); // the courier of the service the customer chose
  await ship.getByLabel("Tracking number (resi)").fill("CGK1234567890");
  await ship.getByRole("button", { name: "Mark shipped" }).click();
  await expect(ship.getByText("This is not a J&T Express tracking number: J&T Express numbers look like JP1234567890.")).toBeVisible();
  await expect(ship.getByLabel("Tracking number (resi)")).toHaveValue("CGK1234567890");
  await expect(merchant.getByTestId("console-fulfilment-status")).toHaveText("Packed");

  const resi = jntResi();
  await ship.getByLabel("Tracking number (resi)").fill(resi);
  await ship.getByRole("button", { name: "Mark shipped" }).click();
  await expect(merchant.getByTestId("console-fulfilment-status")).toHaveText("Shipped");
  await expect(merchant.getByTestId("console-shipment")).toContainText(`J&T Express · resi ${resi}`);

  await page.goto(`/orders/${orderId}`);
  await expect(page.getByTestId("timeline-paid")).toHaveAttribute("data-done", "true");
  await expect(page.getByTestId("timeline-packed")).toHaveAttribute("data-done", "true");
  await expect(page.getByTestId("timeline-shipped")).toHaveAttribute("data-done", "true");
  await expect(page.getByTestId("timeline-delivered")).toHaveAttribute("data-done", "false");
  await expect(page.getByTestId("timeline-shipment")).toContainText(`J&T Express, tracking number (resi) ${resi}`);
  await expect(page.getByRole("link", { name: /Track the parcel at J&T Express/ })).toHaveAttribute("href", `https://jet.co.id/track?awb=${resi}`);

  await merchant.getByRole("button", { name: "Mark delivered" }).click();
  await expect(merchant.getByTestId("console-fulfilment-status")).toHaveText("Delivered");
  await expect(merchant.getByTestId("fulfilment-history").getByRole("listitem")).toHaveCount(4); // packed, refused resi, shipped, delivered
  await expect(merchant.getByTestId("fulfilment-history")).toContainText("merchant@example.com");

  await page.reload();
  await expect(page.getByTestId("timeline-delivered")).toHaveAttribute("data-done", "true");
  await expect(page.getByTestId("timeline-delivered")).toHaveAttribute("aria-current", "step");
  await page.goto("/account/orders");
  await expect(page.getByTestId("order-row").filter({ hasText: number }).getByTestId("order-row-fulfilment")).toHaveText("Delivered");

  // The confirmation, "on its way" with the resi, and "delivered": three emails, each once.
  const emails = await waitForEmails(request, customer.email, 3, 60_000);
  const subjects = emails.map((email) => email.subject).sort();
  expect(subjects).toEqual([`Order ${number} has been delivered`, `Order ${number} is on its way`, `Order ${number} is paid. Thank you!`].sort());
  const shipped = emails.find((email) => email.subject === `Order ${number} is on its way`)!;
  expect(shipped.text).toContain(resi);
  expect(shipped.html).toContain(`https://jet.co.id/track?awb=${resi}`);
  // Another round of the workers sends nothing more (the outbox holds one row per order and kind).
  await page.waitForTimeout(5_000);
  expect(await emailsTo(request, customer.email)).toHaveLength(3);
  await merchant.context().close();
});

test("refunds, voids and fulfilment agree: an unshipped order given back in full is not shipped, a shipped one stays shipped", async ({ page, browser, shop, hostedPage }) => {
  const packedId = await paidOrder(page, shop, hostedPage, "teh-melati-premium");
  const merchant = await merchantPage(browser);
  await merchant.goto(`/console/orders/${packedId}`);
  await merchant.getByRole("button", { name: "Mark packed" }).click();
  await expect(merchant.getByTestId("console-fulfilment-status")).toHaveText("Packed");
  await voidPayment(merchant);
  await expect(merchant.getByTestId("console-fulfilment-status")).toHaveText("Shipment cancelled");
  await expect(merchant.getByText("The payment went back in full, so this order is not shipped.")).toBeVisible();
  await expect(merchant.getByRole("form", { name: /^Ship order/ })).toHaveCount(0);
  await page.goto(`/orders/${packedId}`);
  await expect(page.getByTestId("timeline-cancelled")).toContainText("nothing will be sent");
  await expect(page.getByTestId("timeline-shipped")).toHaveCount(0);

  const shippedId = await paidOrder(page, shop, hostedPage, "sambal-bawang");
  await merchant.goto(`/console/orders/${shippedId}`);
  await merchant.getByRole("button", { name: "Mark packed" }).click();
  const ship = merchant.getByRole("form", { name: `Ship order ${numberOf(shippedId)}` });
  await ship.getByLabel("Tracking number (resi)").fill(jntResi());
  await ship.getByRole("button", { name: "Mark shipped" }).click();
  await expect(merchant.getByTestId("console-fulfilment-status")).toHaveText("Shipped");
  await refundInFull(merchant);
  await expect(merchant.getByTestId("console-fulfilment-status")).toHaveText("Shipped");
  // The parcel is on its way: its end is still recorded.
  await expect(merchant.getByRole("button", { name: "Mark delivered" })).toBeVisible();
  await page.goto(`/orders/${shippedId}`);
  await expect(page.getByTestId("timeline-shipped")).toHaveAttribute("data-done", "true");
  await expect(page.getByTestId("timeline-cancelled")).toHaveCount(0);

  // The list's work queue: the shipped and the voided orders are not in "everything to ship".
  await merchant.goto("/console/orders?fulfilment=to_ship");
  for (const id of [packedId, shippedId]) await expect(merchant.getByRole("link", { name: numberOf(id), exact: true })).toHaveCount(0);
  await merchant.context().close();
});

test("bulk: the merchant marks selected orders packed and prints their slips; the list filters by fulfilment", async ({ page, browser, shop, hostedPage, customer }) => {
  const first = await paidOrder(page, shop, hostedPage, "gula-aren-organik");
  const second = await paidOrder(page, shop, hostedPage, "cokelat-bali-70");
  const merchant = await merchantPage(browser);
  await merchant.goto(`/console/orders?q=${encodeURIComponent(customer.email)}&fulfilment=to_ship`);
  await expect(merchant.getByTestId("console-order-row")).toHaveCount(2);
  await expect(merchant.getByTestId("console-row-fulfilment")).toHaveText(["Not packed yet", "Not packed yet"]);

  await merchant.getByRole("button", { name: "Mark selected packed" }).click();
  await expect(merchant.getByRole("alert").filter({ hasText: "Select at least one order first." })).toBeVisible();

  await merchant.getByLabel("Select every order on this page").check();
  await merchant.getByRole("button", { name: "Mark selected packed" }).click();
  await expect(merchant.getByRole("status").filter({ hasText: "2 orders marked packed." })).toBeVisible();
  await merchant.reload();
  await expect(merchant.getByTestId("console-row-fulfilment")).toHaveText(["Packed", "Packed"]);
  await merchant.goto(`/console/orders?q=${encodeURIComponent(customer.email)}&fulfilment=packed`);
  await expect(merchant.getByTestId("console-order-row")).toHaveCount(2);
  await merchant.goto(`/console/orders?q=${encodeURIComponent(customer.email)}&fulfilment=shipped`);
  await expect(merchant.getByTestId("console-order-row")).toHaveCount(0);

  await merchant.goto(`/console/orders?q=${encodeURIComponent(customer.email)}`);
  await merchant.getByLabel(`Select order ${numberOf(first)}`).check();
  await merchant.getByLabel(`Select order ${numberOf(second)}`).check();
  await merchant.getByRole("button", { name: "Print slips of selected" }).click();
  await expect(merchant.getByRole("heading", { name: "Packing slips (2)" })).toBeVisible();
  await expect(merchant.getByTestId("slip-barcode")).toHaveCount(2);

  // A wrong value in the address is named, and the list is shown without it.
  await merchant.goto("/console/orders?fulfilment=lost");
  await expect(merchant.getByText("Choose a fulfilment state from the list.").first()).toBeVisible();
  await merchant.context().close();
});

test("fulfilment pages: no serious or critical accessibility violations, in English and Bahasa Indonesia, also at 390 px", async ({ page, browser, shop, hostedPage }) => {
  test.setTimeout(300_000);
  const orderId = await paidOrder(page, shop, hostedPage, "lampu-bambu");
  const english = await merchantPage(browser);
  await english.goto(`/console/orders/${orderId}`);
  await english.getByRole("button", { name: "Mark packed" }).click();
  await english.getByRole("form", { name: /^Ship order/ }).getByLabel("Tracking number (resi)").fill(jntResi());
  await english.getByRole("button", { name: "Mark shipped" }).click();
  await expect(english.getByTestId("console-fulfilment-status")).toHaveText("Shipped");
  await english.context().close();

  const paths = [`/console/orders/${orderId}`, `/console/orders/slips?id=${orderId}`, "/console/orders?fulfilment=late"];
  for (const locale of ["en-US", "id-ID"]) {
    const merchant = await merchantPageIn(browser, locale);
    for (const width of [1280, 390]) {
      await merchant.setViewportSize({ width, height: 900 });
      for (const path of paths) {
        await merchant.goto(path);
        await expectAccessible(merchant, `${locale} ${path} @${width}`);
      }
    }
    await merchant.context().close();
  }
  // The customer's session in a browser asking for each language (without the language cookie of sign-up).
  const session = await page.context().storageState();
  for (const [locale, lang] of [["en-US", "en"], ["id-ID", "id"]] as const) {
    const context = await browser.newContext({ locale, storageState: { ...session, cookies: session.cookies.filter((c) => c.name !== LOCALE_COOKIE) } });
    const customerPage = await context.newPage();
    await customerPage.goto(`/orders/${orderId}`);
    await expect(customerPage.getByTestId("order-timeline")).toBeVisible();
    await expect(customerPage.locator("html")).toHaveAttribute("lang", lang);
    await expectAccessible(customerPage, `${locale} order page`);
    await customerPage.goto("/account/orders");
    await expectAccessible(customerPage, `${locale} order list`);
    await context.close();
  }
});
