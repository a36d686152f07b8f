import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test, withNewCustomer } from "../support/fixtures";
import { actionRedirect, actionResult, callAction } from "../hardening/support/actions";
import { findOrderByEmail, merchantPage, paidOrder } from "./support";

withNewCustomer();
// Each test buys through the hosted page and then works in a second browser as the merchant: allow for a busy machine.
test.describe.configure({ timeout: 180_000 });

async function refund(merchant: Page, amount: string) {
  const form = merchant.getByRole("form", { name: /^Refund / });
  await form.getByLabel("Amount to refund (Rp)").fill(amount);
  await form.getByRole("button", { name: "Refund" }).click();
}

test("the merchant finds a paid order by the customer's email, refunds part, then the rest; console and customer see it", async ({ page, browser, shop, hostedPage, customer, sandbox }) => {
  const orderId = await paidOrder(page, shop, hostedPage);
  const merchant = await merchantPage(browser);
  await findOrderByEmail(merchant, customer.email, orderId);
  await expect(merchant.getByTestId("console-order-status")).toHaveText("Paid");
  await expect(merchant.getByTestId("refundable")).toHaveText("Rp 105.000 can still be refunded.");

  // More than was paid (Rp 95.000 and Rp 10.000 delivery) is refused with the amount named, and nothing is sent to Finpay.
  await refund(merchant, "105.001");
  await expect(merchant.getByText("Only Rp 105.000 is left to refund on this payment.").first()).toBeVisible();
  await expect(merchant.getByLabel("Amount to refund (Rp)")).toHaveValue("105.001");

  await refund(merchant, "30.000");
  await expect(merchant.getByRole("status").filter({ hasText: "Rp 30.000 was refunded." })).toBeVisible();
  await expect(merchant.getByTestId("console-order-status")).toHaveText("Partly refunded");
  await expect(merchant.getByTestId("refundable")).toHaveText("Rp 75.000 can still be refunded.");
  await page.reload();
  await expect(page.getByTestId("order-status")).toHaveText("Partly refunded");
  await expect(page.getByTestId("refund-notice")).toContainText("Rp 30.000 of Rp 105.000 has been refunded.");

  await refund(merchant, "75000");
  await expect(merchant.getByTestId("money-back-done")).toHaveText("Refunded in full: Rp 105.000 went back to the customer.");
  await expect(merchant.getByTestId("console-order-status")).toHaveText("Refunded");
  await expect(merchant.getByTestId("refundable")).toHaveCount(0);
  await expect(merchant.getByTestId("refund-list").getByRole("listitem")).toHaveCount(2);
  // The audit trail: the refused attempt and both refunds, each by the merchant.
  await expect(merchant.getByTestId("audit-list").getByRole("listitem")).toHaveCount(3);
  await expect(merchant.getByTestId("audit-list")).toContainText("merchant@example.com");

  await page.reload();
  await expect(page.getByTestId("order-status")).toHaveText("Refunded");
  await expect(page.getByTestId("refund-notice")).toContainText("Refunded in full: Rp 105.000.");
  const finpayOrderId = (await merchant.getByTestId("console-attempt").locator("code").first().textContent())!;
  expect(await sandbox.order(finpayOrderId)).toMatchObject({ status: "REFUNDED" });
  await merchant.context().close();
});

test("a void of an unsettled payment cancels it in full; after settlement Finpay refuses and says to refund", async ({ page, browser, shop, hostedPage, customer, sandbox }) => {
  const orderId = await paidOrder(page, shop, hostedPage, "teh-melati-premium");
  const merchant = await merchantPage(browser);
  await findOrderByEmail(merchant, customer.email, orderId);
  await merchant.getByRole("button", { name: "Void payment" }).click();
  await expect(merchant.getByTestId("money-back-done")).toHaveText("Voided: the Rp 55.000 payment was cancelled before settlement.");
  await expect(merchant.getByTestId("console-order-status")).toHaveText("Voided");
  await expect(merchant.getByRole("button", { name: "Void payment" })).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId("order-status")).toHaveText("Voided");
  await expect(page.getByTestId("refund-notice")).toContainText("was voided");

  // A second order, settled at Finpay before the merchant tries to void it.
  const settledId = await paidOrder(page, shop, hostedPage, "sambal-bawang");
  await merchant.goto(`/console/orders/${settledId}`);
  const finpayOrderId = (await merchant.getByTestId("console-attempt").locator("code").first().textContent())!;
  await sandbox.settle(finpayOrderId);
  await merchant.getByRole("button", { name: "Void payment" }).click();
  const refusal = merchant.getByRole("alert").filter({ hasText: "can no longer void" });
  await expect(refusal).toHaveText("Finpay can no longer void this payment: it has already been settled (paid out to the shop). Refund it instead.");

  await expect(merchant.getByTestId("console-order-status")).toHaveText("Paid");
  await merchant.context().close();
});

