import { expect, test } from "@playwright/test";
import { DEMO, signIn, signOut, signUp, uniqueEmail } from "./support/accounts";

test("sign up, edit the profile, sign out, and sign in again back on the protected page", async ({ page }) => {
  const email = uniqueEmail();
  await signUp(page, email);
  await expect(page.getByRole("heading", { name: "Hello, Dewi" })).toBeVisible();
  await expect(page.getByLabel("Mobile phone")).toHaveValue("+6281299990000");

  // A rejected edit keeps what was typed and marks the wrong field.
  await page.getByLabel("Last name").fill("Anggraini Putri");
  await page.getByLabel("Mobile phone").fill("12345");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Enter an Indonesian mobile number")).toBeVisible();
  await expect(page.getByLabel("Mobile phone")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Last name")).toHaveValue("Anggraini Putri");

  await page.getByLabel("Mobile phone").fill("+62 813 5555 6666");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByRole("status")).toHaveText("Your profile has been saved.");
  await expect(page.getByLabel("Mobile phone")).toHaveValue("+6281355556666");

  await signOut(page);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount$/);
  await signIn(page, email, "rahasia-123");
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByLabel("Last name")).toHaveValue("Anggraini Putri");
});

test("a duplicate email is refused at sign-up and the form keeps what was typed", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("First name").fill("Sari");
  await page.getByLabel("Last name").fill("Kedua");
  await page.getByLabel("Email").fill(DEMO.email.toUpperCase());
  await page.getByLabel("Mobile phone").fill("081211112222");
  await page.getByLabel("Password", { exact: true }).fill("rahasia-123");
  await page.getByLabel("Confirm password").fill("rahasia-123");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("An account with this email already exists.").first()).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("First name")).toHaveValue("Sari");
  await expect(page.getByLabel("Mobile phone")).toHaveValue("081211112222");
});

test("the guest cart joins the customer's cart at sign-in", async ({ page }) => {
  const email = uniqueEmail("merge");
  await signUp(page, email);
  await page.goto("/products/sambal-bawang");
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByTestId("cart-count")).toHaveText("1");
  await signOut(page);
  await expect(page.getByTestId("cart-count")).toHaveText("0");

  await page.goto("/products/gula-aren-organik");
  await page.getByLabel("Quantity").fill("3");
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByTestId("cart-count")).toHaveText("3");

  await page.goto("/sign-in?callbackUrl=%2Fcart");
  await signIn(page, email, "rahasia-123");
  await expect(page).toHaveURL(/\/cart$/);
  await expect(page.getByTestId("cart-line")).toHaveCount(2);
  await expect(page.getByTestId("cart-count")).toHaveText("4");
  await expect(page.getByTestId("cart-total")).toHaveText("Rp 134.000"); // 38.000 + 3 x 32.000
});

test("a wrong password is refused with the same message as an unknown email", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.getByText(DEMO.email)).toBeVisible(); // demo login shown while the sandbox is the gateway
  await signIn(page, DEMO.email, "not-the-password");
  await expect(page.getByRole("alert").filter({ hasText: "incorrect" })).toHaveText("Email or password is incorrect.");
  await expect(page.getByLabel("Email")).toHaveValue(DEMO.email);
  await expect(page.getByLabel("Password")).toHaveValue("");

  await signIn(page, "nobody-here@example.com", "not-the-password");
  await expect(page.getByRole("alert").filter({ hasText: "incorrect" })).toHaveText("Email or password is incorrect.");
});

test("protected pages send signed-out visitors to sign-in, and only same-site return paths are honoured", async ({ page }) => {
  for (const path of ["/account", "/checkout", "/orders/some-order"]) {
    await page.goto(path);
    await expect(page).toHaveURL(new RegExp(`/sign-in\\?callbackUrl=${encodeURIComponent(path)}$`));
  }
  await page.goto("/sign-in?callbackUrl=https%3A%2F%2Fevil.example%2Fsteal");
  await signIn(page, DEMO.email, DEMO.password);
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { name: "Hello, Sari" })).toBeVisible();
});
