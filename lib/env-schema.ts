import { z } from "zod";

/**
 * Every environment variable the app reads, validated in one place. Development needs none of them:
 * the defaults give an embedded database and the local Finpay sandbox with the docs' example merchant.
 * Kept free of `server-only` so the database CLI scripts (plain Node via tsx) can use it too.
 */

// The Finpay docs' own example credential (finpay-api.md §1); the local sandbox accepts it by default.
export const SANDBOX_MERCHANT_ID = "FINPAY770";
export const SANDBOX_MERCHANT_KEY = "SoSecret123";
export const SANDBOX_BASE_URL = "http://localhost:4010";

const optionalString = z.preprocess((v) => (v === "" ? undefined : v), z.string().optional());

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
        .optional(),
    ),
    PGLITE_DIR: z.preprocess((v) => (v === "" ? undefined : v), z.string().default(".data/pglite")),
    AUTH_SECRET: optionalString.pipe(z.string().min(32, "must be at least 32 characters").optional()),
    APP_BASE_URL: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z.url({ protocol: /^https?$/ }).default("http://localhost:3000"),
    ),
    FINPAY_BASE_URL: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z.url({ protocol: /^https?$/ }).default(SANDBOX_BASE_URL),
    ),
    FINPAY_MERCHANT_ID: optionalString,
    FINPAY_MERCHANT_KEY: optionalString,
    FINPAY_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
    // Confirm every callback with check-status before acting on it (Finpay calls this "the most secure method").
    FINPAY_CONFIRM_CALLBACKS: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["true", "false"]).default("true")).transform((v) => v === "true"),
    // A pending payment with no callback after this many seconds is settled from check-status.
    RECONCILE_AFTER_SECONDS: z.coerce.number().int().min(10).max(86_400).default(180),
  })
  .superRefine((env, ctx) => {
    // Falling back to the example credential only makes sense against the local sandbox.
    if (isRealFinpayHost(env.FINPAY_BASE_URL)) {
      for (const name of ["FINPAY_MERCHANT_ID", "FINPAY_MERCHANT_KEY"] as const) {
        if (!env[name]) {
          ctx.addIssue({ code: "custom", path: [name], message: `is required when FINPAY_BASE_URL is ${env.FINPAY_BASE_URL}` });
        }
      }
    }
  })
  .transform((env) => ({
    ...env,
    FINPAY_MERCHANT_ID: env.FINPAY_MERCHANT_ID ?? SANDBOX_MERCHANT_ID,
    FINPAY_MERCHANT_KEY: env.FINPAY_MERCHANT_KEY ?? SANDBOX_MERCHANT_KEY,
  }));

export type Env = z.infer<typeof envSchema>;

export function isRealFinpayHost(baseUrl: string): boolean {
  return /(^|\.)finnet\.co\.id$/i.test(new URL(baseUrl).hostname);
}

export class EnvError extends Error {
  constructor(readonly variable: string, detail: string) {
    super(`Invalid environment variable ${variable}: ${detail}`);
    this.name = "EnvError";
  }
}

/** Parses the environment; the error names the first bad variable so a misconfigured start fails fast. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new EnvError(String(issue.path[0] ?? "(unknown)"), issue.message);
  }
  return result.data;
}
