import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkFinpayReadiness, isPrivateHost } from "@/lib/readiness/finpay-check";
import { startTestSandbox, type TestSandbox } from "@/sandbox/tests/helpers";

/**
 * `npm run finpay:check` run for real (tsx, a child process) against the real sandbox over HTTP: it passes with the
 * right configuration and names the reason for each misconfiguration.
 */

const run = promisify(execFile);
let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

async function finpayCheck(env: Record<string, string>): Promise<{ code: number; output: string }> {
  const clean = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NODE_ENV: "development" as const, ...env };
  try {
    const { stdout } = await run("npx", ["tsx", "scripts/finpay-check.ts"], { env: clean, cwd: process.cwd(), timeout: 60_000 });
    return { code: 0, output: stdout };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, output: `${failed.stdout ?? ""}${failed.stderr ?? ""}` };
  }
}

describe("npm run finpay:check", () => {
  it("passes against the sandbox: credentials proven by a not-found status check", async () => {
    const { code, output } = await finpayCheck({ FINPAY_BASE_URL: sandbox.url, FINPAY_MERCHANT_ID: "FINPAY770", FINPAY_MERCHANT_KEY: "SoSecret123" });
    expect(output).toContain("credentials accepted: check-status of the made-up order READINESS-");
    expect(output).toContain("READY: this configuration can take payments at the local sandbox.");
    expect(output).toMatch(/ok {7}Void: the host answers POST \/pg\/payment\/card\/void \(FINPAY_VOID_FORM=post\), the form configured; asked about the made-up order READINESS-VOID-\w+, nothing was voided\. It answers GET \/pg\/payment\/card\/void\/\{orderId\} \(FINPAY_VOID_FORM=get\) too\./);
    expect(output).not.toContain("SoSecret123");
    expect(code).toBe(0);
  }, 90_000);

  it("fails with a wrong key, and says so", async () => {
    const { code, output } = await finpayCheck({ FINPAY_BASE_URL: sandbox.url, FINPAY_MERCHANT_ID: "FINPAY770", FINPAY_MERCHANT_KEY: "WrongKey123" });
    expect(output).toMatch(/PROBLEM {2}Finpay call: Finpay refused the credentials \(HTTP 401, 4010000\)/);
    expect(output).toContain("NOT READY: 1 problem above.");
    expect(output).not.toContain("WrongKey123");
    expect(code).toBe(1);
  }, 90_000);

  it("fails on an http base URL for Finpay's host, and on an unknown host, without calling anyone", async () => {
    const http = await finpayCheck({ FINPAY_BASE_URL: "http://devo.finnet.co.id", FINPAY_MERCHANT_ID: "MYSHOP01", FINPAY_MERCHANT_KEY: "k3y-from-dashboard", APP_BASE_URL: "https://shop.example.id" });
    expect(http.output).toContain("PROBLEM  Finpay host: FINPAY_BASE_URL uses http, not https");
    expect(http.output).toContain("Finpay call: skipped");
    expect(http.code).toBe(1);
    const unknown = await finpayCheck({ FINPAY_BASE_URL: "https://api.finpay.example", FINPAY_MERCHANT_ID: "MYSHOP01", FINPAY_MERCHANT_KEY: "k3y-from-dashboard" });
    expect(unknown.output).toContain("PROBLEM  Finpay host: Unknown host api.finpay.example");
    expect(unknown.code).toBe(1);
  }, 90_000);
});

