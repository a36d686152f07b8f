import { expect, test } from "@playwright/test";
import { uniqueEmail } from "../support/accounts";
import { actionResult, callAction } from "./support/actions";
import { startApp, type RunningServer } from "./support/servers";
import { APP_URL } from "./support/shop";

/**
 * X-Forwarded-Host against server actions (issue 25, item 3). Next.js compares a server action's Origin with the
 * first X-Forwarded-Host entry when there is one, else with Host, and aborts a mismatch with a 500. proxy.ts believes
 * X-Forwarded-Host only from a trusted proxy (TRUSTED_PROXIES) and removes it otherwise, so a client's own value never
 * reaches Next.js; when it is believed, a mismatch is the proxy's 403.
 */

const SENT = /^If an account uses that email, we have sent it a link/;

const forgotPassword = (request: Parameters<typeof callAction>[0], call: { baseURL?: string; origin?: string; forwardedHost?: string }) =>
  callAction(request, "requestPasswordResetAction", {
    path: "/forgot-password",
    baseURL: call.baseURL,
    origin: call.origin,
    fields: { email: uniqueEmail("host") },
    headers: call.forwardedHost ? { "X-Forwarded-Host": call.forwardedHost } : {},
  });

test.describe("behind a trusted proxy (the e2e app trusts loopback)", () => {
  test("the shop's own Origin with a forwarded host of another site is the proxy's 403, not Next.js's 500", async ({ request }) => {
    const response = await forgotPassword(request, { forwardedHost: "evil.example" });
    expect(response.status()).toBe(403);
    expect(await response.json()).toEqual({ error: "Cross-site request refused" });
  });

  test("a forwarded host that is the shop's own is believed: the action runs", async ({ request }) => {
    const response = await forgotPassword(request, { forwardedHost: new URL(APP_URL).host });
    expect(response.status()).toBe(200);
    expect((await actionResult(response))?.message).toMatch(SENT);
  });
});

test.describe("with TRUSTED_PROXIES unset", () => {
  let app: RunningServer;
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    // A port of this run's own range (the e2e app's + 304), so parallel runs on other ports never collide.
    const port = Number(process.env.E2E_APP_PORT ?? 3100) + 304;
    app = await startApp({ port, finpayBaseUrl: `http://localhost:${process.env.E2E_SANDBOX_PORT ?? 4011}`, env: { TRUSTED_PROXIES: "" } });
  });
  test.afterAll(async () => app?.stop());

  test("a client's X-Forwarded-Host is ignored: the shop's own Origin still runs the action", async ({ request }) => {
    const response = await forgotPassword(request, { baseURL: app.url, forwardedHost: "evil.example" });
    expect(response.status()).toBe(200);
    expect((await actionResult(response))?.message).toMatch(SENT);
  });

  test("another site's Origin cannot make itself welcome by sending its own host as X-Forwarded-Host", async ({ request }) => {
    const response = await forgotPassword(request, { baseURL: app.url, origin: "http://evil.example", forwardedHost: "evil.example" });
    expect(response.status()).toBe(403);
  });
});
