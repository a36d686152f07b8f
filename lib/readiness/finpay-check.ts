import { randomBytes } from "node:crypto";
import { isIP } from "node:net";
import { createFinpayClient, describeVoidForm, FINPAY_HOSTS, isFinpayError, isLoopbackUrl, isVoidFormRefused, VOID_FORMS, type FinpayVoidForm } from "@/lib/finpay";
import { SANDBOX_MERCHANT_ID, SANDBOX_MERCHANT_KEY } from "@/lib/env-schema";

/**
 * `npm run finpay:check`: is this configuration ready to take payments at the Finpay host it names? It reads the
 * same variables as the app, says what it found in plain words, and proves the credentials with one harmless call:
 * a status check of an order id nobody ever made, which an authenticated merchant gets "not found" for and a wrong
 * key gets "unauthorized" for. No database, no next/*: it runs before the app is deployed.
 */

export type FindingLevel = "ok" | "note" | "problem";
export interface Finding {
  level: FindingLevel;
  /** What was checked, e.g. "Finpay host". */
  topic: string;
  message: string;
}
export interface ReadinessReport {
  ready: boolean;
  target: "development" | "production" | "sandbox" | "unknown";
  callbackUrl: string | null;
  findings: Finding[];
}

type Source = Record<string, string | undefined>;

/** [INFER:merchant-id-format] Merchant ids seen in Finpay's docs and integrations are short letters and digits (FINPAY770). */
const MERCHANT_ID_PATTERN = /^[A-Za-z0-9_-]{3,64}$/;
/** A key is a password for Basic auth and the callback HMAC key: printable, no spaces (a pasted newline is a classic). */
const MERCHANT_KEY_PATTERN = /^[\x21-\x7e]{8,256}$/;

const value = (source: Source, name: string) => (source[name]?.trim() ? source[name]!.trim() : undefined);

