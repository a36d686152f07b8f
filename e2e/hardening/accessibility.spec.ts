import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "../support/fixtures";
import { signUpLinkSentTo } from "../support/mail";
import { SANDBOX_URL, control, finpayOrderIdOf, payOnHostedPage } from "../support/sandbox";
import { APPROVED_CARD, DECLINED_CARD, addToCart, customerWithSavedCard, newCustomer, openHostedPage, orderStatus } from "./support/shop";

/**
 * axe-core on every page a customer can reach, in the states that matter (empty and filled, with errors shown),
 * the sandbox's hosted card pages included: no serious or critical violation of WCAG 2.1 A/AA. Then one whole
 * purchase with the keyboard alone.
 */

// Each test audits many pages (axe takes seconds a page on a busy two-core machine) or walks a whole purchase.
test.describe.configure({ timeout: 180_000 });

// Sandbox faults are cleared before and after every test by the automatic `sandbox` fixture (e2e/support/fixtures.ts).

type Finding = { page: string; rule: string; impact: string | null | undefined; help: string; nodes: string[] };

/** Runs axe on the page as it is now and keeps what is serious or critical; the test asserts once at the end. */
function axeAudit() {
  const findings: Finding[] = [];
  const audited: string[] = [];
  return {
    findings,
    audited,
    async check(page: Page, name: string) {
      await page.waitForLoadState("load");
      // Audit the settled page: a button re-enabled a moment ago is still fading back to its full colour.
      await page.waitForFunction(() => document.getAnimations().every((a) => !(a instanceof CSSTransition) || a.playState !== "running"));
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      audited.push(name);
      for (const violation of results.violations) {
        if (violation.impact !== "serious" && violation.impact !== "critical") continue;
        findings.push({ page: name, rule: violation.id, impact: violation.impact, help: violation.help, nodes: violation.nodes.map((n) => n.target.join(" ")).slice(0, 5) });
      }
    },
  };
}

test("storefront pages: no serious or critical accessibility violations", async ({ page, request }) => {
  const axe = axeAudit();
  await page.goto("/");
  await axe.check(page, "catalog");
  await page.goto("/products/kopi-gayo-arabika");
  await axe.check(page, "product");
  await page.getByLabel("Quantity", { exact: true }).fill("100");
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Quantity" })).toBeVisible();
  await axe.check(page, "product with an error");
  await page.goto("/cart");
  await axe.check(page, "empty cart");
  await page.goto("/sign-in");
  await axe.check(page, "sign-in");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Please correct" })).toBeVisible();
  await axe.check(page, "sign-in with errors");
  await page.goto("/sign-up");
  await axe.check(page, "sign-up");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Please correct" })).toBeVisible();
  await axe.check(page, "sign-up with errors");
  await page.goto("/no-such-page");
  await axe.check(page, "not found");

  const owner = await customerWithSavedCard(page, request);
  await page.goto("/account");
  await axe.check(page, "profile");
  await page.goto("/account/cards");
  await axe.check(page, "saved cards");
  await page.goto(`/orders/${owner.paidOrderId}`);
  await page.getByText("Payment inspector").click();
  await axe.check(page, "order detail, paid, inspector open");
  await addToCart(page, "kerupuk-udang-sidoarjo");
  await page.goto("/cart");
  await axe.check(page, "cart");
  await page.goto("/checkout");
  await axe.check(page, "checkout with a saved card");
  const pending = await openHostedPage(page, request);
  await page.goto(`/orders/${pending.orderId}`);
  await expect(orderStatus(page)).toHaveText("Awaiting payment");
  await axe.check(page, "order detail, awaiting payment");
  await page.getByRole("button", { name: "Cancel payment" }).click();
  await expect(orderStatus(page)).toHaveText("Cancelled");
  await axe.check(page, "order detail, cancelled, pay again");
  await page.goto("/account/orders");
  await axe.check(page, "order list");

  expect(axe.audited).toHaveLength(17);
  expect(axe.findings).toEqual([]);
});

test("the sandbox's hosted pages: no serious or critical accessibility violations", async ({ page, request }) => {
  const axe = axeAudit();
  await newCustomer(page, "aksesibel");
  await addToCart(page, "sambal-bawang");
  await page.goto("/checkout");
  await page.getByLabel("Save this card for next time").check();
  await page.getByRole("button", { name: "Pay with a new card" }).click();
  await expect(page.getByRole("heading", { name: "Pay by card" })).toBeVisible();
  await axe.check(page, "card page");
  await page.getByLabel("Card number").fill("1234");
  await page.getByRole("button", { name: /^Pay Rp/ }).click();
  await expect(page.getByRole("alert").first()).toBeVisible();
  await axe.check(page, "card page with errors");
  await page.getByLabel("Card number").fill("4000000000003220"); // 3-D Secure challenge card
  await page.getByLabel("Expiry date (MM/YY)").fill("12/39");
  await page.getByLabel("CVV").fill("123");
  await page.getByLabel("Name on card").fill("Dewi Anggraini");
  await page.getByRole("button", { name: /^Pay Rp/ }).click();
  await expect(page.getByLabel("One-time code")).toBeVisible();
  await axe.check(page, "3-D Secure page");
  const challengeUrl = page.url();
  await page.getByLabel("One-time code").fill("123456");
  await page.getByRole("button", { name: "Verify and pay" }).click();
  await expect(orderStatus(page)).toHaveText("Paid");
  await page.goto(challengeUrl.replace(/\/3ds$/, ""));
  await axe.check(page, "link already paid");
  // The worker fetches the card Finpay stored a moment after the payment (its next poll); the cards page refreshes
  // until it is there. Checkout offers it from then on.
  await page.goto("/account/cards");
  await expect(page.getByTestId("saved-card")).toContainText("Visa •••• 3220");

  await addToCart(page, "teh-melati-premium");
  await page.goto("/checkout");
  await page.getByRole("button", { name: /^Pay with Visa •••• 3220/ }).click();
  await expect(page.getByRole("heading", { name: "Pay with your saved card" })).toBeVisible();
  await axe.check(page, "saved card (CVV) page");
  const finpayOrderId = await finpayOrderIdOf(request, page);
  await control(request, `/orders/${finpayOrderId}/expire`);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Payment link expired" })).toBeVisible();
  await axe.check(page, "expired link");

  // The result page is what a payment without successUrl ends on.
  const initiated = await request.post(`${SANDBOX_URL}/pg/payment/card/initiate`, {
    headers: { authorization: `Basic ${Buffer.from("FINPAY770:SoSecret123").toString("base64")}` },
    data: {
      customer: { id: "a11y", email: "a11y@example.com", firstName: "Siti", lastName: "Rahayu", mobilePhone: "+6281234567890" },
      order: { id: `A11Y-${Date.now()}`, amount: "45000", currency: "IDR", description: "Teh" },
      url: { callbackUrl: `${SANDBOX_URL}/__sandbox/inbox` },
      sourceOfFunds: { type: "cc" },
    },
  });
  await page.goto(((await initiated.json()) as { redirecturl: string }).redirecturl);
  await payOnHostedPage(page, DECLINED_CARD);
  await expect(page.getByRole("heading", { name: "Payment failed" })).toBeVisible();
  await axe.check(page, "result page");

  expect(axe.audited).toHaveLength(7);
  expect(axe.findings).toEqual([]);
});

