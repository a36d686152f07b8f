import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: { "@": fileURLToPath(new URL(".", import.meta.url)) },
  },
  test: {
    environment: "node",
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", ".next/**", "e2e/**", ".data/**"],
    setupFiles: ["./test-support/setup.ts"],
    globalSetup: ["./test-support/global-setup.ts"],
    // Database tests on one shared Postgres count rows; run files one at a time there (PGlite gives each file its own).
    fileParallelism: !process.env.DATABASE_URL,
    reporters: process.env.CI ? ["default", "json"] : ["default"],
    outputFile: { json: process.env.VITEST_JSON_OUTPUT ?? "test-reports/vitest.json" },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    coverage: {
      provider: "v8",
      include: ["lib/**/*.ts", "sandbox/**/*.ts", "db/**/*.ts"],
      exclude: ["**/*.test.ts"],
      reporter: ["text-summary", "text"],
    },
  },
});