export async function checkFinpayReadiness(source: Source, options: { timeoutMs?: number } = {}): Promise<ReadinessReport> {
  const findings: Finding[] = [];
  const add = (level: FindingLevel, topic: string, message: string) => findings.push({ level, topic, message });

  // 1. The host.
  const baseUrlText = value(source, "FINPAY_BASE_URL") ?? "http://localhost:4010";
  let target: ReadinessReport["target"] = "unknown";
  let baseUrl: URL | null = null;
  try {
    baseUrl = new URL(baseUrlText);
  } catch {
    add("problem", "Finpay host", `FINPAY_BASE_URL "${baseUrlText}" is not a URL. Use ${FINPAY_HOSTS.development} (development) or ${FINPAY_HOSTS.production} (production).`);
  }
  if (baseUrl) {
    const finpayHost = Object.entries(FINPAY_HOSTS).find(([, url]) => new URL(url).hostname === baseUrl.hostname);
    if (finpayHost && baseUrl.protocol !== "https:") {
      add("problem", "Finpay host", `FINPAY_BASE_URL uses ${baseUrl.protocol.replace(":", "")}, not https: the merchant key would cross the internet in clear text. Use ${finpayHost[1]}.`);
    } else if (finpayHost && (baseUrl.port || (baseUrl.pathname !== "/" && baseUrl.pathname !== "") || baseUrl.search)) {
      add("problem", "Finpay host", `FINPAY_BASE_URL should be exactly ${finpayHost[1]} (no port, path or query); it is ${baseUrlText}.`);
    } else if (finpayHost) {
      target = finpayHost[0] as "development" | "production";
      add("ok", "Finpay host", `${baseUrl.origin}: Finpay ${target === "production" ? "production (real money)" : "development (test cards only)"}.`);
    } else if (isLoopbackUrl(baseUrl.href)) {
      target = "sandbox";
      add("ok", "Finpay host", `${baseUrl.origin}: the local Finpay sandbox (no real payments).`);
    } else {
      add("problem", "Finpay host", `Unknown host ${baseUrl.hostname}: Finpay's hosts are devo.finnet.co.id (development) and live.finnet.co.id (production); the sandbox runs on localhost.`);
    }
  }
  const realHost = target === "development" || target === "production";

  // 2. The credentials.
  const merchantId = value(source, "FINPAY_MERCHANT_ID") ?? (realHost ? undefined : SANDBOX_MERCHANT_ID);
  const merchantKey = value(source, "FINPAY_MERCHANT_KEY") ?? (realHost ? undefined : SANDBOX_MERCHANT_KEY);
  if (!merchantId) add("problem", "Merchant id", "FINPAY_MERCHANT_ID is not set. Copy it from dashboard.finpay.id, Access Keys.");
  else if (!MERCHANT_ID_PATTERN.test(merchantId)) add("problem", "Merchant id", "FINPAY_MERCHANT_ID should be 3 to 64 letters, digits, '-' or '_'; check for a stray space or quote.");
  if (!merchantKey) add("problem", "Merchant key", "FINPAY_MERCHANT_KEY is not set. Copy it from dashboard.finpay.id, Access Keys.");
  else if (!MERCHANT_KEY_PATTERN.test(merchantKey)) add("problem", "Merchant key", "FINPAY_MERCHANT_KEY should be 8 to 256 printable characters without spaces; check for a pasted newline or quote.");
  if (realHost && merchantId === SANDBOX_MERCHANT_ID && merchantKey === SANDBOX_MERCHANT_KEY) {
    add("problem", "Credentials", "FINPAY770 / SoSecret123 is the example from Finpay's documentation, not an account: use your own keys.");
  } else if (merchantId && merchantKey && MERCHANT_ID_PATTERN.test(merchantId) && MERCHANT_KEY_PATTERN.test(merchantKey)) {
    add("ok", "Credentials", `merchant id ${merchantId}, key of ${merchantKey.length} characters (not shown).`);
  }

  // 3. Where Finpay sends callbacks and customers.
  const appBaseText = value(source, "APP_BASE_URL") ?? "http://localhost:3000";
  let callbackUrl: string | null = null;
  try {
    const appBase = new URL(appBaseText);
    callbackUrl = `${appBase.origin}${appBase.pathname.replace(/\/+$/, "")}/api/finpay/callback`;
    if (realHost && appBase.protocol !== "https:") {
      add("problem", "APP_BASE_URL", `${appBaseText} is not https: Finpay posts callbacks and sends customers to it, so it must be the shop's public https address.`);
    } else if (realHost && isPrivateHost(appBase.hostname)) {
      add("problem", "APP_BASE_URL", `${appBase.hostname} cannot be reached from the internet: Finpay could not deliver callbacks to ${callbackUrl}.`);
    } else {
      add("ok", "APP_BASE_URL", `callbacks go to ${callbackUrl}${realHost ? " (register this URL in the Finpay dashboard)" : ""}.`);
    }
  } catch {
    add("problem", "APP_BASE_URL", `"${appBaseText}" is not a URL.`);
  }

  // 4. Callback confirmation.
  const confirm = value(source, "FINPAY_CONFIRM_CALLBACKS") ?? "true";
  const production = target === "production" || source.NODE_ENV === "production";
  if (confirm !== "true" && confirm !== "false") add("problem", "FINPAY_CONFIRM_CALLBACKS", `must be "true" or "false", not "${confirm}".`);
  else if (confirm === "false" && production) {
    add("problem", "FINPAY_CONFIRM_CALLBACKS", "is off in production: a callback would be acted on without asking Finpay's check-status first. Set it to true.");
  } else if (confirm === "false") add("note", "FINPAY_CONFIRM_CALLBACKS", "is off: callbacks are trusted on their signature alone (acceptable for tests only).");
  else add("ok", "FINPAY_CONFIRM_CALLBACKS", "on: every callback is confirmed with check-status before it changes an order.");

  // 5. Prove the credentials with one status check of an order that does not exist.
  const canCall = baseUrl && target !== "unknown" && !findings.some((f) => f.level === "problem" && (f.topic === "Finpay host" || f.topic.startsWith("Merchant")));
  if (canCall && merchantId && merchantKey) {
    const probe = `READINESS-${randomBytes(6).toString("hex").toUpperCase()}`;
    const client = createFinpayClient({ baseUrl: baseUrl!.href, merchantId, merchantKey, timeoutMs: options.timeoutMs ?? 15_000, logger: () => {} });
    let credentialsProven = false;
    try {
      await client.checkStatus(probe);
      add("note", "Finpay call", `check-status of the made-up order ${probe} answered with a transaction; the credentials work, but the answer is odd.`);
    } catch (error) {
      if (isFinpayError(error) && error.kind === "not_found") {
        credentialsProven = true;
        add("ok", "Finpay call", `credentials accepted: check-status of the made-up order ${probe} answered "not found" (${error.responseCode ?? error.httpStatus}), as it does only for a signed-in merchant.`);
      } else if (isFinpayError(error) && error.kind === "unauthorized") {
        add("problem", "Finpay call", `Finpay refused the credentials (HTTP ${error.httpStatus ?? "?"}, ${error.responseCode ?? "no code"}): the merchant id or key is wrong, or they belong to the other host (development and production keys differ).`);
      } else if (isFinpayError(error) && (error.kind === "network" || error.kind === "timeout")) {
        add("problem", "Finpay call", `could not reach ${baseUrl!.origin} (${error.kind}: ${error.message}).`);
      } else {
        const detail = isFinpayError(error) ? `${error.kind}, HTTP ${error.httpStatus ?? "?"}, ${error.responseCode ?? "no code"}: ${error.message}` : String(error);
        add("problem", "Finpay call", `check-status answered something unexpected (${detail}).`);
      }
    }
    if (credentialsProven) {
      const configured = value(source, "FINPAY_VOID_FORM") ?? "post";
      await checkVoidForms(configured, (form) => createFinpayClient({ baseUrl: baseUrl!.href, merchantId, merchantKey, timeoutMs: options.timeoutMs ?? 15_000, logger: () => {}, voidForm: form }), add);
    }
  } else {
    add("note", "Finpay call", "skipped until the host and credentials above are fixed.");
  }

  return { ready: !findings.some((f) => f.level === "problem"), target, callbackUrl, findings };
}

