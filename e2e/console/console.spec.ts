import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test, withNewCustomer } from "../support/fixtures";
import { actionResult, callAction } from "../hardening/support/actions";
import { findOrderByEmail, merchantPage, paidOrder } from "./support";
import { formatIdr } from "@/lib/money";

withNewCustomer();
// Each test buys through the hosted page and then works in a second browser as the merchant: allow for a busy machine.
test.describe.configure({ timeout: 180_000 });

const REASON = "Customer returned the goods";

/** Types an amount and a reason and asks for the review: nothing moves yet. */
async function reviewRefund(merchant: Page, amount: string, reason = REASON) {
  const form = merchant.getByRole("form", { name: /^Refund / });
  await form.getByLabel("Amount to refund (Rp)").fill(amount);
  await form.getByLabel("Reason").fill(reason);
  await form.getByRole("button", { name: "Review refund" }).click();
}

/** The confirmation step: the question with the amount as the server read it, then the button that moves money. */
async function confirmRefund(merchant: Page, orderId: string, amount: string) {
  const form = merchant.getByRole("form", { name: /^Refund / });
  await expect(form.getByTestId("money-back-question")).toHaveText(`Refund ${amount} for order ${orderNumber(orderId)}?`);
  await expect(form.getByTestId("money-back-question")).toBeFocused();
  await form.getByRole("button", { name: `Yes, refund ${amount}` }).click();
}

const orderNumber = (orderId: string) => orderId.replace(/-/g, "").slice(0, 8).toUpperCase();

test("the merchant finds a paid order by the customer's email, refunds part, then the rest; console and customer see it", async ({ page, browser, shop, hostedPage, customer, sandbox }) => {
  const orderId = await paidOrder(page, shop, hostedPage);
  const merchant = await merchantPage(browser);
  await findOrderByEmail(merchant, customer.email, orderId);
  await expect(merchant.getByTestId("console-order-status")).toHaveText("Paid");
  await expect(merchant.getByTestId("refundable")).toHaveText("Rp 105.000 can still be refunded.");
  const refundForm = merchant.getByRole("form", { name: /^Refund / });
  const amountField = refundForm.getByLabel("Amount to refund (Rp)");

  // More than was paid (Rp 95.000 and Rp 10.000 delivery) is refused with the amount named before any question.
  await reviewRefund(merchant, "105.001");
  await expect(merchant.getByText("Only Rp 105.000 is left to refund on this payment.").first()).toBeVisible();
  await expect(amountField).toHaveValue("105.001");
  await expect(merchant.getByTestId("money-back-question")).toHaveCount(0);

  // The review can be taken back: "Change", or typing in the form, returns to the first step.
  await reviewRefund(merchant, "Rp 3.000");
  await expect(merchant.getByTestId("money-back-question")).toHaveText(`Refund Rp 3.000 for order ${orderNumber(orderId)}?`);
  await refundForm.getByRole("button", { name: "Change" }).click();
  await expect(merchant.getByTestId("money-back-question")).toHaveCount(0);
  await expect(amountField).toHaveValue("Rp 3.000");
  await expect(refundForm.getByLabel("Reason")).toHaveValue(REASON);
  // Typing in the form while the question is shown takes it back too: the confirmation is for what was reviewed.
  await refundForm.getByRole("button", { name: "Review refund" }).click();
  await expect(merchant.getByTestId("money-back-question")).toBeVisible();
  await amountField.fill("4.000");
  await expect(merchant.getByTestId("money-back-question")).toHaveCount(0);

  await reviewRefund(merchant, "30.000");
  await confirmRefund(merchant, orderId, "Rp 30.000");
  await expect(merchant.getByRole("status").filter({ hasText: "Rp 30.000 was refunded." })).toBeVisible();
  await expect(merchant.getByTestId("console-order-status")).toHaveText("Partly refunded");
  await expect(merchant.getByTestId("refundable")).toHaveText("Rp 75.000 can still be refunded.");
  await expect(merchant.getByTestId("refund-list")).toContainText(`“${REASON}”`);
  await page.reload();
  await expect(page.getByTestId("order-status")).toHaveText("Partly refunded");
  await expect(page.getByTestId("refund-notice")).toContainText("Rp 30.000 of Rp 105.000 has been refunded.");

  await reviewRefund(merchant, "75,000", "Out of stock");
  await confirmRefund(merchant, orderId, "Rp 75.000");
  await expect(merchant.getByTestId("money-back-done")).toHaveText("Refunded in full: Rp 105.000 went back to the customer.");
  await expect(merchant.getByTestId("console-order-status")).toHaveText("Refunded");
  await expect(merchant.getByTestId("refundable")).toHaveCount(0);
  await expect(merchant.getByTestId("refund-list").getByRole("listitem")).toHaveCount(2);
  await expect(merchant.getByTestId("refund-list")).toContainText("“Out of stock”");
  // The audit trail: both refunds, each by the merchant (the refusals above were caught before any request).
  await expect(merchant.getByTestId("audit-list").getByRole("listitem")).toHaveCount(2);
  await expect(merchant.getByTestId("audit-list")).toContainText("merchant@example.com");

  await page.reload();
  await expect(page.getByTestId("order-status")).toHaveText("Refunded");
  await expect(page.getByTestId("refund-notice")).toContainText("Refunded in full: Rp 105.000.");
  const finpayOrderId = (await merchant.getByTestId("console-attempt").locator("code").first().textContent())!;
  expect(await sandbox.order(finpayOrderId)).toMatchObject({ status: "REFUNDED" });
  await merchant.context().close();
});

