// `npm run load:callbacks`: 2,000 mixed Finpay callbacks (genuine, duplicate, forged, out of order), sent
// concurrently to a production build of the storefront, then the database is checked:
//   1. no answer is a 5xx, and each answer is the one its kind calls for (forged 401, the rest 200);
//   2. exactly one state transition per attempt that Finpay settled, none for an attempt it did not;
//   3. every signed callback is recorded (one payment_events row, source "callback", each); forged ones are kept as
//      bounded evidence: bodies cut to REFUSED_BODY_MAX_CHARS, at most the per-address allowance per minute.
// It prints those figures and exits 1 when a check fails.
//
// Self-contained: it starts a Finpay sandbox in this process and `next start` from the existing build (NEXT_DIST_DIR
// or .next; run `npm run build` first) against its own database: DATABASE_URL when set (its rows are told apart by
// their Finpay order ids), else a fresh embedded PGlite directory. Attempts are created through the real checkout
// code and settled at the sandbox with its callbacks held back, so the script holds Finpay's exact signed bytes.
//
// Options: --callbacks 2000 --attempts 200 --concurrency 50 --app-port 3401 --sandbox-port 4401
// The app's and the checkout code's own logs go to .data/callback-load.log.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createWriteStream, mkdirSync, rmSync } from "node:fs";
import { parseArgs } from "node:util";
import { and, count, eq, gte, inArray, lt, sql } from "drizzle-orm";
import { isTransitionOutcome, UNTRUSTED_OUTCOMES, type PaymentEventOutcome } from "@/db/event-outcomes";

const { values: args } = parseArgs({
  options: {
    callbacks: { type: "string", default: "2000" },
    attempts: { type: "string", default: "200" },
    concurrency: { type: "string", default: "50" },
    "app-port": { type: "string", default: "3401" },
    "sandbox-port": { type: "string", default: "4401" },
  },
});
const CALLBACKS = Number(args.callbacks);
const ATTEMPTS = Number(args.attempts);
const CONCURRENCY = Number(args.concurrency);
const APP_URL = `http://localhost:${args["app-port"]}`;
const SANDBOX_URL = `http://localhost:${args["sandbox-port"]}`;
if (!(ATTEMPTS >= 1 && CALLBACKS >= ATTEMPTS && CONCURRENCY >= 1)) throw new Error("need --attempts >= 1, --callbacks >= --attempts and --concurrency >= 1");

const MERCHANT_ID = process.env.FINPAY_MERCHANT_ID ?? "FINPAY770";
const MERCHANT_KEY = process.env.FINPAY_MERCHANT_KEY ?? "SoSecret123";
const LOG_FILE = ".data/callback-load.log";
const PGLITE_DIR = ".data/callback-load-pglite";

// lib/env and lib/db read these on first use, which is after this point.
Object.assign(process.env, { FINPAY_BASE_URL: SANDBOX_URL, APP_BASE_URL: APP_URL, FINPAY_MERCHANT_ID: MERCHANT_ID, FINPAY_MERCHANT_KEY: MERCHANT_KEY });
const usePostgres = Boolean(process.env.DATABASE_URL);
if (!usePostgres) {
  process.env.PGLITE_DIR = PGLITE_DIR;
  rmSync(PGLITE_DIR, { recursive: true, force: true });
}

const { closeDatabase, getDb, seedDatabase } = await import("@/lib/db");
const { paymentAttempts, paymentEvents, products } = await import("@/db/schema");
const { createUser } = await import("@/lib/account/users");
const { addItem, getOrCreateUserCartId } = await import("@/lib/cart/service");
const { phpJsonEncode, withSignature } = await import("@/lib/finpay");
const { startCheckout } = await import("@/lib/payments/checkout");
const { REFUSED_BODY_MAX_CHARS, UNTRUSTED_EVENTS_PER_ADDRESS_PER_MINUTE } = await import("@/lib/payments/callback");
const { createAddress } = await import("@/lib/delivery/addresses");
const { createSandbox } = await import("@/sandbox/sandbox");

mkdirSync(".data", { recursive: true });
const log = createWriteStream(LOG_FILE);