type VoidFormAnswer = "answered" | "not_offered" | "unclear";

/**
 * Which void form the host takes (lib/finpay/money-back.ts), without voiding anything: each form is sent for a
 * made-up order. A Finpay answer ("not found", with its code) means the host has that endpoint; a 404 or 405 without
 * a Finpay code means it does not.
 */
async function checkVoidForms(
  configured: string,
  clientFor: (form: FinpayVoidForm) => ReturnType<typeof createFinpayClient>,
  add: (level: FindingLevel, topic: string, message: string) => void,
): Promise<void> {
  if (!(VOID_FORMS as readonly string[]).includes(configured)) {
    add("problem", "FINPAY_VOID_FORM", `must be ${VOID_FORMS.join(" or ")}, not "${configured}".`);
    return;
  }
  const probe = `READINESS-VOID-${randomBytes(4).toString("hex").toUpperCase()}`;
  const answers = {} as Record<FinpayVoidForm, VoidFormAnswer>;
  for (const form of VOID_FORMS) {
    try {
      await clientFor(form).void(probe);
      answers[form] = "answered";
    } catch (error) {
      answers[form] = isVoidFormRefused(error) ? "not_offered" : isFinpayError(error) && error.responseCode !== undefined ? "answered" : "unclear";
    }
  }
  const taken = VOID_FORMS.filter((form) => answers[form] === "answered");
  const described = (forms: readonly FinpayVoidForm[]) => forms.map((form) => `${describeVoidForm(form)} (FINPAY_VOID_FORM=${form})`).join(" and ");
  const chosen = configured as FinpayVoidForm;
  if (answers[chosen] === "answered") {
    add("ok", "Void", `the host answers ${described([chosen])}, the form configured; asked about the made-up order ${probe}, nothing was voided.${taken.length > 1 ? ` It answers ${described(taken.filter((f) => f !== chosen))} too.` : ""}`);
  } else if (taken.length > 0) {
    add("problem", "Void", `the host does not take ${described([chosen])}, the form configured, but answers ${described(taken)}: set FINPAY_VOID_FORM=${taken[0]}. Until then every void from the console is refused.`);
  } else if (VOID_FORMS.every((form) => answers[form] === "not_offered")) {
    add("note", "Void", `the host answers neither ${described([...VOID_FORMS])} like Finpay: voids from the console will be refused (refunds still work). Ask Finpay for its void endpoint.`);
  } else {
    add("note", "Void", `could not tell which void form the host takes (no clear answer for ${VOID_FORMS.filter((f) => answers[f] === "unclear").map(describeVoidForm).join(", ")}).`);
  }
}

/** Names and addresses the internet cannot reach: loopback, private ranges, link-local, single-label and .local names. */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (host === "localhost" || host.endsWith(".localhost") || host.endsWith(".local") || host.endsWith(".internal")) return true;
  const version = isIP(host);
  if (version === 4) {
    const [a = 0, b = 0] = host.split(".").map(Number);
    return a === 10 || a === 127 || a === 0 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127);
  }
  if (version === 6) return host === "::1" || host === "::" || /^f[cd]/.test(host) || /^fe[89ab]/.test(host);
  return !host.includes(".");
}

/** The report as a merchant reads it. */
export function formatReadinessReport(report: ReadinessReport): string {
  const mark: Record<FindingLevel, string> = { ok: "ok     ", note: "note   ", problem: "PROBLEM" };
  const lines = ["Finpay readiness check", ...report.findings.map((f) => `  ${mark[f.level]}  ${f.topic}: ${f.message}`)];
  const problems = report.findings.filter((f) => f.level === "problem").length;
  lines.push(
    report.ready
      ? `READY: this configuration can take payments at ${report.target === "sandbox" ? "the local sandbox" : `Finpay ${report.target}`}.`
      : `NOT READY: ${problems} problem${problems === 1 ? "" : "s"} above.`,
  );
  return lines.join("\n");
}
