import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumExecutable } from "./e2e/support/browser";

/**
 * The cluster test (`npm run test:cluster`, part of `npm test` and CI): the spec starts the cluster itself with
 * scripts/cluster/ (the module behind `npm run cluster`), because it must kill and restart one of the instances.
 * Ports: CLUSTER_APP_PORTS (two, comma-separated), CLUSTER_SANDBOX_PORT, CLUSTER_NGINX_PORT.
 */
export default defineConfig({
  testDir: "./e2e-cluster",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: process.env.CI ? [["list"], ["json", { outputFile: "test-reports/e2e-cluster.json" }]] : [["list"]],
  use: {
    locale: "en-US", // the suite reads the English shop
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: chromiumExecutable(), args: CHROMIUM_ARGS },
  },
  projects: [{ name: "cluster", use: { ...devices["Desktop Chrome"] } }],
});
