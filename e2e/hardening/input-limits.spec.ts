import type { Page, Response } from "@playwright/test";
import { expect, test } from "../support/fixtures";
import { uniqueEmail } from "../support/accounts";
import { actionResult, callAction, type ActionName } from "./support/actions";
import { APP_URL, addToCart, newCustomer } from "./support/shop";

/**
 * Over-long and malformed input, typed into every form (with the browser's own limits removed, as a script
 * would) and posted straight to every action: each is refused with a message next to the field, never a 500.
 * And no endpoint reads a body larger than it needs.
 */

const NAME_TOO_LONG = "A".repeat(51);
const EMAIL_TOO_LONG = `${"a".repeat(316)}@x.id`; // 321 characters
const PASSWORD_TOO_LONG = "p".repeat(129);
const HUGE = "x".repeat(60_000); // big, but under the 64 kB body limit: it must reach validation

/** Fails the test on any 5xx the page receives. */
function watchForServerErrors(page: Page): Response[] {
  const errors: Response[] = [];
  page.on("response", (response) => {
    if (response.status() >= 500) errors.push(response);
  });
  return errors;
}

/** Removes the browser-side limits (maxlength, type=email) so that the server's own checks are what is tested. */
async function dropBrowserLimits(page: Page) {
  await page.locator("form input").evaluateAll((inputs: HTMLInputElement[]) => {
    for (const input of inputs) {
      input.removeAttribute("maxlength");
      if (input.type === "email") input.type = "text";
    }
  });
}

/** Fills with a value of any length at once (typing 60 000 characters would be slow). */
async function setValue(page: Page, label: string, value: string) {
  await page.getByLabel(label, { exact: true }).evaluate((input: HTMLInputElement, v) => {
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!;
    setter.call(input, v);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  }, value);
}

async function expectFieldError(page: Page, label: string, message: string) {
  const field = page.getByLabel(label, { exact: true });
  await expect(field, label).toHaveAttribute("aria-invalid", "true");
  const describedBy = (await field.getAttribute("aria-describedby")) ?? "";
  const errorId = describedBy.split(" ").find((id) => id.endsWith("-error"));
  expect(errorId, `${label} points to its error`).toBeTruthy();
  await expect(page.locator(`[id="${errorId}"]`), label).toHaveText(message);
}

test("sign-up: over-long and malformed names, email, phone and password each get a field message", async ({ page }) => {
  const serverErrors = watchForServerErrors(page);
  await page.goto("/sign-up");
  const rounds: Record<string, [string, string]>[] = [
    {
      "First name": [NAME_TOO_LONG, "First name must be at most 50 characters."],
      "Last name": ["<script>alert(1)</script>", "Last name may contain letters, spaces, apostrophes, dots and dashes only."],
      Email: [EMAIL_TOO_LONG, "Email must be at most 320 characters."],
      "Mobile phone": ["12345", "Enter an Indonesian mobile number, e.g. 0812 3456 7890 or +62 812 3456 7890."],
      Password: [PASSWORD_TOO_LONG, "Password must be at most 128 characters."],
    },
    {
      "First name": [HUGE, "First name must be at most 50 characters."],
      "Last name": ["Robert'); DROP TABLE users;--", "Last name may contain letters, spaces, apostrophes, dots and dashes only."],
      Email: ["dewi@@example..com", "Enter a valid email address, e.g. nama@contoh.co.id."],
      "Mobile phone": ["0812".repeat(10), "Enter an Indonesian mobile number, e.g. 0812 3456 7890 or +62 812 3456 7890."],
      Password: ["short", "Password must be at least 8 characters."],
    },
  ];
  for (const round of rounds) {
    await dropBrowserLimits(page);
    for (const [label, [value]] of Object.entries(round)) await setValue(page, label, value);
    await setValue(page, "Confirm password", "something-else");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Please correct the marked fields." })).toBeVisible();
    for (const [label, [, message]] of Object.entries(round)) await expectFieldError(page, label, message);
  }
  await expect(page).toHaveURL(/\/sign-up$/);
  expect(serverErrors.map((r) => `${r.status()} ${r.url()}`)).toEqual([]);
});

test("sign-in, profile and password forms refuse over-long input with a field message", async ({ page }) => {
  const serverErrors = watchForServerErrors(page);
  await page.goto("/sign-in");
  await dropBrowserLimits(page);
  await setValue(page, "Email", EMAIL_TOO_LONG);
  await setValue(page, "Password", HUGE);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expectFieldError(page, "Email", "Email must be at most 320 characters.");
  await expectFieldError(page, "Password", "Email or password is incorrect.");

  await newCustomer(page, "batas");
  await dropBrowserLimits(page);
  await setValue(page, "First name", NAME_TOO_LONG);
  await setValue(page, "Last name", "\u0000\u0007");
  await setValue(page, "Email", "no-at-sign.example.com");
  await setValue(page, "Mobile phone", `+62${"8".repeat(40)}`);
  await page.getByRole("button", { name: "Save profile" }).click();
  await expectFieldError(page, "First name", "First name must be at most 50 characters.");
  await expectFieldError(page, "Last name", "Last name may contain letters, spaces, apostrophes, dots and dashes only.");
  await expectFieldError(page, "Email", "Enter a valid email address, e.g. nama@contoh.co.id.");
  await expectFieldError(page, "Mobile phone", "Enter an Indonesian mobile number, e.g. 0812 3456 7890 or +62 812 3456 7890.");
  await page.reload();
  await expect(page.getByLabel("First name")).toHaveValue("Dewi"); // nothing was saved

  await setValue(page, "Current password", PASSWORD_TOO_LONG);
  await setValue(page, "New password", PASSWORD_TOO_LONG);
  await setValue(page, "Confirm new password", PASSWORD_TOO_LONG);
  await page.getByRole("button", { name: "Change password" }).click();
  await expectFieldError(page, "New password", "New password must be at most 128 characters.");
  await expectFieldError(page, "Current password", "Your current password is incorrect.");
  expect(serverErrors.map((r) => `${r.status()} ${r.url()}`)).toEqual([]);
});