test("a customer is refused every console page and action; a signed-out visitor is sent to sign-in", async ({ page, browser, shop, hostedPage, sandbox }) => {
  const orderId = await paidOrder(page, shop, hostedPage, "gula-aren-organik");
  const merchant = await merchantPage(browser);
  await merchant.goto(`/console/orders/${orderId}`);
  const attemptId = await merchant.getByRole("form", { name: /^Refund / }).locator('input[name="attemptId"]').inputValue();
  const finpayOrderId = (await merchant.getByTestId("console-attempt").locator("code").first().textContent())!;
  await merchant.context().close();

  const pages = ["/console", "/console/orders", "/console/orders?status=paid", `/console/orders/${orderId}`, "/console/callbacks"];
  for (const path of pages) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }
  const csv = await page.request.get("/console/orders/export", { maxRedirects: 0 });
  expect(csv.status()).toBe(404);
  expect(await csv.text()).not.toContain("order_number");

  const actions = [
    { name: "refundAction", fields: { orderId, attemptId, amount: "1000", reason: "" } },
    { name: "voidAction", fields: { orderId, attemptId, reason: "" } },
  ] as const;
  for (const { name, fields } of actions) {
    const response = await callAction(page.request, name, { path: `/console/orders/${orderId}`, fields });
    expect(response.status(), name).toBe(404);
    expect((await actionResult(response))?.status, name).not.toBe("success");
  }

  // Signed out: pages go to sign-in with the way back; the export and the actions too.
  const anonymous = await browser.newContext();
  const visitor = await anonymous.newPage();
  for (const path of pages) {
    await visitor.goto(path);
    await expect(visitor, path).toHaveURL(/\/sign-in\?callbackUrl=%2Fconsole/);
  }
  const anonymousCsv = await anonymous.request.get("/console/orders/export", { maxRedirects: 0 });
  expect(anonymousCsv.status()).toBe(303);
  expect(anonymousCsv.headers().location).toContain("/sign-in?callbackUrl=%2Fconsole%2Forders");
  for (const { name, fields } of actions) {
    const response = await callAction(anonymous.request, name, { path: `/console/orders/${orderId}`, fields });
    expect(actionRedirect(response), name).toContain("/sign-in");
  }
  await anonymous.close();

  // Nothing happened: the order is paid here and at Finpay, nothing was refunded.
  await page.goto(`/orders/${orderId}`);
  await expect(page.getByTestId("order-status")).toHaveText("Paid");
  expect(await sandbox.order(finpayOrderId)).toMatchObject({ status: "CAPTURED", refundedAmount: 0 });
});

test("the CSV export of a filtered list has exactly the filtered rows", async ({ page, browser, shop, hostedPage, customer }) => {
  const paidId = await paidOrder(page, shop, hostedPage, "cokelat-bali-70");
  // A second order of the same customer, declined: the status filter must leave it out.
  await shop.addToCart("sabun-sereh-wangi");
  await shop.gotoCheckout();
  await shop.payWithNewCard();
  await hostedPage.pay("4000000000000002");
  await expect(page.getByTestId("order-status")).toHaveText("Payment failed");

  const merchant = await merchantPage(browser);
  await merchant.goto(`/console/orders?q=${encodeURIComponent(customer.email)}&status=paid`);
  await expect(merchant.getByTestId("console-order-row")).toHaveCount(1);
  const downloadPromise = merchant.waitForEvent("download");
  await merchant.getByRole("link", { name: "Export CSV" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^orders-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = (await (await download.createReadStream()).toArray()).map(String).join("");
  const lines = text.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
  expect(lines[0]).toBe("order_number,order_id,created_at,status,total_idr,refunded_idr,customer_email,customer_name,payment_method,finpay_order_id");
  expect(lines).toHaveLength(2);
  const cells = lines[1]!.split(",");
  expect(cells.slice(0, 2)).toEqual([paidId.replace(/-/g, "").slice(0, 8).toUpperCase(), paidId]);
  expect(cells[3]).toBe("paid");
  expect(cells[4]).toBe("65000"); // Rp 55.000 of chocolate and Rp 10.000 delivery
  expect(cells[6]).toBe(customer.email);
  expect(cells[8]).toBe("basic");

  // Without the status filter both orders are there.
  const all = await merchant.request.get(`/console/orders/export?q=${encodeURIComponent(customer.email)}`);
  expect((await all.text()).trimEnd().split("\r\n")).toHaveLength(3);
  await merchant.context().close();
});

test("console pages: no serious or critical accessibility violations (also at 390 px)", async ({ page, browser, shop, hostedPage }) => {
  test.setTimeout(300_000); // ten axe runs after a purchase, on a shared machine
  const orderId = await paidOrder(page, shop, hostedPage, "lampu-bambu");
  const merchant = await merchantPage(browser);
  for (const width of [1280, 390]) {
    await merchant.setViewportSize({ width, height: 900 });
    for (const path of ["/console", "/console/orders", `/console/orders/${orderId}`, "/console/callbacks", "/console/orders?status=nope&from=2026-13-01"]) {
      await merchant.goto(path);
      const results = await new AxeBuilder({ page: merchant }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(serious.map((v) => `${path} @${width}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    }
  }
  // The chart is there and fits the phone's width.
  await merchant.goto("/console");
  const box = await merchant.getByTestId("revenue-chart").boundingBox();
  expect(box!.width).toBeLessThanOrEqual(390);
  await merchant.context().close();
});
