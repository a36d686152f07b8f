import { expect, type Page } from "@playwright/test";
import { signUpLinkSentTo } from "./mail";

export const DEMO = { email: "demo@example.com", password: "demo-pass-123" };

export function uniqueEmail(prefix = "pembeli"): string {
  return `${prefix}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.com`;
}

/**
 * Signs up in English the way a customer does: the form, "check your inbox", then the emailed link (read from
 * MailDev; `mailApi` for another MailDev than the e2e one) opened in the same browser, finished with the password.
 */
export async function signUp(page: Page, email: string, password = "rahasia-123", options: { mailApi?: string } = {}) {
  await page.goto("/sign-up");
  await page.getByLabel("First name").fill("Dewi");
  await page.getByLabel("Last name").fill("Anggraini");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Mobile phone").fill("0812-9999 0000");
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByLabel("Confirm password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Check your inbox" })).toContainText(`We have sent an email to ${email.toLowerCase()}.`);
  await finishSignUp(page, email, password, options);
  // The welcome; with a guest cart that joined the account, also the way back to it (trial-defects.spec.ts asserts it).
  await expect(page).toHaveURL(/\/account\?welcome=1(&returnTo=%2Fcart)?$/);
}

/** Opens the link of the sign-up email to `email` and finishes the account with the password chosen at sign-up. */
export async function finishSignUp(page: Page, email: string, password: string, options: { mailApi?: string } = {}) {
  await page.goto(await signUpLinkSentTo(page.request, email, options.mailApi));
  await expect(page.getByRole("heading", { name: "Finish creating your account" })).toBeVisible();
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Finish and sign in" }).click();
}

export async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
}