test("every action refuses malformed and over-long ids and values with a message, never a 500", async ({ page }) => {
  await newCustomer(page, "idpalsu");
  await addToCart(page, "teh-melati-premium");
  const key = crypto.randomUUID();
  const cases: [ActionName, Record<string, string>, string][] = [
    ["addToCartAction", { productId: "1".repeat(50_000), quantity: "1" }, "That product does not exist."],
    ["addToCartAction", { productId: "1", quantity: "9".repeat(50) }, "Quantity must be a whole number from 1 to 99."],
    ["addToCartAction", { productId: "-1", quantity: "1" }, "That product does not exist."],
    ["setCartQuantityAction", { productId: "abc", quantity: "2" }, "That product does not exist."],
    ["setCartQuantityAction", { productId: "1", quantity: HUGE }, "Quantity must be a whole number from 1 to 99."],
    ["removeFromCartAction", { productId: "1; DELETE FROM cart_items" }, "That product does not exist."],
    ["startCheckoutAction", { idempotencyKey: HUGE, choice: "new" }, "This form has expired. Please reload the page."],
    ["startCheckoutAction", { idempotencyKey: key, choice: "card:../../../etc/passwd" }, "Choose how to pay."],
    ["startCheckoutAction", { idempotencyKey: key, choice: `card:${"-".repeat(36)}` }, "Choose how to pay."],
    ["startCheckoutAction", { idempotencyKey: key, choice: `card:${crypto.randomUUID()}` }, "That saved card is not available. Choose another way to pay."],
    ["payAgainAction", { orderId: "../../admin", idempotencyKey: key, choice: "new" }, "Order not found."],
    ["cancelPaymentAction", { orderId: HUGE }, "Order not found."],
    ["checkStatusAction", { orderId: "' OR '1'='1" }, "Order not found."],
    ["removeSavedCardAction", { cardId: "<script>" }, "That card is not saved on your account."],
    ["updateProfileAction", { firstName: HUGE, lastName: "Anggraini", email: "dewi@example.com", mobilePhone: "081299990000" }, "Please correct the marked fields."],
    ["changePasswordAction", { currentPassword: "x", newPassword: HUGE, confirmPassword: "x" }, "Please correct the marked fields."],
  ];
  for (const [name, fields, message] of cases) {
    const response = await callAction(page.request, name, { fields });
    const outcome = await actionResult(response);
    expect({ name, fields: JSON.stringify(fields).slice(0, 100), status: response.status(), outcome }).toMatchObject({ status: 200, outcome: { status: "error", message } });
  }
  // Signed out, the account forms behave the same.
  const anonymous = await page.context().browser()!.newContext({ baseURL: APP_URL });
  const signUp = await callAction(anonymous.request, "signUpAction", {
    fields: { firstName: "Dewi", lastName: "A", email: uniqueEmail("x").replace("@", "@@"), mobilePhone: HUGE, password: "rahasia-123", confirmPassword: "rahasia-123" },
  });
  expect(await actionResult(signUp)).toMatchObject({ status: "error", fieldErrors: { email: expect.any(String), mobilePhone: expect.any(String) } });
  const signIn = await callAction(anonymous.request, "signInAction", { fields: { email: HUGE, password: "x".repeat(1_000) } });
  expect(await actionResult(signIn)).toMatchObject({ status: "error", message: "Please correct the marked fields." });
  await anonymous.close();

  await page.goto("/cart");
  await expect(page.getByTestId("cart-total")).toHaveText("Rp 45.000"); // none of it changed the cart
});

test("request bodies are size-limited on every endpoint that reads one", async ({ page, request }) => {
  await newCustomer(page, "besar");
  // A server action: refused from its declared length before it is parsed.
  const action = await callAction(page.request, "addToCartAction", { fields: { productId: "1", quantity: "1", padding: "x".repeat(100_000) } });
  expect(action.status()).toBe(413);
  // Auth.js's endpoints: a 100 kB sign-in form is refused; a normal one still goes through to Auth.js.
  const huge = await request.post("/api/auth/callback/credentials", { form: { email: "a@example.com", password: "x".repeat(100_000) }, maxRedirects: 0 });
  expect(huge.status()).toBe(413);
  const normal = await request.post("/api/auth/callback/credentials", { form: { email: "a@example.com", password: "x" }, maxRedirects: 0 });
  expect(normal.status()).toBe(302);
  // Finpay's callback: 64 kB at most.
  const callback = await request.post("/api/finpay/callback", { headers: { "Content-Type": "application/json" }, data: Buffer.alloc(65 * 1024, " ") });
  expect(callback.status()).toBe(413);
  await page.goto("/cart");
  await expect(page.getByTestId("cart-count")).toHaveText("0");
});

test("malformed ids in addresses are a 404 page, not a server error", async ({ page }) => {
  await newCustomer(page, "alamat");
  const paths = [
    `/orders/${"-".repeat(36)}`,
    `/orders/${"f".repeat(36)}`,
    "/orders/not-an-order",
    `/orders/${"9".repeat(2_000)}`,
    `/products/${"a".repeat(2_000)}`,
    "/products/%00%27%22",
  ];
  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.status(), path.slice(0, 60)).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }
});
