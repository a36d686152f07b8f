import { z } from "zod";
import { CALLBACK_REPLY_TIMEOUT_MS, CALLBACK_RETRY_MINUTES } from "../lib/finpay/callback-retries";

/**
 * Everything the sandbox needs to run. `createSandbox` takes a partial of this (tests shrink the delays);
 * `loadConfigFromEnv` builds it from the same variables the storefront reads, so the two agree by default.
 */
export interface SandboxConfig {
  /** Port for `npm run sandbox`; tests pass 0 to `start()` instead. */
  port: number;
  /** Interface to bind; undefined = Node's default (all interfaces, IPv4 and IPv6, so "localhost" always works). */
  host: string | undefined;
  /** Base of `redirecturl`; undefined = http://localhost:<bound port>. */
  publicUrl: string | undefined;
  /** Path of the JSON state file, or "memory" for a state that lives and dies with the process. */
  stateFile: string;
  merchantId: string;
  merchantKey: string;
  /** How long one callback POST may take before it counts as failed: Finpay's 30 s. */
  callbackTimeoutMs: number;
  /** Minutes of the retries after a failed delivery: Finpay's 1, 5, 15, 30, 60 (read as waits unless a quirk says offsets). */
  callbackRetryMinutes: readonly number[];
  /** How long the "timeout" fault holds an initiate request before answering 504. */
  initiateTimeoutMs: number;
  /** Period of the background sweep that expires unpaid orders; 0 disables it (expiry is still checked lazily). */
  sweepIntervalMs: number;
  /** A capture settles this many minutes after payment (the acquirer's batch); a void is refused after it. */
  settleAfterMinutes: number;
}

/** The docs' own example credential (docs/finpay-reference.md §1): not a real secret, shared with the app's defaults. */
export const DEVELOPMENT_MERCHANT_ID = "FINPAY770";
export const DEVELOPMENT_MERCHANT_KEY = "SoSecret123";

export const DEFAULT_CONFIG: SandboxConfig = {
  port: 4010,
  host: undefined,
  publicUrl: undefined,
  stateFile: ".data/sandbox-state.json",
  merchantId: DEVELOPMENT_MERCHANT_ID,
  merchantKey: DEVELOPMENT_MERCHANT_KEY,
  callbackTimeoutMs: CALLBACK_REPLY_TIMEOUT_MS,
  callbackRetryMinutes: CALLBACK_RETRY_MINUTES,
  initiateTimeoutMs: 20_000,
  sweepIntervalMs: 5_000,
  settleAfterMinutes: 1440,
};

// .env files often leave a variable present but empty; treat that as "not set" so the default applies.
const optionalText = z.preprocess((v) => (v === "" ? undefined : v), z.string().optional());
const int = (min: number, max: number) =>
  z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(min).max(max).optional());

const EnvSchema = z.object({
  SANDBOX_PORT: int(0, 65_535),
  SANDBOX_HOST: optionalText,
  SANDBOX_PUBLIC_URL: optionalText.pipe(
    z
      .string()
      .regex(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, "must be an http(s) URL such as http://localhost:4010")
      .optional(),
  ),
  SANDBOX_STATE_FILE: optionalText,
  FINPAY_MERCHANT_ID: optionalText,
  FINPAY_MERCHANT_KEY: optionalText,
  SANDBOX_CALLBACK_TIMEOUT_MS: int(1, 600_000),
  SANDBOX_CALLBACK_RETRY_MINUTES: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .regex(/^(none|\d+(\.\d+)?(,\d+(\.\d+)?){0,19})$/, "must be up to 20 comma-separated minutes such as 1,5,15,30,60, or none")
      .transform((v) => (v === "none" ? [] : v.split(",").map(Number)))
      .optional(),
  ),
  SANDBOX_INITIATE_TIMEOUT_MS: int(0, 600_000),
  SANDBOX_SWEEP_INTERVAL_MS: int(0, 3_600_000),
  SANDBOX_SETTLE_AFTER_MINUTES: int(0, 525_600),
});

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Reads the environment and fails fast with a message that names the offending variable. */
export function loadConfigFromEnv(env: Record<string, string | undefined> = process.env): SandboxConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue?.path.join(".") ?? "environment";
    throw new ConfigError(`Invalid ${name}=${JSON.stringify(env[name] ?? "")}: ${issue?.message ?? "invalid"}`);
  }
  const e = parsed.data;
  return {
    port: e.SANDBOX_PORT ?? DEFAULT_CONFIG.port,
    host: e.SANDBOX_HOST,
    publicUrl: e.SANDBOX_PUBLIC_URL?.replace(/\/+$/, ""),
    stateFile: e.SANDBOX_STATE_FILE ?? DEFAULT_CONFIG.stateFile,
    merchantId: e.FINPAY_MERCHANT_ID ?? DEFAULT_CONFIG.merchantId,
    merchantKey: e.FINPAY_MERCHANT_KEY ?? DEFAULT_CONFIG.merchantKey,
    callbackTimeoutMs: e.SANDBOX_CALLBACK_TIMEOUT_MS ?? DEFAULT_CONFIG.callbackTimeoutMs,
    callbackRetryMinutes: e.SANDBOX_CALLBACK_RETRY_MINUTES ?? DEFAULT_CONFIG.callbackRetryMinutes,
    initiateTimeoutMs: e.SANDBOX_INITIATE_TIMEOUT_MS ?? DEFAULT_CONFIG.initiateTimeoutMs,
    sweepIntervalMs: e.SANDBOX_SWEEP_INTERVAL_MS ?? DEFAULT_CONFIG.sweepIntervalMs,
    settleAfterMinutes: e.SANDBOX_SETTLE_AFTER_MINUTES ?? DEFAULT_CONFIG.settleAfterMinutes,
  };
}
