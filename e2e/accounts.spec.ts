import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { DEMO, signIn, signOut, signUp, uniqueEmail } from "./support/accounts";
import { signUpLinkSentTo, waitForEmails } from "./support/mail";

/** axe-core on the page as it is now: the serious and critical WCAG 2.1 A/AA violations (asserted empty by the caller). */
async function seriousViolations(page: Page, name: string): Promise<string[]> {
  await page.waitForLoadState("load");
  await page.waitForFunction(() => document.getAnimations().every((a) => !(a instanceof CSSTransition) || a.playState !== "running"));
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${name}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
}

test("sign up, edit the profile, sign out, and sign in again back on the protected page", async ({ page }) => {
  const email = uniqueEmail();
  await signUp(page, email);
  await expect(page.getByRole("heading", { name: "Hello, Dewi" })).toBeVisible();
  await expect(page.getByLabel("Mobile phone")).toHaveValue("+62 812-9999-0000"); // stored +6281299990000, shown grouped

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
  await expect(page.getByLabel("Mobile phone")).toHaveValue("+62 813-5555-6666");

  await signOut(page);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount$/);
  await signIn(page, email, "rahasia-123");
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByLabel("Last name")).toHaveValue("Anggraini Putri");
});

/** Fills the English sign-up form (on `path`) and sends it; returns the text that answered it, the email left out. */
async function askForAccount(page: Page, email: string, password = "rahasia-123", path = "/sign-up"): Promise<string> {
  await page.goto(path);
  await page.getByLabel("First name").fill("Sari");
  await page.getByLabel("Last name").fill("Kedua");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Mobile phone").fill("081211112222");
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByLabel("Confirm password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  const answer = page.getByRole("status").filter({ hasText: "Check your inbox" });
  await expect(answer).toBeVisible();
  return (await answer.innerText()).replace(email.toLowerCase(), "<email>");
}

test("sign-up answers an email that has an account (in capitals too) exactly as a new one; only the owner's inbox hears of it, and nothing changes", async ({ page, customer, request }) => {
  await signOut(page);
  const fresh = await askForAccount(page, uniqueEmail("baru"));
  const existing = await askForAccount(page, customer.email.toUpperCase(), "strangers-pass-1");
  expect(existing).toBe(fresh);
  expect(existing).toContain("We have sent an email to <email>.");
  expect(existing).not.toMatch(/already exists/);

  const [note] = await waitForEmails(request, customer.email);
  expect(note!.subject).toBe("Someone tried to create a Toko Nusantara account with your email");
  expect(note!.text).toContain("Hi Dewi");
  expect(note!.text).not.toMatch(/\/sign-up\/confirm\//);
  // The stranger's password opens nothing; the owner's still does.
  await page.goto("/sign-in");
  await signIn(page, customer.email, "strangers-pass-1");
  await expect(page.getByRole("alert").filter({ hasText: "incorrect" })).toHaveText("Email or password is incorrect.");
  await signIn(page, customer.email, customer.password);
  await expect(page).toHaveURL(/\/account$/);
});

test("a new customer on their way to the checkout signs up, opens the emailed link, and is signed in at the checkout with their cart", async ({ page, shop }) => {
  await shop.addToCart("sambal-bawang", 2);
  await page.goto("/checkout");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fcheckout$/);
  await page.getByRole("main").getByRole("link", { name: "Create an account" }).click();
  await expect(page).toHaveURL(/\/sign-up\?callbackUrl=%2Fcheckout$/);
  const email = uniqueEmail("checkout");
  await askForAccount(page, email, "rahasia-123", "/sign-up?callbackUrl=%2Fcheckout");
  // Not an account yet: the password chosen does not sign in before the link is opened.
  await page.goto("/sign-in");
  await signIn(page, email, "rahasia-123");
  await expect(page.getByRole("alert").filter({ hasText: "incorrect" })).toHaveText("Email or password is incorrect.");

  const link = await signUpLinkSentTo(page.request, email);
  await page.goto(link);
  await expect(page.getByText(`Enter the password you chose when you signed up as ${email}.`)).toBeVisible();
  await page.getByLabel("Password").fill("not-my-password");
  await page.getByRole("button", { name: "Finish and sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "not the password" })).toHaveText(
    "That is not the password chosen at sign-up. If you did not sign up with this email yourself, ignore this link.",
  );
  await page.getByLabel("Password").fill("rahasia-123");
  await page.getByRole("button", { name: "Finish and sign in" }).click();
  // A welcome, and the way back to the checkout that sent them to sign-up.
  await expect(page).toHaveURL(/\/account\?welcome=1&returnTo=%2Fcheckout$/);
  await expect(page.getByTestId("welcome")).toContainText("Your account is ready.");
  await page.getByRole("link", { name: "← Back to checkout" }).click();
  await expect(page).toHaveURL(/\/checkout$/);
  await expect(page.getByRole("heading", { name: "Checkout" })).toBeVisible();
  await expect(shop.cartCount).toHaveText("2");

  // The link works once.
  await page.goto(link);
  await expect(page.getByRole("alert").filter({ hasText: "expired" })).toContainText("This link has expired or was already used.");
});

test("the guest cart joins the customer's cart at sign-in", async ({ page, customer, shop }) => {
  await shop.openProduct("sambal-bawang");
  await shop.addThisProduct();
  await expect(shop.cartCount).toHaveText("1");
  await signOut(page);
  await expect(shop.cartCount).toHaveText("0");

  await shop.openProduct("gula-aren-organik");
  await shop.addThisProduct(3);
  await expect(shop.cartCount).toHaveText("3");

  await page.goto("/sign-in?callbackUrl=%2Fcart");
  await signIn(page, customer.email, customer.password);
  await expect(page).toHaveURL(/\/cart$/);
  await expect(shop.cartLines).toHaveCount(2);
  await expect(shop.cartCount).toHaveText("4");
  await expect(shop.cartTotal).toHaveText("Rp 134.000"); // 38.000 + 3 x 32.000
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
  // Nobody chose a language for the seeded demo customer: this English browser stays English after signing in.
  await expect(page.getByRole("heading", { name: "Hello, Sari" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

test("sign-up is linked from the header and from sign-in; every wrong field is named at once and what was typed stays", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("banner").getByRole("link", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/sign-up$/);
  await expect(page.getByRole("heading", { name: "Create an account" })).toBeVisible();
  await page.goto("/sign-in");
  await page.getByRole("main").getByRole("link", { name: "Create an account" }).click();
  await expect(page).toHaveURL(/\/sign-up$/); // no page asked for sign-in, so sign-up is not sent back to one either

  await page.getByLabel("Last name").fill("<b>");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Mobile phone").fill("12345");
  await page.getByLabel("Password", { exact: true }).fill("short");
  await page.getByLabel("Confirm password").fill("different");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Please correct" })).toHaveText("Please correct the marked fields.");
  const errors = {
    "First name": "First name is required.",
    "Last name": "Last name may contain letters, spaces, apostrophes, dots and dashes only.",
    Email: "Enter a valid email address, e.g. nama@contoh.co.id.",
    "Mobile phone": "Enter an Indonesian mobile number, e.g. 0812 3456 7890 or +62 812 3456 7890.",
    "Password": "Password must be at least 8 characters.",
    "Confirm password": "The passwords do not match.",
  };
  for (const [label, message] of Object.entries(errors)) {
    const field = page.getByLabel(label, { exact: true });
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(field).toHaveAccessibleDescription(new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
  }
  await expect(page.getByLabel("Last name")).toHaveValue("<b>");
  await expect(page.getByLabel("Email")).toHaveValue("not-an-email");
  await expect(page.getByLabel("Mobile phone")).toHaveValue("12345");
  await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");
});

test("the account sidebar marks the page shown", async ({ page, customer }) => {
  expect(customer.email).toContain("@");
  const nav = page.getByRole("navigation", { name: "Account" });
  await page.goto("/account");
  await expect(nav.getByRole("link", { name: "Profile" })).toHaveAttribute("aria-current", "page");
  await nav.getByRole("link", { name: "Addresses" }).click();
  await expect(page).toHaveURL(/\/account\/addresses$/);
  await expect(nav.getByRole("link", { name: "Addresses" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "Profile" })).not.toHaveAttribute("aria-current", "page");
  await expect(nav.locator("[aria-current=page]")).toHaveCount(1);
  // The address book shows the phone grouped.
  await expect(page.getByTestId("address").first()).toContainText("+62 812-9999-0000");
});

test("sign-in, sign-up and the account pages: no serious or critical accessibility violations (English)", async ({ page }) => {
  test.slow(); // eight pages through axe
  const found: string[] = [];
  await page.goto("/sign-in");
  found.push(...(await seriousViolations(page, "sign-in")));
  await page.goto("/forgot-password");
  found.push(...(await seriousViolations(page, "forgot password")));
  await page.goto("/sign-up");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Please correct" })).toBeVisible();
  found.push(...(await seriousViolations(page, "sign-up with errors")));
  const email = uniqueEmail();
  await askForAccount(page, email);
  found.push(...(await seriousViolations(page, "sign-up sent")));
  await page.goto(await signUpLinkSentTo(page.request, email));
  found.push(...(await seriousViolations(page, "finish sign-up")));
  await page.getByLabel("Password").fill("rahasia-123");
  await page.getByRole("button", { name: "Finish and sign in" }).click();
  await expect(page).toHaveURL(/\/account\?welcome=1$/);
  for (const path of ["/account", "/account/addresses", "/account/cards"]) {
    await page.goto(path);
    found.push(...(await seriousViolations(page, path)));
  }
  expect(found).toEqual([]);
});

test.describe("in Bahasa Indonesia", () => {
  test.use({ locale: "id-ID" });

  test("sign-up with every field wrong: every error in Indonesian at once, what was typed kept", async ({ page }) => {
    await page.goto("/sign-up");
    await expect(page.locator("html")).toHaveAttribute("lang", "id");
    await expect(page.getByRole("heading", { name: "Buat akun" })).toBeVisible();
    await page.getByLabel("Nama depan").fill("   ");
    await page.getByLabel("Nama belakang").fill("Putri<script>");
    await page.getByLabel("Email").fill("dewi@contoh");
    await page.getByLabel("Nomor HP").fill("0812");
    await page.getByLabel("Kata sandi", { exact: true }).fill("pendek");
    await page.getByLabel("Ulangi kata sandi").fill("lain-lagi");
    await page.getByRole("button", { name: "Daftar" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Mohon perbaiki" })).toHaveText("Mohon perbaiki kolom yang ditandai.");
    const errors: [string, string][] = [
      ["Nama depan", "Nama depan wajib diisi."],
      ["Nama belakang", "Nama belakang hanya boleh berisi huruf, spasi, apostrof, titik, dan tanda hubung."],
      ["Email", "Masukkan alamat email yang valid, misalnya nama@contoh.co.id."],
      ["Nomor HP", "Masukkan nomor HP Indonesia, misalnya 0812 3456 7890 atau +62 812 3456 7890."],
      ["Kata sandi", "Kata sandi minimal 8 karakter."],
      ["Ulangi kata sandi", "Kata sandi tidak sama."],
    ];
    for (const [label, message] of errors) {
      await expect(page.getByLabel(label, { exact: true })).toHaveAttribute("aria-invalid", "true");
      await expect(page.getByText(message, { exact: true })).toBeVisible();
    }
    await expect(page.getByLabel("Nama depan")).toHaveValue("   ");
    await expect(page.getByLabel("Nama belakang")).toHaveValue("Putri<script>");
    await expect(page.getByLabel("Email")).toHaveValue("dewi@contoh");
    await expect(page.getByLabel("Nomor HP")).toHaveValue("0812");
    await expect(page.getByLabel("Kata sandi", { exact: true })).toHaveValue("");
    expect(await seriousViolations(page, "pendaftaran dengan kesalahan")).toEqual([]);
  });

  test("sign-in in Indonesian, the sidebar marks the page shown, and the pages pass axe", async ({ page }) => {
    test.slow(); // five pages through axe
    const found: string[] = [];
    await page.goto("/sign-in");
    await expect(page.getByRole("heading", { name: "Masuk" })).toBeVisible();
    found.push(...(await seriousViolations(page, "masuk")));
    await page.getByLabel("Email").fill(DEMO.email);
    await page.getByLabel("Kata sandi").fill("bukan-sandinya");
    await page.getByRole("button", { name: "Masuk" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "salah" })).toHaveText("Email atau kata sandi salah.");
    found.push(...(await seriousViolations(page, "masuk dengan kesalahan")));
    await page.getByLabel("Kata sandi").fill(DEMO.password);
    await page.getByRole("button", { name: "Masuk" }).click();
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByRole("heading", { name: "Halo, Sari" })).toBeVisible();

    const nav = page.getByRole("navigation", { name: "Akun" });
    await expect(nav.getByRole("link", { name: "Profil" })).toHaveAttribute("aria-current", "page");
    found.push(...(await seriousViolations(page, "profil")));
    await page.getByLabel("Kata sandi saat ini").fill("");
    await page.getByLabel("Kata sandi baru", { exact: true }).fill("123");
    await page.getByRole("button", { name: "Ubah kata sandi" }).click();
    await expect(page.getByText("Kata sandi saat ini wajib diisi.")).toBeVisible();
    await expect(page.getByText("Kata sandi baru minimal 8 karakter.")).toBeVisible();
    await expect(page.getByText("Kata sandi tidak sama.")).toBeVisible();

    await nav.getByRole("link", { name: "Alamat" }).click();
    await expect(page.getByRole("heading", { name: "Alamat pengiriman" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Alamat" })).toHaveAttribute("aria-current", "page");
    await expect(nav.getByRole("link", { name: "Profil" })).not.toHaveAttribute("aria-current", "page");
    await page.getByRole("button", { name: "Tambah alamat" }).click();
    await expect(page.getByText("Nama penerima wajib diisi.")).toBeVisible();
    await expect(page.getByText("Pilih provinsi dari daftar.")).toBeVisible();
    found.push(...(await seriousViolations(page, "alamat dengan kesalahan")));

    await nav.getByRole("link", { name: "Kartu tersimpan" }).click();
    await expect(page.getByRole("heading", { name: "Kartu tersimpan" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Kartu tersimpan" })).toHaveAttribute("aria-current", "page");
    found.push(...(await seriousViolations(page, "kartu tersimpan")));
    expect(found).toEqual([]);
  });

  test("the ID | EN switch changes the page's language; the language chosen at sign-up follows the customer to a new browser", async ({ page, browser, baseURL }) => {
    test.slow(); // two browsers
    await page.goto("/sign-up");
    await expect(page.locator("html")).toHaveAttribute("lang", "id");
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { name: "Create an account" })).toBeVisible();
    await expect(page.getByRole("banner").getByRole("link", { name: "Create account" })).toBeVisible();

    const email = uniqueEmail("english");
    await signUp(page, email); // the English form; the profile keeps "en"
    await expect(page.getByRole("heading", { name: "Hello, Dewi" })).toBeVisible();

    // A fresh browser that asks for Indonesian, without the cookie: signed-out pages speak Indonesian...
    const fresh = await browser.newContext({ locale: "id-ID", baseURL });
    const other = await fresh.newPage();
    await other.goto("/sign-in");
    await expect(other.locator("html")).toHaveAttribute("lang", "id");
    await other.getByLabel("Email").fill(email);
    await other.getByLabel("Kata sandi").fill("rahasia-123");
    await other.getByRole("button", { name: "Masuk" }).click();
    // ...and once signed in, the customer's own language (English) takes over.
    await expect(other).toHaveURL(/\/account$/);
    await expect(other.locator("html")).toHaveAttribute("lang", "en");
    await expect(other.getByRole("heading", { name: "Hello, Dewi" })).toBeVisible();
    await expect(other.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Saved cards" })).toBeVisible();

    // Back to Indonesian with the switch: the texts follow.
    await other.getByRole("button", { name: "Bahasa Indonesia" }).click();
    await expect(other.locator("html")).toHaveAttribute("lang", "id");
    await expect(other.getByRole("heading", { name: "Halo, Dewi" })).toBeVisible();
    await fresh.close();

    // The profile says Indonesian now, but this first browser chose English: at sign-in the browser's own, latest
    // explicit choice wins (and goes back into the profile).
    await signOut(page);
    await page.goto("/sign-in");
    await signIn(page, email, "rahasia-123");
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { name: "Hello, Dewi" })).toBeVisible();
  });
});