/** Presses Tab until `target` has the focus (as a keyboard user would), failing if it never gets it. */
async function tabTo(page: Page, target: Locator, maxPresses = 60) {
  for (let presses = 0; presses < maxPresses; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${target}`);
}

async function typeInto(page: Page, target: Locator, text: string) {
  await tabTo(page, target);
  await page.keyboard.type(text);
}

test("a whole purchase by keyboard alone: sign up, add to cart, check out and pay", async ({ page }) => {
  const email = `papan.${Date.now().toString(36)}@example.com`;
  await page.goto("/sign-up");
  await typeInto(page, page.getByLabel("First name"), "Dewi");
  await typeInto(page, page.getByLabel("Last name"), "Anggraini");
  await typeInto(page, page.getByLabel("Email"), email);
  await typeInto(page, page.getByLabel("Mobile phone"), "0812 9999 0000");
  await typeInto(page, page.getByLabel("Password", { exact: true }), "rahasia-123");
  await typeInto(page, page.getByLabel("Confirm password"), "rahasia-123");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Check your inbox" })).toBeVisible();
  // The emailed link, then the password again, by keyboard too.
  await page.goto(await signUpLinkSentTo(page.request, email));
  await typeInto(page, page.getByLabel("Password"), "rahasia-123");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/account\?welcome=1$/);

  await tabTo(page, page.getByRole("link", { name: "Catalog" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Crafted across the archipelago" })).toBeVisible();
  await tabTo(page, page.getByRole("link", { name: /Shallot Sambal 200 g/ }).first());
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Shallot Sambal 200 g" })).toBeVisible();
  await tabTo(page, page.getByLabel("Quantity", { exact: true }));
  await page.keyboard.press("ArrowUp"); // 2
  await tabTo(page, page.getByRole("button", { name: "Add to cart" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toContainText("Your cart now holds 2 items");

  await tabTo(page, page.getByRole("link", { name: /^Cart/ }));
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("cart-total")).toHaveText("Rp 76.000");
  await tabTo(page, page.getByRole("link", { name: "Checkout" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Checkout" })).toBeVisible();
  // A first checkout asks where to deliver: the address is typed in with the keyboard too (the province by typing
  // its name into the focused list, as a keyboard user does).
  const address = page.getByTestId("address-form");
  await typeInto(page, address.getByLabel("Recipient name"), "Dewi Anggraini");
  await typeInto(page, address.getByLabel("Recipient mobile phone"), "0812 9999 0000");
  await typeInto(page, address.getByLabel("Street and number"), "Jl. Braga No. 12");
  await typeInto(page, address.getByLabel("Kelurahan / kecamatan"), "Braga, Sumur Bandung");
  await typeInto(page, address.getByLabel("City / kabupaten"), "Kota Bandung");
  await typeInto(page, address.getByLabel("Province"), "Jawa Barat");
  await expect(address.getByLabel("Province").locator("option:checked")).toHaveText("Jawa Barat");
  await typeInto(page, address.getByLabel("Postal code"), "40111");
  await tabTo(page, address.getByRole("button", { name: "Save and deliver here" }));
  await page.keyboard.press("Enter");
  await tabTo(page, page.getByRole("button", { name: "Pay with a new card" }));
  await page.keyboard.press("Enter");

  await expect(page.getByRole("heading", { name: "Pay by card" })).toBeVisible();
  await typeInto(page, page.getByLabel("Card number"), APPROVED_CARD);
  await typeInto(page, page.getByLabel("Expiry date (MM/YY)"), "12/39");
  await typeInto(page, page.getByLabel("CVV"), "123");
  await typeInto(page, page.getByLabel("Name on card"), "Dewi Anggraini");
  await tabTo(page, page.getByRole("button", { name: "Pay Rp 86.000" })); // 76.000 + J&T EZ to Bandung, 1 kg
  await page.keyboard.press("Enter");

  await expect(orderStatus(page)).toHaveText("Paid");
  await expect(page.getByTestId("cart-count")).toHaveText("0");
  await tabTo(page, page.getByText("Payment inspector"));
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("payment-inspector").getByText("Callback received").first()).toBeVisible();
});