test("a decimal amount is refused, never read as thousands; no refund moves without the confirmed amount", async ({ page, browser, shop, hostedPage, sandbox }) => {
  const orderId = await paidOrder(page, shop, hostedPage, "kopi-gayo-arabika");
  const merchant = await merchantPage(browser);
  await merchant.goto(`/console/orders/${orderId}`);
  const form = merchant.getByRole("form", { name: /^Refund / });
  const attemptId = await form.locator('input[name="attemptId"]').inputValue();
  const finpayOrderId = (await merchant.getByTestId("console-attempt").locator("code").first().textContent())!;

  // "1000.50" once refunded Rp 100.050, "1.5" Rp 15, "0.5" Rp 5. Now each is named as a decimal, an ambiguous
  // grouping as not a form that is read, and the form keeps what was typed. The two messages alternate, so each
  // check waits for its own answer (a second identical message would be there already).
  const decimal = "No decimals: rupiah are refunded whole. Write 100000, 100.000, 100,000 or Rp 100.000.";
  const format = "Write whole rupiah as 100000, 100.000, 100,000 or Rp 100.000.";
  const cases: [string, string][] = [["1000.50", decimal], ["1.0000", format], ["1.5", decimal], ["1.000,000", format], ["0.5", decimal], ["10.00.000", format], ["1.000,50", decimal]];
  for (const [typed, message] of cases) {
    await reviewRefund(merchant, typed);
    await expect(form.getByText(message)).toBeVisible();
    await expect(form.getByLabel("Amount to refund (Rp)")).toHaveValue(typed);
    await expect(form.getByLabel("Reason")).toHaveValue(REASON);
    await expect(form.getByTestId("money-back-question")).toHaveCount(0);
  }

  // By hand: the action answers the first submit with the question only; a confirmation that does not match the
  // amount as read moves nothing; a forged "confirmation" of 100050 for "1000.50" is still a decimal.
  const fields = { orderId, attemptId, reason: "by hand" };
  const first = await actionResult(await callAction(merchant.request, "refundAction", { path: `/console/orders/${orderId}`, fields: { ...fields, amount: "1.000" } }));
  expect(first).toMatchObject({ status: "idle", review: { amountIdr: 1000, question: `Refund ${formatIdr(1_000)} for order ${orderNumber(orderId)}?` /* "Rp" joined by a no-break space */ } });
  const mismatch = await actionResult(await callAction(merchant.request, "refundAction", { path: `/console/orders/${orderId}`, fields: { ...fields, amount: "1.000", confirmAmount: "10000" } }));
  expect(mismatch).toMatchObject({ status: "error", review: { amountIdr: 1000 } });
  const forged = await actionResult(await callAction(merchant.request, "refundAction", { path: `/console/orders/${orderId}`, fields: { ...fields, amount: "1000.50", confirmAmount: "100050" } }));
  expect(forged).toMatchObject({ status: "error", fieldErrors: { amount: expect.stringContaining("No decimals") } });
  // No reason, no money back: the browser asks for one (a required field), the server too.
  const noReason = await actionResult(await callAction(merchant.request, "refundAction", { path: `/console/orders/${orderId}`, fields: { ...fields, reason: " ", amount: "1000" } }));
  expect(noReason).toMatchObject({ status: "error", fieldErrors: { reason: "Say why the money goes back." }, values: { amount: "1000" } });
  const voidFirst = await actionResult(await callAction(merchant.request, "voidAction", { path: `/console/orders/${orderId}`, fields }));
  expect(voidFirst).toMatchObject({ status: "idle", review: { amountIdr: 105_000 } });
  expect(await sandbox.order(finpayOrderId)).toMatchObject({ status: "CAPTURED", refundedAmount: 0 });

  // The same amount, typed the Indonesian way and confirmed: exactly Rp 1.000 goes back.
  await merchant.reload();
  await reviewRefund(merchant, "Rp 1.000");
  await confirmRefund(merchant, orderId, "Rp 1.000");
  await expect(merchant.getByRole("status").filter({ hasText: "Rp 1.000 was refunded." })).toBeVisible();
  expect(await sandbox.order(finpayOrderId)).toMatchObject({ refundedAmount: 1000 });
  await merchant.context().close();
});

