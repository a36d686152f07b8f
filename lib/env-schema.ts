import { z } from "zod";
import { LAST_CALLBACK_RETRY_MINUTES } from "./finpay/callback-retries";
import { DEFAULT_VOID_FORM, VOID_FORMS } from "./finpay/money-back";
import { parseProxyEntry } from "./security/addresses";

/**
 * Every environment variable the app reads, validated in one place. Development needs none of them:
 * the defaults give an embedded database and the local Finpay sandbox with the docs' example merchant.
 * Kept free of `server-only` so the database CLI scripts (plain Node via tsx) can use it too.
 */

// The Finpay docs' own example credential (docs/finpay-reference.md §1); the local sandbox accepts it by default.
export const SANDBOX_MERCHANT_ID = "FINPAY770";
export const SANDBOX_MERCHANT_KEY = "SoSecret123";
export const SANDBOX_BASE_URL = "http://localhost:4010";

/** The picture stores lib/media/store.ts knows. */
export const MEDIA_STORE_KINDS = ["local"] as const;
export type MediaStoreKind = (typeof MEDIA_STORE_KINDS)[number];

/** An empty variable (`NAME=` in a .env file) counts as unset, so its default applies. */
const blankAsUnset = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema);
const optionalString = blankAsUnset(z.string().optional());
const booleanFlag = blankAsUnset(z.enum(["true", "false"]).default("true")).transform((v) => v === "true");

const variables = {
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: blankAsUnset(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
      .optional(),
  ),
  PGLITE_DIR: blankAsUnset(z.string().default(".data/pglite")),
  // Connections per instance to DATABASE_URL: keep instances x this under PostgreSQL's max_connections.
  DATABASE_POOL_SIZE: blankAsUnset(z.coerce.number().int().min(1).max(1_000).default(10)),
  AUTH_SECRET: optionalString.pipe(z.string().min(32, "must be at least 32 characters").optional()),
  // Trust the Host / X-Forwarded-Host header (next start, a proxy); false for a fixed AUTH_URL.
  AUTH_TRUST_HOST: booleanFlag,
  APP_BASE_URL: blankAsUnset(
    z.url({ protocol: /^https?$/ }).default("http://localhost:3000"),
  ),
  FINPAY_BASE_URL: blankAsUnset(
    z.url({ protocol: /^https?$/ }).default(SANDBOX_BASE_URL),
  ),
  FINPAY_MERCHANT_ID: optionalString,
  FINPAY_MERCHANT_KEY: optionalString,
  FINPAY_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
  // Confirm every callback with check-status before acting on it (Finpay calls this "the most secure method").
  FINPAY_CONFIRM_CALLBACKS: booleanFlag,
  // Which void form the host takes (lib/finpay/money-back.ts): the documented POST, or the GET of a third-party
  // note. `npm run finpay:check` says which one the configured host answers.
  FINPAY_VOID_FORM: blankAsUnset(z.enum(VOID_FORMS, { error: `must be ${VOID_FORMS.join(" or ")}` }).default(DEFAULT_VOID_FORM)),
  // A pending payment with no processed callback after this many seconds is settled from check-status. At most
  // Finpay's retry window (111 minutes): a payment whose callbacks all failed is then settled by the time the
  // last retry would have come.
  RECONCILE_AFTER_SECONDS: z.coerce
    .number()
    .int()
    .min(10)
    .max(LAST_CALLBACK_RETRY_MINUTES * 60, `must be at most ${LAST_CALLBACK_RETRY_MINUTES * 60}: Finpay's last callback retry comes ${LAST_CALLBACK_RETRY_MINUTES} minutes after the first`)
    .default(180),
  // Outgoing mail (lib/email): an smtp:// or smtps:// URL, user and password in it when the server needs them.
  // The default is MailDev, which `npm run dev` starts (web inbox on http://localhost:1080).
  SMTP_URL: blankAsUnset(z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" }).default("smtp://localhost:1025")),
  // The From of every email: an address, or `Name <address>`.
  MAIL_FROM: blankAsUnset(
    z
      .string()
      .max(200)
      .regex(/^([^<>@\r\n]+<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/, "must be an address or `Name <address>`")
      .default("Toko Nusantara <no-reply@toko-nusantara.test>"),
  ),
  // When the job worker runs reconciliation of overdue payments (cron syntax, minutes at the finest).
  RECONCILE_CRON: blankAsUnset(z.string().regex(/^(\S+\s+){4}\S+$/, "must be a five-field cron expression").default("* * * * *")),
  // Reverse proxies whose X-Forwarded-For entries are believed (comma-separated IPs or CIDRs). None by default:
  // the client's address is then the address of the connection itself (lib/auth/client-ip.ts).
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((value, ctx) => {
      const entries = value.split(",").map((entry) => entry.trim()).filter(Boolean);
      const parsed = entries.map(parseProxyEntry);
      const bad = entries.find((_, i) => parsed[i] === null);
      if (bad !== undefined) {
        ctx.addIssue({ code: "custom", message: `"${bad.slice(0, 60)}" is not an IP address or CIDR block (e.g. 10.0.0.0/8, 203.0.113.7, ::1)` });
        return z.NEVER;
      }
      return parsed as string[];
    }),
  // Where product pictures uploaded in the console are kept (lib/media/store.ts): "local" = files under MEDIA_DIR.
  // Several instances must share that directory (a volume), as they share the database.
  MEDIA_STORE: blankAsUnset(z.enum(MEDIA_STORE_KINDS).default("local")),
  MEDIA_DIR: blankAsUnset(z.string().default(".data/media")),
  // How many reset and sign-up emails one client address may ask for in 15 minutes (lib/auth/email-requests.ts). The
  // e2e suite and the cluster test raise it: every one of their browsers signs up from the same loopback address.
  EMAIL_REQUESTS_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(10),
  // `debug` adds the verbose lines of lib/logger.ts.
  LOG_LEVEL: blankAsUnset(z.enum(["debug", "info", "warn", "error"]).default("info")),
};

const envSchema = z
  .object(variables)
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

type Variables = typeof variables;

/**
 * One variable, validated by the same rule as in parseEnv, for code that runs before (or without) the whole
 * environment: the Auth.js configuration shared with proxy.ts, the logger.
 */
export function readEnvVariable<K extends keyof Variables>(name: K, source: Record<string, string | undefined> = process.env): z.infer<Variables[K]> {
  const result = variables[name].safeParse(source[name]);
  if (!result.success) throw new EnvError(name, result.error.issues[0]!.message);
  return result.data as z.infer<Variables[K]>;
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
