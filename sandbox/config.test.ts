import { describe, expect, it } from "vitest";
import { ConfigError, DEFAULT_CONFIG, loadConfigFromEnv } from "./config";

describe("loadConfigFromEnv", () => {
  it("uses the documented development defaults, shared with the app", () => {
    expect(loadConfigFromEnv({})).toEqual(DEFAULT_CONFIG);
    expect(DEFAULT_CONFIG).toMatchObject({
      port: 4010,
      stateFile: ".data/sandbox-state.json",
      merchantId: "FINPAY770",
      merchantKey: "SoSecret123",
      callbackTimeoutMs: 30_000,
      callbackRetryMinutes: [1, 5, 15, 30, 60],
      initiateTimeoutMs: 20_000,
    });
  });

  it("reads every variable", () => {
    const config = loadConfigFromEnv({
      SANDBOX_PORT: "4011",
      SANDBOX_HOST: "127.0.0.1",
      SANDBOX_PUBLIC_URL: "http://localhost:4011/",
      SANDBOX_STATE_FILE: "memory",
      FINPAY_MERCHANT_ID: "M1",
      FINPAY_MERCHANT_KEY: "K1",
      SANDBOX_CALLBACK_TIMEOUT_MS: "3000",
      SANDBOX_CALLBACK_RETRY_MINUTES: "0.5,2",
      SANDBOX_INITIATE_TIMEOUT_MS: "100",
      SANDBOX_SWEEP_INTERVAL_MS: "0",
      SANDBOX_SETTLE_AFTER_MINUTES: "30",
    });
    expect(config).toEqual({
      port: 4011,
      host: "127.0.0.1",
      publicUrl: "http://localhost:4011",
      stateFile: "memory",
      merchantId: "M1",
      merchantKey: "K1",
      callbackTimeoutMs: 3000,
      callbackRetryMinutes: [0.5, 2],
      initiateTimeoutMs: 100,
      sweepIntervalMs: 0,
      settleAfterMinutes: 30,
    });
  });

  it("takes `none` for a sandbox that never retries a callback", () => {
    expect(loadConfigFromEnv({ SANDBOX_CALLBACK_RETRY_MINUTES: "none" }).callbackRetryMinutes).toEqual([]);
  });

  it("treats empty variables as unset", () => {
    expect(loadConfigFromEnv({ SANDBOX_PORT: "", FINPAY_MERCHANT_KEY: "" })).toMatchObject({ port: 4010, merchantKey: "SoSecret123" });
  });

  it.each([
    ["SANDBOX_PORT", "abc"],
    ["SANDBOX_PORT", "70000"],
    ["SANDBOX_PUBLIC_URL", "localhost:4010"],
    ["SANDBOX_CALLBACK_RETRY_MINUTES", "1;5"],
    ["SANDBOX_CALLBACK_RETRY_MINUTES", "-1"],
    ["SANDBOX_CALLBACK_TIMEOUT_MS", "-1"],
  ])("fails fast naming %s=%s", (name, value) => {
    expect(() => loadConfigFromEnv({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfigFromEnv({ [name]: value })).toThrow(new RegExp(`^Invalid ${name}=`));
  });
});