describe("which void form the host takes", () => {
  const local = { FINPAY_BASE_URL: "", FINPAY_MERCHANT_ID: "FINPAY770", FINPAY_MERCHANT_KEY: "SoSecret123" };
  const voidFinding = async (env: Record<string, string>) => {
    const report = await checkFinpayReadiness({ ...local, FINPAY_BASE_URL: sandbox.url, ...env });
    return { ready: report.ready, void: report.findings.find((f) => f.topic === "Void" || f.topic === "FINPAY_VOID_FORM") };
  };
  afterAll(() => sandbox.control("DELETE", "/quirks"));

  it("names the form a host that takes only GET answers, and fails while the configuration says POST; voids nothing", async () => {
    await sandbox.control("POST", "/quirks", { acceptVoid: "get" });
    expect(await voidFinding({})).toEqual({
      ready: false,
      void: {
        level: "problem",
        topic: "Void",
        message:
          "the host does not take POST /pg/payment/card/void (FINPAY_VOID_FORM=post), the form configured, but answers GET /pg/payment/card/void/{orderId} (FINPAY_VOID_FORM=get): set FINPAY_VOID_FORM=get. Until then every void from the console is refused.",
      },
    });
    expect(await voidFinding({ FINPAY_VOID_FORM: "get" })).toMatchObject({ ready: true, void: { level: "ok", message: expect.stringMatching(/^the host answers GET \/pg\/payment\/card\/void\/\{orderId\} \(FINPAY_VOID_FORM=get\), the form configured; asked about the made-up order READINESS-VOID-\w+, nothing was voided\.$/) } });
    const { json } = await sandbox.control("GET", "/requests");
    const voids = (json.requests as { path: string; responseCode: string | null; httpStatus: number }[]).filter((r) => r.path.includes("/void"));
    expect(voids.length).toBeGreaterThanOrEqual(4);
    expect(voids.every((r) => r.responseCode === "4040001" || r.httpStatus === 404)).toBe(true); // unknown orders: nothing voided
  });

  it("a host that takes only POST, with the default configuration, is ready", async () => {
    await sandbox.control("POST", "/quirks", { acceptVoid: "post" });
    expect(await voidFinding({})).toMatchObject({ ready: true, void: { level: "ok", message: expect.stringContaining("the host answers POST /pg/payment/card/void (FINPAY_VOID_FORM=post), the form configured") } });
    expect(await voidFinding({ FINPAY_VOID_FORM: "get" })).toMatchObject({ ready: false, void: { level: "problem", message: expect.stringContaining("set FINPAY_VOID_FORM=post") } });
  });

  it("refuses a FINPAY_VOID_FORM that is neither form", async () => {
    expect(await voidFinding({ FINPAY_VOID_FORM: "DELETE" })).toEqual({ ready: false, void: { level: "problem", topic: "FINPAY_VOID_FORM", message: 'must be post or get, not "DELETE".' } });
  });
});

describe("readiness rules for a real host", () => {
  const real = { FINPAY_BASE_URL: "https://live.finnet.co.id", FINPAY_MERCHANT_ID: "MYSHOP01", FINPAY_MERCHANT_KEY: "k3y-from-dashboard", APP_BASE_URL: "https://shop.example.id" };
  const problems = async (env: Record<string, string | undefined>) =>
    (await checkFinpayReadiness(env, { timeoutMs: 200 })).findings.filter((f) => f.level === "problem").map((f) => `${f.topic}: ${f.message}`);

  it.each([
    ["missing key", { FINPAY_MERCHANT_KEY: undefined }, /Merchant key: FINPAY_MERCHANT_KEY is not set/],
    ["key with a pasted newline", { FINPAY_MERCHANT_KEY: "abc def\nghi" }, /Merchant key: .*without spaces/],
    ["merchant id with a quote", { FINPAY_MERCHANT_ID: '"MYSHOP01"' }, /Merchant id: .*stray space or quote/],
    ["the docs' example credential", { FINPAY_MERCHANT_ID: "FINPAY770", FINPAY_MERCHANT_KEY: "SoSecret123" }, /example from Finpay's documentation/],
    ["an http APP_BASE_URL", { APP_BASE_URL: "http://shop.example.id" }, /APP_BASE_URL: http:\/\/shop.example.id is not https/],
    ["a private APP_BASE_URL", { APP_BASE_URL: "https://192.168.1.20" }, /cannot be reached from the internet/],
    ["callback confirmation off in production", { FINPAY_CONFIRM_CALLBACKS: "false" }, /FINPAY_CONFIRM_CALLBACKS: is off in production/],
    ["a path on Finpay's host", { FINPAY_BASE_URL: "https://live.finnet.co.id/pg" }, /should be exactly https:\/\/live.finnet.co.id/],
  ])("%s", async (_label, patch, expected) => {
    const found = await problems({ ...real, ...patch });
    expect(found.join("\n")).toMatch(expected);
  });

  it("tells public from private addresses", () => {
    for (const host of ["localhost", "127.0.0.1", "10.1.2.3", "172.20.0.1", "192.168.0.1", "[::1]", "fd00::1", "shop.local", "intranet"]) expect(isPrivateHost(host), host).toBe(true);
    for (const host of ["shop.example.id", "203.0.113.7", "172.32.0.1", "[2001:db8::1]"]) expect(isPrivateHost(host), host).toBe(false);
  });
});
