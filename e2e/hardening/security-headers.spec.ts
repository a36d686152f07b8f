import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "../support/fixtures";
import config from "../../playwright.config";
import { payOnHostedPage } from "../support/sandbox";
import { startApp, type RunningServer } from "./support/servers";
import { APP_URL, APPROVED_CARD, addToCart, customerWithSavedCard, newCustomer, openHostedPage, orderStatus } from "./support/shop";

/**
 * The headers every response carries, a Content-Security-Policy the pages really pass, cookies the browser keeps
 * away from scripts and other sites, and no secret or card token in anything the browser receives.
 */

type Directives = Map<string, string[]>;

function parseCsp(header: string | undefined): Directives {
  expect(header, "Content-Security-Policy header").toBeTruthy();
  return new Map(
    header!
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

/** Collects every CSP violation the browser reports, on every page the test visits. */
async function recordCspViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeBinding("__reportCspViolation", (_source, text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __reportCspViolation: (text: string) => void }).__reportCspViolation;
      report(`${location.pathname}: ${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
  });
  return violations;
}

async function expectSecurePage(page: Page, url: string) {
  const response = await page.request.get(url);
  expect(response.status(), url).toBeLessThan(500);
  const headers = response.headers();
  const csp = parseCsp(headers["content-security-policy"]);
  const scriptSrc = csp.get("script-src") ?? [];
  const nonce = scriptSrc.find((value) => value.startsWith("'nonce-"))?.slice(7, -1);
  expect(nonce, `${url}: script-src has a nonce`).toMatch(/^[A-Za-z0-9+/=]{16,}$/);
  expect(scriptSrc, url).toContain("'strict-dynamic'");
  expect(scriptSrc, url).not.toContain("'unsafe-inline'");
  expect(scriptSrc, url).not.toContain("'unsafe-eval'");
  expect(csp.get("frame-ancestors"), url).toEqual(["'none'"]);
  expect(csp.get("object-src"), url).toEqual(["'none'"]);
  expect(csp.get("base-uri"), url).toEqual(["'self'"]);
  expect(csp.get("default-src"), url).toEqual(["'self'"]);
  expect(headers["x-content-type-options"], url).toBe("nosniff");
  expect(headers["referrer-policy"], url).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"], url).toBe("DENY");
  expect(headers["strict-transport-security"], url).toMatch(/^max-age=(\d{8,}); includeSubDomains$/); // production build
  // Every script the page ships carries this response's nonce; there is no other way for a script to run.
  const html = await response.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length, url).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag, url).toContain(`nonce="${nonce}"`);
  return nonce!;
}

test("every page sends the security headers and a nonce-based CSP that all its scripts carry", async ({ page, request }) => {
  const publicPages = ["/", "/products/kopi-gayo-arabika", "/cart", "/sign-in", "/sign-up", "/products/no-such-product"];
  const nonces = new Set<string>();
  for (const url of publicPages) nonces.add(await expectSecurePage(page, url));
  nonces.add(await expectSecurePage(page, "/"));
  expect(nonces.size, "a fresh nonce per response").toBe(publicPages.length + 1);

  await newCustomer(page, "kepala");
  await addToCart(page, "kopi-gayo-arabika");
  const { orderId } = await openHostedPage(page, request);
  for (const url of ["/account", "/account/cards", "/account/orders", "/checkout", `/orders/${orderId}`]) await expectSecurePage(page, url);

  // Static files and API answers: no CSP needed, but no sniffing and no framing either.
  for (const url of ["/products/kopi-gayo-arabika.svg", "/api/health"]) {
    const response = await request.get(url);
    expect(response.headers()["x-content-type-options"], url).toBe("nosniff");
    expect(response.headers()["x-frame-options"], url).toBe("DENY");
  }
});

test("the pages pass their CSP while a customer shops, signs up and pays; injected script does not run", async ({ page, request }) => {
  const violations = await recordCspViolations(page);
  await page.goto("/");
  await page.getByRole("link", { name: /Gayo Arabica Coffee 250 g/ }).click();
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByRole("status")).toContainText("Added to cart");
  await page.getByRole("link", { name: /^Cart/ }).click();
  await page.getByRole("button", { name: "Increase quantity of Gayo Arabica Coffee 250 g" }).click();
  await expect(page.getByTestId("cart-total")).toHaveText("Rp 190.000");
  await newCustomer(page, "csp");
  await openHostedPage(page, request);
  await payOnHostedPage(page, APPROVED_CARD);
  await expect(orderStatus(page)).toHaveText("Paid");
  await page.getByText("Payment inspector").click();
  await page.getByRole("link", { name: "← Your orders" }).click();
  await expect(page.getByTestId("order-row")).toHaveCount(1);
  await page.goto("/account/cards");
  await page.goto("/account");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByRole("status").filter({ hasText: "saved" })).toBeVisible();
  expect(violations).toEqual([]);

  // The CSP is not decorative: markup injected into the page cannot run script.
  await page.evaluate(() => {
    const box = document.createElement("div");
    box.innerHTML = `<img src="/nope.png" onerror="window.__pwned = 'onerror'"><a id="x" href="#" onclick="window.__pwned = 'onclick'">x</a>`;
    document.body.append(box);
    (document.getElementById("x") as HTMLAnchorElement).click();
  });
  await expect.poll(() => violations.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
});

test("another site cannot frame the shop", async ({ page, context }) => {
  await context.route("http://evil.example/**", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<h1>Win a prize</h1>
             <iframe title="shop" src="${APP_URL}/sign-in" width="600" height="400"></iframe>
             <iframe title="friend" src="http://friend.example/" width="600" height="400"></iframe>`,
    }),
  );
  await context.route("http://friend.example/**", (route) => route.fulfill({ contentType: "text/html", body: "<h1>Framed fine</h1>" }));
  await page.goto("http://evil.example/prize", { waitUntil: "load" });
  // The control: a page that allows framing shows up in the same setup.
  await expect(page.frameLocator('iframe[title="friend"]').getByRole("heading", { name: "Framed fine" })).toBeVisible();
  await expect(page.frameLocator('iframe[title="shop"]').getByRole("heading", { name: "Sign in" })).toHaveCount(0);
  const shopFrame = page.frames().find((frame) => frame !== page.mainFrame() && !frame.url().includes("friend.example"));
  expect(await shopFrame?.evaluate(() => document.body?.innerText ?? "").catch(() => "")).not.toContain("Sign in");
});

