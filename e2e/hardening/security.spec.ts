import { request as httpRequest } from "node:http";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { DEMO, signIn, uniqueEmail } from "../support/accounts";
import { waitForEmails } from "../support/mail";
import { ACTION_NAMES, actionId, actionResult, callAction } from "./support/actions";
import { HOSTILE_VALUES } from "./support/hostile-values";
import { APP_URL, newCustomer } from "./support/shop";

/**
 * The defects of the adversarial trial (issue 11, "Security" and "Bad input that still gets a 5xx"), each walked
 * against the production build. The app trusts loopback as a proxy here (playwright.config.ts, TRUSTED_PROXIES), so a
 * test chooses its client address with X-Forwarded-For exactly as a proxy would append it.
 */

let addressCounter = Math.floor(Math.random() * 200);
/** A client address no other test uses, so throttles of one test never touch another. */
const freshAddress = () => `198.18.${Math.floor(Math.random() * 250)}.${(addressCounter++ % 250) + 1}`;
const from = (address: string, forgedFirst?: string) => ({ "X-Forwarded-For": forgedFirst ? `${forgedFirst}, ${address}` : address });

async function signInFrom(request: APIRequestContext, email: string, password: string, headers: Record<string, string>) {
  const response = await callAction(request, "signInAction", { path: "/sign-in", fields: { email, password }, headers });
  return { response, outcome: await actionResult(response), signedIn: Boolean(response.headers()["x-action-redirect"]) };
}

async function signUpFrom(request: APIRequestContext, email: string, headers: Record<string, string>) {
  const fields = { firstName: "Dewi", lastName: "Anggraini", email, mobilePhone: "081299990000", password: "rahasia-123", confirmPassword: "rahasia-123" };
  const response = await callAction(request, "signUpAction", { path: "/sign-up", fields, headers });
  return { response, outcome: await actionResult(response), signedIn: Boolean(response.headers()["x-action-redirect"]) };
}

test.describe("open redirect", () => {
  const hostile = [
    "/.//evil.example/phish",
    "/%2e//evil.example/phish",
    "/%2E%2E//evil.example",
    "/a/..//evil.example/phish",
    "/./\\evil.example",
    "/\\evil.example",
    "//evil.example",
    "/\t/evil.example",
    "https://evil.example/",
    "/a/%2e%2e/%2e//evil.example",
  ];

  test("signed in, /sign-in and /sign-up with a hostile callbackUrl redirect on the site; the account Back link stays here", async ({ page }) => {
    await newCustomer(page, "redirect");
    for (const path of ["/sign-in", "/sign-up"]) {
      for (const value of hostile) {
        const response = await page.request.get(`${path}?callbackUrl=${encodeURIComponent(value)}`, { maxRedirects: 0 });
        const location = response.headers().location ?? "";
        expect([path, value, response.status()]).toEqual([path, value, 307]);
        expect(new URL(location, APP_URL).origin, `${path} ${value} -> ${location}`).toBe(APP_URL);
        expect(location, value).not.toMatch(/^\/[/\\]|^[a-z]+:/i);
      }
    }
    for (const value of hostile) {
      await page.goto(`/account?returnTo=${encodeURIComponent(value)}`);
      const back = page.getByRole("link", { name: /Back to/ });
      if (await back.count()) {
        const href = (await back.getAttribute("href")) ?? "";
        expect(new URL(href, `${APP_URL}/account`).origin, `${value} -> ${href}`).toBe(APP_URL);
      }
    }
    await page.goto(`/account?returnTo=${encodeURIComponent("/checkout")}`);
    await expect(page.getByRole("link", { name: "← Back to checkout" })).toHaveAttribute("href", "/checkout");
  });
});

