import { randomUUID } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect } from "vitest";
import { createSandbox, type Sandbox, type SandboxOptions } from "../sandbox";

/** Helpers for the sandbox's HTTP tests: a started sandbox, a callback receiver, request builders. */

export const MERCHANT_ID = "FINPAY770";
export const MERCHANT_KEY = "SoSecret123";
export const AUTH = `Basic ${Buffer.from(`${MERCHANT_ID}:${MERCHANT_KEY}`).toString("base64")}`;

export interface TestSandbox {
  sandbox: Sandbox;
  url: string;
  /** Calls the Finpay API with the merchant's Basic credentials. */
  api(method: "GET" | "POST", path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiAnswer>;
  /** Calls the control API (JSON in, JSON out). */
  control(method: "GET" | "POST" | "DELETE", path: string, body?: unknown): Promise<ApiAnswer>;
  /** Moves the sandbox clock forward (POST /__sandbox/clock); answers once the retries due by then were tried. */
  advanceClock(minutes: number): Promise<ApiAnswer>;
  /** Posts a hosted-page form without following redirects. */
  form(path: string, fields: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

export interface ApiAnswer {
  status: number;
  json: Record<string, unknown>;
  text: string;
}

/**
 * Starts an in-memory sandbox on a free port. Callback retries keep Finpay's schedule (minutes on the sandbox
 * clock): a test that wants them moves the clock with `advanceClock`.
 */
export async function startTestSandbox(options: SandboxOptions = {}): Promise<TestSandbox> {
  const sandbox = createSandbox({
    stateFile: "memory",
    callbackTimeoutMs: 2_000,
    initiateTimeoutMs: 200,
    sweepIntervalMs: 0,
    ...options,
  });
  const running = await sandbox.start(0);
  const call = async (method: string, path: string, body: unknown, headers: Record<string, string>): Promise<ApiAnswer> => {
    const response = await fetch(`${running.url}${path}`, {
      method,
      headers: { "content-type": "application/json", ...headers },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let json: Record<string, unknown> = {};
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      // Left empty: some answers (faults, pages) are deliberately not JSON.
    }
    return { status: response.status, json, text };
  };
  return {
    sandbox,
    url: running.url,
    api: (method, path, body, headers = { authorization: AUTH }) => call(method, path, body, headers),
    control: (method, path, body) => call(method, `/__sandbox${path}`, body, {}),
    advanceClock: (minutes) => call("POST", "/__sandbox/clock", { advanceMinutes: minutes }, {}),
    form: (path, fields) =>
      fetch(`${running.url}${path}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(fields).toString(),
        redirect: "manual",
      }),
    close: () => running.close(),
  };
}

export interface ReceivedCallback {
  body: string;
  headers: IncomingHttpHeaders;
  path: string;
  receivedAt: number;
}

export interface CallbackReceiver {
  url: string;
  received: ReceivedCallback[];
  /** How many requests arrived, failures included. */
  hits(): number;
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedCallback[]>;
  close(): Promise<void>;
}

/**
 * A merchant callback endpoint. `failFirst` answers 500 to that many requests before accepting; `hangFirst`
 * never answers that many requests (to trigger the sandbox's timeout); `status` overrides the success status.
 */
export async function startReceiver(options: { failFirst?: number; hangFirst?: number; status?: number } = {}): Promise<CallbackReceiver> {
  const received: ReceivedCallback[] = [];
  let hits = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      hits += 1;
      if (hits <= (options.hangFirst ?? 0)) return; // never answer
      if (hits <= (options.hangFirst ?? 0) + (options.failFirst ?? 0)) {
        res.writeHead(500, { "content-type": "application/json" }).end('{"responseCode":"5000000"}');
        return;
      }
      received.push({ body: Buffer.concat(chunks).toString("utf8"), headers: req.headers, path: req.url ?? "", receivedAt: Date.now() });
      res
        .writeHead(options.status ?? 200, { "content-type": "application/json" })
        .end('{"responseCode":"2000000","responseMessage":"Success"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/finpay/callback`,
    received,
    hits: () => hits,
    async waitFor(count, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} callbacks, got ${received.length}`);
        await new Promise((r) => setTimeout(r, 10));
      }
      return received;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * A sandbox and a callback receiver for all the tests of a file: started before the first test, both stopped
 * after the last. `use` receives them once they run.
 */
export function withSandboxAndReceiver(use: (started: { sb: TestSandbox; receiver: CallbackReceiver }) => void, options: SandboxOptions = {}) {
  let started: { sb: TestSandbox; receiver: CallbackReceiver } | undefined;
  beforeAll(async () => {
    started = { sb: await startTestSandbox(options), receiver: await startReceiver() };
    use(started);
  });
  afterAll(async () => {
    await started?.sb.close();
    await started?.receiver.close();
  });
}

/** A unique Alpha Dash order id (at most 30 characters). */
export function orderId(prefix = "T"): string {
  return `${prefix}-${randomUUID().replace(/-/g, "").slice(0, 20)}`;
}

type Json = Record<string, unknown>;

/** The seed's basic request, with a fresh order id and the given callback URL; `patch` edits a deep copy. */
export function basicRequest(callbackUrl: string, patch: (body: Json & { order: Json; customer: Json; url: Json }) => void = () => {}) {
  const body = {
    customer: {
      id: "budi@example.co.id",
      email: "budi@example.co.id",
      firstName: "Budi",
      lastName: "Santoso",
      mobilePhone: "+6281286288800",
    },
    order: { id: orderId(), amount: "150000", currency: "IDR", description: "Kopi Toraja 250g" },
    url: { callbackUrl } as Json,
    sourceOfFunds: { type: "cc" },
  } as Json & { order: Json; customer: Json; url: Json };
  patch(body);
  return body;
}

/** The access path (/pg/payment/card/access/<hex>) of a redirecturl. */
export function accessPath(redirecturl: unknown): string {
  if (typeof redirecturl !== "string") throw new Error(`no redirecturl: ${String(redirecturl)}`);
  return new URL(redirecturl).pathname;
}

/** Initiates a basic card payment (basicRequest + patch) and returns its order id, the answer and the page path. */
export async function initiateBasic(sb: TestSandbox, callbackUrl: string, patch?: Parameters<typeof basicRequest>[1]) {
  const body = basicRequest(callbackUrl, patch);
  const answer = await sb.api("POST", "/pg/payment/card/initiate", body);
  return { id: String(body.order.id), answer, path: answer.json.redirecturl ? accessPath(answer.json.redirecturl) : "" };
}

/** initiateBasic for a request that must be accepted: fails the test unless the sandbox answers 2000000. */
export async function initiateAccepted(sb: TestSandbox, callbackUrl: string, patch?: Parameters<typeof basicRequest>[1]) {
  const started = await initiateBasic(sb, callbackUrl, patch);
  expect(started.answer.json.responseCode).toBe("2000000");
  return started;
}

/** Fills the basic card form. */
export function cardFields(cardNumber: string, extra: Record<string, string> = {}): Record<string, string> {
  return { cardNumber, expiry: "12/39", cvv: "123", nameOnCard: "Budi Santoso", ...extra };
}

/** A clock tests can move forward. */
export function fakeClock(start = new Date("2026-03-01T03:00:00.000Z")) {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now += ms;
    },
  };
}

export async function eventually<T>(read: () => T | Promise<T>, accept: (value: T) => boolean, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met in ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