test("a void of an unsettled payment cancels it in full; after settlement Finpay refuses and says to refund", async ({ page, browser, shop, hostedPage, customer, sandbox }) => {
  const orderId = await paidOrder(page, shop, hostedPage, "teh-melati-premium");
  const merchant = await merchantPage(browser);
  await findOrderByEmail(merchant, customer.email, orderId);
  const voidForm = merchant.getByRole("form", { name: /^Void / });
  await voidForm.getByLabel("Reason").fill("Ordered twice by mistake");
  await voidForm.getByRole("button", { name: "Review void" }).click();
  await expect(voidForm.getByTestId("money-back-question")).toHaveText(`Void the Rp 55.000 payment for order ${orderNumber(orderId)}? The customer is not charged.`);
  await voidForm.getByRole("button", { name: "Yes, void Rp 55.000" }).click();
  await expect(merchant.getByTestId("money-back-done")).toHaveText("Voided: the Rp 55.000 payment was cancelled before settlement.");
  await expect(merchant.getByTestId("console-order-status")).toHaveText("Voided");
  await expect(merchant.getByRole("button", { name: "Review void" })).toHaveCount(0);
  await expect(merchant.getByTestId("refund-list")).toContainText("“Ordered twice by mistake”");
  await page.reload();
  await expect(page.getByTestId("order-status")).toHaveText("Voided");
  await expect(page.getByTestId("refund-notice")).toContainText("was voided");

  // A second order, settled at Finpay before the merchant tries to void it.
  const settledId = await paidOrder(page, shop, hostedPage, "sambal-bawang");
  await merchant.goto(`/console/orders/${settledId}`);
  const finpayOrderId = (await merchant.getByTestId("console-attempt").locator("code").first().textContent())!;
  await sandbox.settle(finpayOrderId);
  await voidForm.getByLabel("Reason").fill("Customer cancelled");
  await voidForm.getByRole("button", { name: "Review void" }).click();
  await voidForm.getByRole("button", { name: /^Yes, void / }).click();
  const refusal = merchant.getByRole("alert").filter({ hasText: "can no longer void" });
  await expect(refusal).toHaveText("Finpay can no longer void this payment: it has already been settled (paid out to the shop). Refund it instead.");
  await expect(voidForm.getByLabel("Reason")).toHaveValue("Customer cancelled");
  await expect(merchant.getByTestId("console-order-status")).toHaveText("Paid");
  await merchant.context().close();
});