test.describe("sign-in throttling", () => {
  test("rotating a forged X-Forwarded-For entry does not escape the per-address limit", async ({ page }) => {
    const address = freshAddress();
    for (let i = 0; i < 20; i++) {
      const { outcome } = await signInFrom(page.request, uniqueEmail("ghost"), "nope-nope-1", from(address, `10.${i}.0.1`));
      expect(outcome?.message).toBe("Email or password is incorrect.");
    }
    const email = await newCustomer(page, "rotasi");
    const rotated = await signInFrom(page.request, email, "rahasia-123", from(address, "172.16.99.99"));
    expect(rotated.signedIn).toBe(false);
    expect(rotated.outcome?.message).toMatch(/^Too many failed sign-in attempts\. Please wait 15 minutes/);
    // The same customer from another address is fine: only the address was locked.
    expect((await signInFrom(page.request, email, "rahasia-123", from(freshAddress()))).signedIn).toBe(true);
  });

  test("a stranger's 5 wrong guesses lock that stranger, not the owner at their own address", async ({ page }) => {
    const email = await newCustomer(page, "pemilik");
    const home = freshAddress();
    const attacker = freshAddress();
    expect((await signInFrom(page.request, email, "rahasia-123", from(home))).signedIn).toBe(true);
    for (let i = 0; i < 5; i++) {
      const { outcome } = await signInFrom(page.request, email, `tebak-${i}-salah`, from(attacker));
      expect(outcome?.message).toBe("Email or password is incorrect.");
    }
    const stranger = await signInFrom(page.request, email, "rahasia-123", from(attacker));
    expect(stranger.signedIn).toBe(false);
    expect(stranger.outcome?.message).toMatch(/^Too many failed sign-in attempts/);
    expect((await signInFrom(page.request, email, "rahasia-123", from(home))).signedIn).toBe(true);
  });

  test("sign-up from a locked address sends nothing and says so; from another address it sends the link", async ({ page }) => {
    const address = freshAddress();
    for (let i = 0; i < 20; i++) await signInFrom(page.request, uniqueEmail("ghost"), "nope-nope-1", from(address));
    const email = uniqueEmail("baru");
    const refused = await signUpFrom(page.request, email, from(address));
    expect(refused.signedIn).toBe(false);
    expect(refused.outcome?.message).toMatch(/^Too many failed sign-in attempts from your network\. Your account was not created; please wait 15 minutes/);
    const elsewhere = await signUpFrom(page.request, email, from(freshAddress()));
    expect(elsewhere.outcome).toMatchObject({ status: "success", message: expect.stringMatching(new RegExp(`^We have sent an email to ${email.replace(/\./g, "\\.")}\\.`)) });
    // Only the request from the other address wrote to the inbox: one email, the sign-up link.
    const mails = await waitForEmails(page.request, email);
    expect(mails.map((mail) => mail.subject)).toEqual(["Finish creating your Toko Nusantara account"]);
  });

  test(`sign-up emails are limited per email and address: a stranger cannot flood an inbox from one address, and is told so the same way for any email`, async ({ page }) => {
    const stranger = freshAddress();
    for (const email of [uniqueEmail("banjir"), DEMO.email]) {
      for (let i = 0; i < 3; i++) expect((await signUpFrom(page.request, email, from(stranger))).outcome?.status).toBe("success");
      expect((await signUpFrom(page.request, email, from(stranger))).outcome?.message).toBe(
        "Too many sign-up attempts for this email or from your network. Please wait 15 minutes and try again.",
      );
    }
  });

  test("the change-password form locks its current-password check after 5 wrong tries", async ({ page }) => {
    await newCustomer(page, "sandi");
    for (let i = 0; i < 5; i++) {
      const response = await callAction(page.request, "changePasswordAction", {
        path: "/account",
        fields: { currentPassword: `salah-${i}-sekali`, newPassword: "baru-sekali-123", confirmPassword: "baru-sekali-123" },
      });
      expect((await actionResult(response))?.fieldErrors?.currentPassword).toBe("Your current password is incorrect.");
    }
    await page.goto("/account");
    await page.getByLabel("Current password").fill("rahasia-123");
    await page.getByLabel("New password", { exact: true }).fill("baru-sekali-123");
    await page.getByLabel("Confirm new password").fill("baru-sekali-123");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByText(/Too many wrong current passwords\. Please wait 15 minutes/).first()).toBeVisible();
  });
});