/** The lib's structured logs (one line per order and Finpay call) go to the log file while attempts are made. */
async function quietly<T>(work: () => Promise<T>): Promise<T> {
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  const toLog = ((chunk: string | Uint8Array) => log.write(chunk)) as typeof process.stdout.write;
  process.stdout.write = toLog;
  process.stderr.write = toLog;
  try {
    return await work();
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}

type Fate = "paid" | "failed" | "open";
type Attempt = { id: string; finpayOrderId: string; amountIdr: number; fate: Fate; genuine: string };
type Kind = "genuine" | "duplicate" | "forged" | "out_of_order";
type Callback = { kind: Kind; attempt: Attempt; body: string };
type Answer = { kind: Kind; status: number; ms: number };

// ----------------------------------------------------------------------------------------------- preparation
const sandbox = createSandbox({ stateFile: "memory", merchantId: MERCHANT_ID, merchantKey: MERCHANT_KEY, publicUrl: SANDBOX_URL, sweepIntervalMs: 0 });
await sandbox.start(Number(args["sandbox-port"]));
let app: ChildProcess | undefined;

async function sandboxControl(path: string, body: unknown = {}) {
  const response = await fetch(`${SANDBOX_URL}/__sandbox${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`sandbox ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as { callback: { body: string; state: string } };
}

async function prepareAttempts(): Promise<Attempt[]> {
  if (usePostgres) {
    // A fresh Postgres database needs the schema and the catalog; on a prepared one both are no-ops.
    const { openDatabase } = await import("@/db");
    const handle = await openDatabase({ databaseUrl: process.env.DATABASE_URL, pgliteDir: "unused", migrate: true });
    await seedDatabase(handle.db);
    await handle.close();
  }
  const customers = await Promise.all(
    // One customer per attempt: a customer has one payable order at a time (the never-charge-twice rule).
    Array.from({ length: ATTEMPTS }, () =>
      createUser({ firstName: "Beban", lastName: "Uji", email: `load.${randomUUID().slice(0, 8)}@example.com`, mobilePhone: "+6281377778888", password: "rahasia-123" }),
    ),
  );
  const db = await getDb();
  const [coffee] = await db.select().from(products).where(eq(products.slug, "kopi-gayo-arabika"));
  // Paid orders take from stock: a database reused between runs gets enough coffee for this one.
  await db.update(products).set({ stock: sql`greatest(${products.stock}, ${ATTEMPTS * 2})` }).where(eq(products.id, coffee!.id));
  const addressOf = new Map<string, string>();
  for (const customer of customers) {
    await addItem(await getOrCreateUserCartId(customer.id), coffee!.id, 2);
    const address = await createAddress(customer.id, {
      recipientName: customer.firstName,
      mobilePhone: customer.mobilePhone,
      street: "Jl. Asia Afrika No. 8",
      district: "Braga, Sumur Bandung",
      city: "Kota Bandung",
      provinceCode: "ID-JB",
      postalCode: "40111",
      notes: null,
      makeDefault: true,
    });
    addressOf.set(customer.id, address.id);
  }
  const attempts: Attempt[] = new Array(ATTEMPTS);
  let next = 0;
  async function checkOut() {
    for (let i = next++; i < ATTEMPTS; i = next++) {
      const result = await startCheckout(customers[i]!, { method: "basic" }, randomUUID(), { addressId: addressOf.get(customers[i]!.id)!, optionId: "jne-reg" });
      if (!result.ok) throw new Error(`checkout failed: ${result.reason} ${JSON.stringify(result.message)}`);
      const [row] = await db.select().from(paymentAttempts).where(eq(paymentAttempts.orderId, result.orderId));
      // 7 in 10 paid, 2 declined, 1 never paid (its claims must not be believed).
      const fate: Fate = i % 10 < 7 ? "paid" : i % 10 < 9 ? "failed" : "open";
      attempts[i] = { id: row!.id, finpayOrderId: row!.finpayOrderId, amountIdr: row!.amountIdr, fate, genuine: "" };
    }
  }
  await Promise.all(Array.from({ length: 8 }, checkOut));
  await closeDatabase(); // the app server opens it next (PGlite: one process at a time)

  // Finpay settles the attempts; its callbacks are held back so that this script delivers them.
  await sandboxControl("/faults", { callbacks: { mode: "drop" } });
  for (const attempt of attempts) {
    if (attempt.fate === "open") {
      attempt.genuine = signed(claim(attempt, "CAPTURED"));
      continue;
    }
    const settled = await sandboxControl(`/orders/${attempt.finpayOrderId}/${attempt.fate === "paid" ? "pay" : "fail"}`);
    if (settled.callback.state !== "dropped") throw new Error("the sandbox delivered a callback it should have held back");
    attempt.genuine = settled.callback.body;
  }
  return attempts;
}

/** A callback body as Finpay would sign it (with `key`), claiming `status` for the attempt. */
function claim(attempt: Attempt, status: string) {
  return {
    order: { id: attempt.finpayOrderId, reference: `${attempt.finpayOrderId}REF`, amount: attempt.amountIdr, currency: "IDR" },
    result: { payment: { amount: attempt.amountIdr, status, statusDesc: status === "FAILURE" ? "Do not honour" : null, datetime: "2026-03-01 10:05:12" } },
  };
}
const signed = (payload: Record<string, unknown>, key = MERCHANT_KEY) => phpJsonEncode(withSignature(payload, key));

/** One genuine callback per attempt, then duplicates, forgeries and out-of-order claims round-robin, shuffled. */
function planCallbacks(attempts: Attempt[]): Callback[] {
  const plan: Callback[] = attempts.map((attempt) => ({ kind: "genuine", attempt, body: attempt.genuine }));
  const extras: Kind[] = ["duplicate", "forged", "out_of_order"];
  for (let i = 0; plan.length < CALLBACKS; i += 1) {
    const attempt = attempts[i % attempts.length]!;
    // Shifted by one each round over the attempts, so every attempt gets every kind.
    const kind = extras[(i + Math.floor(i / attempts.length)) % extras.length]!;
    const { signature: _signature, ...unsigned } = JSON.parse(attempt.genuine) as Record<string, unknown>;
    const body =
      kind === "duplicate"
        ? attempt.genuine
        : kind === "forged"
          ? signed(unsigned, "NotTheMerchantKey")
          : signed(claim(attempt, attempt.fate === "failed" ? "CAPTURED" : "FAILURE"));
    plan.push({ kind, attempt, body });
  }
  for (let i = plan.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [plan[i], plan[j]] = [plan[j]!, plan[i]!];
  }
  return plan;
}

// ------------------------------------------------------------------------------------------------------ load
async function startApp(): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", PORT: String(args["app-port"]), AUTH_SECRET: `load-${randomUUID()}-${randomUUID()}` };
  app = spawn("npx", ["next", "start", "--port", String(args["app-port"])], { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  app.stdout?.pipe(log, { end: false });
  app.stderr?.pipe(log, { end: false });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (app.exitCode !== null) throw new Error(`next start exited with ${app.exitCode}; see ${LOG_FILE}`);
    if (await fetch(`${APP_URL}/api/health`).then((r) => r.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the app did not answer on ${APP_URL} within 60 s; see ${LOG_FILE}`);
}

async function stopApp(): Promise<void> {
  const child = app;
  app = undefined;
  if (!child?.pid || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  process.kill(-child.pid, "SIGTERM");
  await exited;
}

async function send(plan: Callback[]): Promise<{ answers: Answer[]; seconds: number; startedAt: Date }> {
  const answers: Answer[] = [];
  let next = 0;
  const startedAt = new Date();
  const started = performance.now();
  async function worker() {
    while (next < plan.length) {
      const callback = plan[next++]!;
      const t = performance.now();
      const status = await fetch(`${APP_URL}/api/finpay/callback`, { method: "POST", headers: { "content-type": "application/json" }, body: callback.body }).then(
        async (response) => (await response.arrayBuffer(), response.status),
        () => 0, // no answer at all counts against the run like a 5xx
      );
      answers.push({ kind: callback.kind, status, ms: performance.now() - t });
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { answers, seconds: (performance.now() - started) / 1000, startedAt };
}

// ---------------------------------------------------------------------------------------------------- checks
const EXPECTED_STATUS: Record<Fate, string> = { paid: "paid", failed: "failed", open: "pending" };

async function verify(attempts: Attempt[], plan: Callback[], answers: Answer[], seconds: number, startedAt: Date) {
  const db = await getDb();
  const ids = attempts.map((a) => a.finpayOrderId);
  const events = await db
    .select({
      finpayOrderId: paymentEvents.finpayOrderId,
      attemptId: paymentEvents.attemptId,
      source: paymentEvents.source,
      outcome: paymentEvents.outcome,
      signatureValid: paymentEvents.signatureValid,
      sourceAddress: paymentEvents.sourceAddress,
      bodyLength: sql<number>`length(${paymentEvents.rawBody})`.mapWith(Number),
    })
    .from(paymentEvents)
    .where(inArray(paymentEvents.finpayOrderId, ids));
  const rows = await db.select({ id: paymentAttempts.id, status: paymentAttempts.status }).from(paymentAttempts).where(inArray(paymentAttempts.id, attempts.map((a) => a.id)));
  const statusOf = new Map(rows.map((row) => [row.id, row.status]));
  const transitionsOf = new Map<string, number>();
  for (const event of events) if (event.attemptId && isTransitionOutcome(event.outcome)) transitionsOf.set(event.attemptId, (transitionsOf.get(event.attemptId) ?? 0) + 1);

  const wrongTransitions = attempts.filter((a) => (transitionsOf.get(a.id) ?? 0) !== (a.fate === "open" ? 0 : 1));
  const wrongStatus = attempts.filter((a) => statusOf.get(a.id) !== EXPECTED_STATUS[a.fate]);
  const callbackEvents = events.filter((e) => e.source === "callback");
  // Every signed callback is stored; forged ones are bounded evidence: cut bodies, and per source address at most the
  // allowance per started minute (plus the requests in flight, since counting and storing are two statements).
  const forged = callbackEvents.filter((e) => e.signatureValid === false);
  const forgedSent = plan.filter((c) => c.kind === "forged").length;
  const addresses = new Set(forged.map((e) => e.sourceAddress)).size;
  const forgedCeiling = Math.max(1, addresses) * (UNTRUSTED_EVENTS_PER_ADDRESS_PER_MINUTE * Math.ceil((seconds + 1) / 60) + CONCURRENCY);
  // The allowance is per address over the last minute, so unsigned evidence stored from the same addresses in the
  // minute before this run (another test's forgeries, on a shared database) leaves less of it for this run.
  const forgedAddresses = [...new Set(forged.map((e) => e.sourceAddress).filter((a): a is string => a !== null))];
  const [prior] = await db
    .select({ n: count() })
    .from(paymentEvents)
    .where(
      and(
        inArray(paymentEvents.outcome, [...UNTRUSTED_OUTCOMES]),
        gte(paymentEvents.receivedAt, new Date(startedAt.getTime() - 60_000)),
        lt(paymentEvents.receivedAt, startedAt),
        forgedAddresses.length > 0 ? inArray(paymentEvents.sourceAddress, forgedAddresses) : undefined,
      ),
    );
  const forgedFloor = Math.max(0, Math.min(forgedSent, UNTRUSTED_EVENTS_PER_ADDRESS_PER_MINUTE - (prior?.n ?? 0)));
  const outcomes: Partial<Record<PaymentEventOutcome, number>> = {};
  for (const event of events) if (event.source === "callback") outcomes[event.outcome] = (outcomes[event.outcome] ?? 0) + 1;
  const expectedStatus = (kind: Kind) => (kind === "forged" ? 401 : 200);
  const byStatus: Record<string, number> = {};
  for (const answer of answers) byStatus[answer.status] = (byStatus[answer.status] ?? 0) + 1;
  const settled = attempts.filter((a) => a.fate !== "open").length;
  return {
    answers5xx: answers.filter((a) => a.status >= 500 || a.status === 0).length,
    unexpectedAnswers: answers.filter((a) => a.status !== expectedStatus(a.kind)).length,
    byStatus,
    settledAttempts: settled,
    settledWithOneTransition: attempts.filter((a) => a.fate !== "open" && (transitionsOf.get(a.id) ?? 0) === 1).length,
    openAttempts: attempts.length - settled,
    openUnchanged: attempts.filter((a) => a.fate === "open" && !transitionsOf.has(a.id) && statusOf.get(a.id) === "pending").length,
    wrongTransitions: wrongTransitions.length,
    wrongFinalStatus: wrongStatus.length,
    callbacksSent: plan.length,
    signedSent: plan.length - forgedSent,
    signedRecorded: callbackEvents.length - forged.length,
    forgedSent,
    forgedRecorded: forged.length,
    forgedAllowanceUsedBefore: prior?.n ?? 0,
    forgedBounded: forged.length >= forgedFloor && forged.length <= forgedCeiling && forged.every((e) => e.bodyLength <= REFUSED_BODY_MAX_CHARS),
    duplicatePayments: events.filter((e) => e.outcome === "duplicate_payment").length,
    outcomes,
  };
}

function percentile(sorted: number[], p: number): number {
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0);
}

// ------------------------------------------------------------------------------------------------------- run
let exitCode = 1;
try {
  const attempts = await quietly(prepareAttempts);
  const plan = planCallbacks(attempts);
  await startApp();
  const { answers, seconds, startedAt } = await send(plan);
  await stopApp(); // PGlite: the app must let go of the database before this process reads it
  const checks = await verify(attempts, plan, answers, seconds, startedAt);
  const latencies = answers.map((a) => a.ms).sort((a, b) => a - b);
  const kinds: Record<string, number> = {};
  for (const callback of plan) kinds[callback.kind] = (kinds[callback.kind] ?? 0) + 1;
  const passed =
    checks.answers5xx === 0 &&
    checks.unexpectedAnswers === 0 &&
    checks.wrongTransitions === 0 &&
    checks.wrongFinalStatus === 0 &&
    checks.duplicatePayments === 0 &&
    checks.signedRecorded === checks.signedSent &&
    checks.forgedBounded;

  const line = (label: string, value: string) => console.log(`  ${label.padEnd(22)} ${value}`);
  console.log(`Callback load test (${usePostgres ? "PostgreSQL" : "embedded PGlite"}, concurrency ${CONCURRENCY})`);
  line("callbacks sent", `${plan.length} over ${attempts.length} attempts: ${Object.entries(kinds).map(([k, n]) => `${n} ${k}`).join(", ")}`);
  line("time", `${seconds.toFixed(1)} s, ${Math.round(plan.length / seconds)} callbacks/s; latency p50 ${percentile(latencies, 50)} ms, p95 ${percentile(latencies, 95)} ms, p99 ${percentile(latencies, 99)} ms, max ${percentile(latencies, 100)} ms`);
  line("answers", `${Object.entries(checks.byStatus).map(([status, n]) => `${n} x ${status}`).join(", ")}; 5xx: ${checks.answers5xx}; not as expected: ${checks.unexpectedAnswers}`);
  line("transitions", `${checks.settledWithOneTransition} of ${checks.settledAttempts} settled attempts changed state exactly once; ${checks.openUnchanged} of ${checks.openAttempts} unpaid attempts unchanged; wrong final status: ${checks.wrongFinalStatus}`);
  line("events recorded", `${checks.signedRecorded} of ${checks.signedSent} signed callbacks; ${checks.forgedRecorded} of ${checks.forgedSent} forged (bounded: ${checks.forgedBounded ? "yes" : "NO"}) (${Object.entries(checks.outcomes).map(([o, n]) => `${n} ${o}`).join(", ")})`);
  line("duplicate payments", String(checks.duplicatePayments));
  line("result", passed ? "PASS" : "FAIL");
  console.log(JSON.stringify({ event: "callback_load.result", passed, seconds: Number(seconds.toFixed(2)), concurrency: CONCURRENCY, kinds, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), ...checks }));
  exitCode = passed ? 0 : 1;
} catch (error) {
  console.error(JSON.stringify({ event: "callback_load.failed", message: (error as Error).message }));
} finally {
  await stopApp().catch(() => undefined);
  await closeDatabase().catch(() => undefined);
  await sandbox.close();
  log.end();
  if (!usePostgres) rmSync(PGLITE_DIR, { recursive: true, force: true });
}
process.exit(exitCode);