test("session and cart cookies are httpOnly and SameSite=Lax", async ({ page }) => {
  await page.goto("/products/sambal-bawang");
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByTestId("cart-count")).toHaveText("1");
  const cart = (await page.context().cookies()).find((cookie) => cookie.name === "cart_id");
  expect(cart).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
  await newCustomer(page, "kue");
  const session = (await page.context().cookies()).find((cookie) => cookie.name.endsWith("authjs.session-token"));
  expect(session).toMatchObject({ name: "authjs.session-token", httpOnly: true, sameSite: "Lax" });
});

test.describe("deployed under https", () => {
  // A second instance configured as a real https deployment (APP_BASE_URL and AUTH_URL https), reached the way a
  // TLS-terminating proxy reaches it: plain http with X-Forwarded-Proto: https.
  let app: RunningServer;
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    app = await startApp({
      port: 3403,
      finpayBaseUrl: `http://localhost:${process.env.E2E_SANDBOX_PORT ?? 4011}`,
      env: { APP_BASE_URL: "https://localhost:3403", AUTH_URL: "https://localhost:3403" },
    });
  });
  test.afterAll(async () => app?.stop());

  test("session and cart cookies are Secure (and __Secure-), and the signed-in pages still recognise them", async ({ browser }) => {
    const context = await browser.newContext({ baseURL: app.url, extraHTTPHeaders: { "X-Forwarded-Proto": "https" } });
    const page = await context.newPage();
    await page.goto("/products/sambal-bawang");
    await page.getByRole("button", { name: "Add to cart" }).click();
    await expect(page.getByTestId("cart-count")).toHaveText("1");
    const cart = (await context.cookies()).find((cookie) => cookie.name === "cart_id");
    expect(cart).toMatchObject({ secure: true, httpOnly: true, sameSite: "Lax" });
    await newCustomer(page, "aman");
    const session = (await context.cookies()).find((cookie) => cookie.name.endsWith("authjs.session-token"));
    expect(session).toMatchObject({ name: "__Secure-authjs.session-token", secure: true, httpOnly: true, sameSite: "Lax" });
    await page.goto("/account/orders");
    await expect(page.getByRole("heading", { name: "Your orders" })).toBeVisible();
    await expect(page.getByTestId("cart-count")).toHaveText("1"); // the guest cart joined the new account
    await context.close();
  });
});

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

test("the client bundles of the build hold neither the merchant key nor the auth secret", () => {
  // The e2e webServer built this app with these values in its environment (playwright.config.ts).
  const appServer = (Array.isArray(config.webServer) ? config.webServer : [config.webServer]).find((server) => server?.env?.AUTH_SECRET);
  const secrets = { AUTH_SECRET: appServer!.env!.AUTH_SECRET!, FINPAY_MERCHANT_KEY: appServer!.env!.FINPAY_MERCHANT_KEY! };
  const staticDir = path.join(process.env.NEXT_DIST_DIR ?? ".next", "static");
  const files = filesUnder(staticDir).filter((file) => /\.(js|css|json|html|txt|map)$/.test(file));
  expect(files.filter((file) => file.endsWith(".js")).length, "client JavaScript files in the build").toBeGreaterThan(5);
  let scanned = 0;
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    scanned += text.length;
    for (const [name, value] of Object.entries(secrets)) expect(text.includes(value), `${name} found in ${file}`).toBe(false);
  }
  expect(scanned, "bytes of client bundles scanned").toBeGreaterThan(100_000);
  // The scan can see what is there: a string of the shop's own client code (the error boundary's words) is found.
  expect(files.some((file) => readFileSync(file, "utf8").includes("Something went wrong"))).toBe(true);
});

test("no page's HTML or RSC payload contains a full card token or a secret", async ({ page, request }) => {
  const owner = await customerWithSavedCard(page, request);
  expect(owner.cardToken).toMatch(/^[0-9a-f]{64}$/);
  await addToCart(page, "sambal-bawang");
  const secrets = ["SoSecret123", "e2e-only-secret"];
  for (const url of ["/", "/account", "/account/cards", "/account/orders", "/checkout", `/orders/${owner.paidOrderId}`]) {
    for (const headers of [{}, { RSC: "1" }] as Record<string, string>[]) {
      const body = await (await page.request.get(url, { headers })).text();
      expect(body.includes(owner.cardToken), `${url} ${JSON.stringify(headers)} holds the card token`).toBe(false);
      for (const secret of secrets) expect(body.includes(secret), `${url} holds ${secret}`).toBe(false);
    }
  }
  // The inspector does show that a token was used, shortened to its last 6 characters.
  await page.goto(`/orders/${owner.paidOrderId}`);
  await page.getByText("Payment inspector").click();
  await expect(page.getByTestId("payment-inspector")).toContainText(owner.cardToken.slice(-6));
});