test.describe("password reset submissions", () => {
  const madeUpToken = () => Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64url");
  const resetFrom = async (request: APIRequestContext, address: string) =>
    actionResult(
      await callAction(request, "resetPasswordAction", {
        path: "/reset-password/x",
        fields: { token: madeUpToken(), newPassword: "kata-sandi-baru-1", confirmPassword: "kata-sandi-baru-1" },
        headers: from(address),
      }),
    );

  test("made-up links from one address are refused, and after 10 the address must wait; other addresses are not held up", async ({ request }) => {
    const flooder = freshAddress();
    for (let i = 0; i < 10; i++) {
      expect((await resetFrom(request, flooder))?.message).toBe("This reset link has expired, was already used, or was replaced by a newer one. Ask for a new link below.");
    }
    expect((await resetFrom(request, flooder))?.message).toMatch(/^Too many tries with reset links that do not work from your network\. Please wait 15 minutes/);
    expect((await resetFrom(request, freshAddress()))?.message).toMatch(/^This reset link has expired/);
  });
});

async function secondBrowserWithCookiesOf(browser: Browser, page: Page): Promise<Page> {
  const copy = await browser.newContext({ baseURL: APP_URL });
  await copy.addCookies(await page.context().cookies());
  return copy.newPage();
}

test.describe("sessions", () => {
  test("a copied session cookie is worth nothing after sign-out", async ({ page, browser }) => {
    await newCustomer(page, "salinan");
    const thief = await secondBrowserWithCookiesOf(browser, page);
    await thief.goto("/account");
    await expect(thief.getByRole("heading", { name: "Hello, Dewi" })).toBeVisible();
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
    await thief.goto("/account");
    await expect(thief).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount$/);
    await thief.context().close();
  });

  test("a password change signs out the other browser and keeps this one", async ({ page, browser }) => {
    const email = await newCustomer(page, "ganti");
    const other = await (await browser.newContext({ baseURL: APP_URL })).newPage();
    await other.goto("/sign-in");
    await signIn(other, email, "rahasia-123");
    await expect(other).toHaveURL(/\/account$/);
    await page.goto("/account");
    await page.getByLabel("Current password").fill("rahasia-123");
    await page.getByLabel("New password", { exact: true }).fill("baru-sekali-123");
    await page.getByLabel("Confirm new password").fill("baru-sekali-123");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByText("Your password has been changed. You have been signed out everywhere else.")).toBeVisible();
    await other.goto("/account");
    await expect(other).toHaveURL(/\/sign-in/);
    await page.goto("/account");
    await expect(page.getByRole("heading", { name: "Hello, Dewi" })).toBeVisible();
    await other.context().close();
  });

  test("Sign out everywhere ends every session, this one included", async ({ page, browser }) => {
    await newCustomer(page, "semua");
    const copy = await secondBrowserWithCookiesOf(browser, page);
    await page.goto("/account");
    await page.getByRole("button", { name: "Sign out everywhere" }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    for (const p of [page, copy]) {
      await p.goto("/account/orders");
      await expect(p).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount%2Forders$/);
    }
    await copy.context().close();
  });
});

/** POSTs a raw body with no Content-Length (chunked), which Playwright's request API cannot send. */
function postChunked(path: string, headers: Record<string, string>, body: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, APP_URL);
    const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, method: "POST", headers: { ...headers, "Transfer-Encoding": "chunked" } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    for (let at = 0; at < body.length; at += 8192) req.write(body.subarray(at, at + 8192));
    req.end();
  });
}