test("a host that does not take the void form the shop sends: the merchant is told nothing was voided and what to set", async ({ page, browser, shop, hostedPage, customer, sandbox }) => {
  const orderId = await paidOrder(page, shop, hostedPage, "kopi-gayo-arabika");
  // The shop sends the documented POST (FINPAY_VOID_FORM's default); this host offers only the GET form.
  await sandbox.setQuirks({ acceptVoid: "get" });
  const merchant = await merchantPage(browser);
  await findOrderByEmail(merchant, customer.email, orderId);
  const voidForm = merchant.getByRole("form", { name: /^Void / });
  await voidForm.getByLabel("Reason").fill("Ordered twice by mistake");
  await voidForm.getByRole("button", { name: "Review void" }).click();
  await voidForm.getByRole("button", { name: /^Yes, void / }).click();
  await expect(merchant.getByRole("alert").filter({ hasText: "does not take a void" })).toHaveText(
    "Finpay's host does not take a void as POST /pg/payment/card/void. Nothing was voided: run npm run finpay:check to see which form it takes, set FINPAY_VOID_FORM to it, and try again.",
  );
  await expect(merchant.getByTestId("console-order-status")).toHaveText("Paid");
  await expect(merchant.getByTestId("audit-list")).toContainText("void form not offered by Finpay");
  const finpayOrderId = (await merchant.getByTestId("console-attempt").locator("code").first().textContent())!;
  expect(await sandbox.order(finpayOrderId)).toMatchObject({ status: "CAPTURED" });
  // With the form the host offers, the same button voids it.
  await sandbox.setQuirks({ acceptVoid: "both" });
  await voidForm.getByRole("button", { name: "Review void" }).click();
  await voidForm.getByRole("button", { name: /^Yes, void / }).click();
  await expect(merchant.getByTestId("console-order-status")).toHaveText("Voided");
  await merchant.context().close();
});

