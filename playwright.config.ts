import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumExecutable } from "./e2e/support/browser";

const APP_PORT = Number(process.env.E2E_APP_PORT ?? 3100);
const SANDBOX_PORT = Number(process.env.E2E_SANDBOX_PORT ?? 4011);
// The tests' mail catcher (MailDev): not the 1025/1080 that `npm run dev` uses, so both can run at once.
const MAIL_SMTP_PORT = Number(process.env.E2E_MAIL_SMTP_PORT ?? 1026);
const MAIL_WEB_PORT = Number(process.env.E2E_MAIL_WEB_PORT ?? 1081);
const MAIL_CONTROL_PORT = Number(process.env.E2E_MAIL_CONTROL_PORT ?? 1082);
export const APP_URL = `http://localhost:${APP_PORT}`;
export const SANDBOX_URL = `http://localhost:${SANDBOX_PORT}`;

// Both servers agree on the merchant credentials through the same variables as in development.
const shared = {
  NEXT_TELEMETRY_DISABLED: "1",
  FINPAY_MERCHANT_ID: "FINPAY770",
  FINPAY_MERCHANT_KEY: "SoSecret123",
};

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["json", { outputFile: "test-reports/e2e.json" }]] : [["list"]],
  use: {
    baseURL: APP_URL,
    // The shop speaks Bahasa Indonesia unless told otherwise; the suite reads English (Accept-Language en-US), and the
    // Indonesian journeys set their own locale.
    locale: "en-US",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: chromiumExecutable(), args: CHROMIUM_ARGS },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: [
    {
      command: "npx tsx e2e/support/serve-mail.ts",
      url: `http://127.0.0.1:${MAIL_CONTROL_PORT}/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: { E2E_MAIL_SMTP_PORT: String(MAIL_SMTP_PORT), E2E_MAIL_WEB_PORT: String(MAIL_WEB_PORT), E2E_MAIL_CONTROL_PORT: String(MAIL_CONTROL_PORT) },
    },
    {
      command: "npx tsx sandbox/main.ts",
      url: `${SANDBOX_URL}/__sandbox/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        ...shared,
        SANDBOX_PORT: String(SANDBOX_PORT),
        SANDBOX_PUBLIC_URL: SANDBOX_URL,
        SANDBOX_STATE_FILE: "memory",
        // The "timeout" fault holds initiate longer than the app waits (FINPAY_TIMEOUT_MS below), but not 20 s.
        SANDBOX_INITIATE_TIMEOUT_MS: "5000",
      },
    },
    {
      command: "npx tsx e2e/support/serve-app.ts",
      url: `${APP_URL}/api/health`,
      reuseExistingServer: false,
      timeout: 300_000,
      stdout: "pipe",
      env: {
        ...shared,
        PORT: String(APP_PORT),
        APP_BASE_URL: APP_URL,
        AUTH_URL: APP_URL,
        AUTH_TRUST_HOST: "true",
        AUTH_SECRET: "e2e-only-secret-0123456789abcdef0123456789",
        FINPAY_BASE_URL: SANDBOX_URL,
        // Short enough for the gateway-fault tests (e2e/hardening) to see a timeout and a lost callback settled
        // by reconciliation without waiting minutes; long enough for the other tests never to hit them.
        FINPAY_TIMEOUT_MS: "3000",
        RECONCILE_AFTER_SECONDS: "15",
        SMTP_URL: `smtp://127.0.0.1:${MAIL_SMTP_PORT}`,
        // The tests reach the app from loopback; trusting it as a proxy lets a test act from any client address by
        // sending X-Forwarded-For, as a real proxy would append it (e2e/hardening/security.spec.ts).
        TRUSTED_PROXIES: "127.0.0.1,::1",
        // Every test's browser signs up from loopback: the per-address email limit would stop the suite after ten
        // sign-ups. The limits per email and per (email, address) stay as they are; lib/auth tests the address limit.
        EMAIL_REQUESTS_PER_ADDRESS: "100000",
      },
    },
  ],
});