test.describe("bad input never gets a 5xx", () => {
  test("malformed percent-encoding in product and order addresses is a 404", async ({ page }) => {
    await newCustomer(page, "alamat");
    for (const path of ["/products/%ZZ", "/products/%E0%A4%A", "/orders/%ZZ", "/orders/%E0%A4%A"]) {
      const response = await page.request.get(path);
      expect([path, response.status()]).toEqual([path, 404]);
    }
    await page.goto("/products/%ZZ");
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    expect((await page.request.get("/api/auth/%ZZ")).status()).toBe(400);
  });

  test("a server action with malformed argument JSON is a 400, a chunked body over 64 kB a 413", async ({ page }) => {
    const id = actionId("addToCartAction");
    for (const path of ["/", "/products/teh-melati-premium", "/cart"]) {
      const multipart = await page.request.post(path, { headers: { "Next-Action": id, Origin: APP_URL }, multipart: { "0": "{bad" } });
      expect([path, multipart.status()]).toEqual([path, 400]);
      const plain = await page.request.post(path, { headers: { "Next-Action": id, Origin: APP_URL, "Content-Type": "text/plain;charset=UTF-8" }, data: "{bad" });
      expect([path, plain.status()]).toEqual([path, 400]);
    }
    const big = Buffer.from(JSON.stringify([{ status: "idle" }, "x".repeat(70_000)]));
    expect(await postChunked("/", { "Next-Action": id, Origin: APP_URL, "Content-Type": "text/plain;charset=UTF-8" }, big)).toBe(413);
    const small = Buffer.from(JSON.stringify([{ status: "idle" }, "$K1"]));
    expect(await postChunked("/", { "Next-Action": id, Origin: APP_URL, "Content-Type": "text/plain;charset=UTF-8" }, small)).toBeLessThan(500);
  });

  test("fuzz: every page route with malformed ids and every server action with malformed bodies", async ({ page }) => {
    await newCustomer(page, "fuzz");
    // The page routes of app/ (app/**/page.tsx): static ones, and the two dynamic ones with hostile ids.
    const staticRoutes = ["/", "/cart", "/checkout", "/sign-in", "/sign-up", "/account", "/account/orders", "/account/cards"];
    const ids = HOSTILE_VALUES;
    const pages = [
      ...staticRoutes,
      ...staticRoutes.map((route) => `${route === "/" ? "" : route}/%ZZ`),
      ...ids.flatMap((id) => [`/products/${id}`, `/orders/${id}`, `/sign-in?callbackUrl=${id}`, `/account?returnTo=${id}`]),
    ];
    const failures: string[] = [];
    for (const path of pages) {
      const status = (await page.request.get(path, { maxRedirects: 0 })).status();
      if (status >= 500) failures.push(`GET ${path.slice(0, 80)} ${status}`);
    }
    const bodies: { name: string; headers: Record<string, string>; data?: string; multipart?: Record<string, string> }[] = [
      { name: "bad JSON (multipart)", headers: {}, multipart: { "0": "{bad" } },
      { name: "bad JSON (text)", headers: { "Content-Type": "text/plain;charset=UTF-8" }, data: "[{" },
      { name: "empty text", headers: { "Content-Type": "text/plain;charset=UTF-8" }, data: "" },
      { name: "wrong shape", headers: { "Content-Type": "text/plain;charset=UTF-8" }, data: '{"a":1}' },
      { name: "a number for the form", headers: { "Content-Type": "text/plain;charset=UTF-8" }, data: '[{"status":"idle"},1]' },
      { name: "no arguments", headers: { "Content-Type": "text/plain;charset=UTF-8" }, data: "[]" },
      { name: "dangling reference", headers: {}, multipart: { "0": '["$K9","$@7","$Q1"]' } },
      { name: "bound args garbage", headers: {}, multipart: { "$ACTION_1:0": "{x", "$ACTION_REF_1": "" } },
      { name: "binary noise", headers: { "Content-Type": "application/octet-stream" }, data: "\u0000\u00ff\u0001" },
      { name: "urlencoded", headers: { "Content-Type": "application/x-www-form-urlencoded" }, data: "0=%ZZ&1=" },
    ];
    for (const name of ACTION_NAMES) {
      for (const body of bodies) {
        const response = await page.request.post("/", {
          headers: { "Next-Action": actionId(name), Origin: APP_URL, Accept: "text/x-component", ...body.headers },
          ...(body.multipart ? { multipart: body.multipart } : { data: body.data }),
          maxRedirects: 0,
        });
        if (response.status() >= 500) failures.push(`${name} ${body.name} ${response.status()}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

test("the demo customer still signs in (regression guard for the session table)", async ({ page }) => {
  await page.goto("/sign-in");
  await signIn(page, DEMO.email, DEMO.password);
  await expect(page).toHaveURL(/\/account$/);
});