test("the console does not admit it exists: a customer and a signed-out visitor get the shop's own 404, title and all", async ({ page, browser, shop, hostedPage, sandbox }) => {
  const orderId = await paidOrder(page, shop, hostedPage, "gula-aren-organik");
  const merchant = await merchantPage(browser);
  await merchant.goto(`/console/orders/${orderId}`);
  const attemptId = await merchant.getByRole("form", { name: /^Refund / }).locator('input[name="attemptId"]').inputValue();
  const finpayOrderId = (await merchant.getByTestId("console-attempt").locator("code").first().textContent())!;
  await merchant.context().close();

  const anonymous = await browser.newContext({ locale: "en-US" });
  const visitor = await anonymous.newPage();
  // What the shop answers for an address that has never existed: the 404 every console page must look like.
  await page.goto("/no-such-page");
  const genericTitle = await page.title();
  expect(genericTitle).not.toMatch(/Console|Konsol/);

  const pages = ["/console", "/console/orders", "/console/orders?status=paid", "/console/orders?q=%00", `/console/orders/${orderId}`, "/console/callbacks", "/console/no-such-page"];
  for (const who of [page, visitor]) {
    for (const path of pages) {
      const response = await who.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(who.getByRole("heading", { name: "Page not found" })).toBeVisible();
      // The title once read "Callback log · Console · Toko Nusantara"; the page shows nothing of the console.
      await expect(who, path).toHaveTitle(genericTitle);
      await expect(who.getByRole("navigation", { name: "Console" })).toHaveCount(0);
      await expect(who.getByText("Merchant console")).toHaveCount(0);
    }
    const csv = await who.request.get("/console/orders/export?q=%00", { maxRedirects: 0 });
    expect(csv.status()).toBe(404);
    expect(await csv.text()).not.toContain("order_number");
  }

  const actions = [
    { name: "refundAction", fields: { orderId, attemptId, amount: "1000", reason: "x", confirmAmount: "1000" } },
    { name: "voidAction", fields: { orderId, attemptId, reason: "x", confirmAmount: "55000" } },
  ] as const;
  for (const request of [page.request, anonymous.request]) {
    for (const { name, fields } of actions) {
      const response = await callAction(request, name, { path: `/console/orders/${orderId}`, fields });
      expect(response.status(), name).toBe(404);
      expect((await actionResult(response))?.status, name).not.toBe("success");
    }
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
  // Named by the Jakarta date and minute it was made.
  expect(download.suggestedFilename()).toMatch(/^orders-\d{4}-\d{2}-\d{2}-\d{4}-WIB\.csv$/);
  const text = (await (await download.createReadStream()).toArray()).map(String).join("");
  const lines = text.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
  expect(lines[0]).toBe(
    "order_number,order_id,created_at,status,total_idr,refunded_idr,customer_email,customer_name,payment_method,finpay_order_id," +
      "paid_at,fulfilment_status,courier,resi,shipped_at,delivered_at,delivery_service," +
      "recipient_name,recipient_phone,address_street,address_district,address_city,address_province,address_postal_code",
  );
  expect(lines).toHaveLength(2);
  const cells = lines[1]!.split(",");
  expect(cells.slice(0, 2)).toEqual([paidId.replace(/-/g, "").slice(0, 8).toUpperCase(), paidId]);
  expect(cells[3]).toBe("paid");
  expect(cells[4]).toBe("65000"); // Rp 55.000 of chocolate and Rp 10.000 delivery
  expect(cells[6]).toBe(customer.email);
  expect(cells[8]).toBe("basic");
  // Times in Jakarta time, with the offset; fulfilment and delivery from the order.
  expect(cells[2]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
  expect(cells[10]).toMatch(/\+07:00$/);
  expect(cells.slice(11, 14)).toEqual(["unfulfilled", "", ""]);
  // The phone keeps the spreadsheet guard of every text starting with "+" (lib/console/csv.ts).
  expect(lines[1]).toContain(`,J&T EZ,Dewi Anggraini,'+6281299990000,Jl. Braga No. 12,"Braga, Sumur Bandung",Kota Bandung,Jawa Barat,40111`);

  // Without the status filter both orders are there.
  const all = await merchant.request.get(`/console/orders/export?q=${encodeURIComponent(customer.email)}`);
  expect((await all.text()).trimEnd().split("\r\n")).toHaveLength(3);

  // Every parameter is checked before the first byte: a NUL once answered 200 and cut the file mid-stream.
  const refused: [string, Record<string, string>][] = [
    ["q=%00", { q: "searchInvalid" }],
    [`q=${"x".repeat(101)}`, { q: "searchTooLong" }],
    ["q=a%01b&from=0000-01-01", { q: "searchInvalid", from: "dateOutOfRange" }],
    ["status=paid&stauts=paid", { stauts: "unknownParameter" }],
    ["status=paid&status=failed", { status: "repeatedParameter" }],
    ["to=2026-02-30", { to: "dateInvalid" }],
  ];
  for (const [query, fields] of refused) {
    const response = await merchant.request.get(`/console/orders/export?${query}`);
    expect([query, response.status(), response.headers()["content-type"]]).toEqual([query, 400, "application/json"]);
    expect(await response.json()).toEqual({ error: "Invalid export parameters", fields });
  }
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
