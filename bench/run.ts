/**
 * `npm run bench`: builds the storefront for production, starts the Finpay sandbox, the app and the bare baseline
 * on a fresh PostgreSQL database, measures (a) callback throughput against the baseline, (b) the catalog, a category,
 * a search and a product page against a static page of the same server, (c) first-load JavaScript per route, (d) the pay action's
 * own time and (e) Lighthouse scores, prints a table and writes BENCHMARKS.md. Everything it starts is stopped and
 * its database dropped at the end, also after a failure or Ctrl-C. See BENCHMARKS.md for the methods.
 *
 * Env: DATABASE_URL (use this database instead of creating one), BENCH_APP_PORT (3300), BENCH_SANDBOX_PORT (4300),
 * BENCH_BASELINE_PORT (5300), BENCH_RUN_SECONDS (5), BENCH_RUNS (3), BENCH_SKIP_BUILD=1 (reuse .next-bench),
 * BENCH_SKIP_LIGHTHOUSE=1, CHROMIUM_PATH (/usr/bin/chromium), BENCH_CPU_PROF=<dir> (the app runs with V8's CPU profiler
 * and writes its profile there when it stops: `tsx bench/profile-summary.ts <dir>/*.cpuprofile` says where the time went).
 */
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { createBenchDatabase, type BenchDatabase } from "./lib/database";
import { measureLoad, type LoadPlan } from "./lib/load";
import { cpuProbe } from "./lib/cpu";
import { describeMachine } from "./lib/machine";
import { delay, killRunningCommands, runCommand, startService, stopAllServices, waitForOk } from "./lib/processes";
import { createShopper, refillCart, signInMerchant } from "./lib/shopper";
import { printSummary, writeBenchmarksFile, type BenchResults } from "./report";
import { checkAgainstHtml, measureBundles } from "./suites/bundle-size";
import { createPaidPayments, dropSandboxCallbacks, type FixtureContext } from "./suites/callback-fixtures";
import { CallbackMix, callbackTarget, verifyCallbackEffects } from "./suites/callbacks";
import { benchLighthouse } from "./suites/lighthouse";
import { benchPayOverhead } from "./suites/pay-overhead";
import { checkQueryPlans } from "./suites/query-plans";

const DIST_DIR = ".next-bench";
const PORTS = {
  app: Number(process.env.BENCH_APP_PORT ?? 3300),
  sandbox: Number(process.env.BENCH_SANDBOX_PORT ?? 4300),
  baseline: Number(process.env.BENCH_BASELINE_PORT ?? 5300),
};
const APP_URL = `http://localhost:${PORTS.app}`;
const SANDBOX_URL = `http://localhost:${PORTS.sandbox}`;
const BASELINE_URL = `http://localhost:${PORTS.baseline}`;
// The sandbox's default merchant, which the app falls back to when FINPAY_BASE_URL is the sandbox.
const MERCHANT = { id: "FINPAY770", key: "SoSecret123" };
const AUTH_SECRET = "bench-only-secret-0123456789abcdef0123456789";
const PRODUCT_PATH = "/products/kopi-gayo-arabika";
const CATEGORY_PATH = "/categories/kopi-teh";
const SEARCH_PATH = "/search?q=kopi";

const PLAN: LoadPlan = {
  connections: 10,
  warmupSeconds: 3,
  runSeconds: Number(process.env.BENCH_RUN_SECONDS ?? 5),
  runs: Number(process.env.BENCH_RUNS ?? 3),
};
const NODE = process.execPath;
const TSX = path.resolve("node_modules/tsx/dist/cli.mjs");
const NEXT = path.resolve("node_modules/next/dist/bin/next");

const startedAt = Date.now();
const elapsed = () => `${((Date.now() - startedAt) / 1000).toFixed(0).padStart(3)} s`;
/** Set when the app starts: with BENCH_CPU_PROF each line also says how far into the app's profile it is. */
let appStartedAt: number | undefined;
const profileAt = () => (process.env.BENCH_CPU_PROF && appStartedAt ? ` [profile ${((Date.now() - appStartedAt) / 1000).toFixed(0)} s]` : "");
const log = (line: string) => console.log(`[bench ${elapsed()}]${profileAt()} ${line}`);

/** `next build` adds its build directory's type folders to tsconfig.json; the project's files are put back as they were. */
function protectProjectFiles(): () => void {
  const files = ["tsconfig.json", "next-env.d.ts"].filter((f) => existsSync(f)).map((f) => ({ f, text: readFileSync(f, "utf8") }));
  return () => {
    for (const { f, text } of files) if (readFileSync(f, "utf8") !== text) writeFileSync(f, text);
  };
}

async function main(): Promise<void> {
  if (!existsSync("package.json") || !existsSync("bench/run.ts")) throw new Error("run from the repository root: npm run bench");
  const logDir = mkdtempSync(path.join(os.tmpdir(), "storefront-bench-"));
  let database: BenchDatabase | undefined;
  let sql: postgres.Sql | undefined;
  let restoreProjectFiles: (() => void) | undefined;
  let cleaning: Promise<void> | undefined;
  const cleanup = () =>
    (cleaning ??= (async () => {
      killRunningCommands();
      restoreProjectFiles?.();
      await stopAllServices();
      await sql?.end({ timeout: 2 }).catch(() => {});
      await database?.drop().catch((error: unknown) => console.error(`could not drop database ${database?.name}: ${String(error)}`));
    })());
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping servers and dropping the benchmark database`);
      void cleanup().finally(() => process.exit(130));
    });
  }

  try {
    log(`logs in ${logDir}`);
    database = await createBenchDatabase();
    log(`database ${database.name}${database.owned ? " (created for this run)" : " (from DATABASE_URL)"}`);
    const baseEnv: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: database.url,
      NEXT_DIST_DIR: DIST_DIR,
      NEXT_BENCH_PAGES: "1",
      AUTH_SECRET,
      AUTH_TRUST_HOST: "true",
      APP_BASE_URL: APP_URL,
      FINPAY_BASE_URL: SANDBOX_URL,
      FINPAY_MERCHANT_ID: MERCHANT.id,
      FINPAY_MERCHANT_KEY: MERCHANT.key,
    };

    log("migrating and seeding");
    await runCommand(NODE, [TSX, "--conditions=react-server", "scripts/db-seed.ts"], baseEnv, { logFile: path.join(logDir, "seed.log") });
    sql = postgres(database.url, { max: 4, onnotice: () => {} });

    if (process.env.BENCH_SKIP_BUILD === "1" && existsSync(path.join(DIST_DIR, "BUILD_ID"))) {
      log(`reusing the build in ${DIST_DIR}`);
    } else {
      log(`building (next build into ${DIST_DIR})`);
      restoreProjectFiles = protectProjectFiles();
      try {
        await runCommand(NODE, [NEXT, "build"], baseEnv, { logFile: path.join(logDir, "build.log") });
      } finally {
        restoreProjectFiles();
        // Only while the build runs: a later edit of these files by someone else must survive the cleanup.
        restoreProjectFiles = undefined;
      }
    }
    const bundles = measureBundles(DIST_DIR);

    log("starting sandbox, app and baseline");
    const sandbox = startService({
      name: "sandbox",
      command: NODE,
      args: [TSX, "sandbox/main.ts"],
      env: { ...baseEnv, SANDBOX_PORT: String(PORTS.sandbox), SANDBOX_PUBLIC_URL: SANDBOX_URL, SANDBOX_STATE_FILE: "memory" },
      logDir,
    });
    const profiler = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : [];
    const app = startService({ name: "app", command: NODE, args: [...profiler, NEXT, "start", "--port", String(PORTS.app)], env: baseEnv, logDir });
    appStartedAt = Date.now();
    const baseline = startService({
      name: "baseline",
      command: NODE,
      args: [TSX, "bench/baseline/callback-server.ts"],
      env: { ...baseEnv, BASELINE_PORT: String(PORTS.baseline) },
      logDir,
    });
    await Promise.all([
      waitForOk(sandbox, `${SANDBOX_URL}/__sandbox/health`),
      waitForOk(app, `${APP_URL}/api/health`),
      waitForOk(baseline, `${BASELINE_URL}/health`),
    ]);
    await checkAgainstHtml(bundles, DIST_DIR, [
      { route: "/", url: `${APP_URL}/` },
      { route: "/products/[slug]", url: `${APP_URL}${PRODUCT_PATH}` },
    ]);
    const machine = await describeMachine(sql);
    const loadBefore = os.loadavg();
    const probe = cpuProbe({ app: app.child.pid, sandbox: sandbox.child.pid, baseline: baseline.child.pid }, database.name);

    log("(b) catalog, category, search and product pages against the static page");
    // consoleOrders: the merchant console's order list, as the signed-in merchant sees it (its queries at 100,000
    // orders: bench:console).
    const pagePaths: Record<string, string> = { static: "/bench-static", home: "/", category: CATEGORY_PATH, search: SEARCH_PATH, product: PRODUCT_PATH, dynamicCopy: "/bench-dynamic", consoleOrders: "/console/orders" };
    const cookieOf: Record<string, string> = { consoleOrders: await signInMerchant(APP_URL) };
    const htmlBytes: Record<string, number> = {};
    let nonceCsp = false;
    for (const [name, pagePath] of Object.entries(pagePaths)) {
      const response = await fetch(`${APP_URL}${pagePath}`, { redirect: "manual", headers: cookieOf[name] ? { cookie: cookieOf[name] } : {} });
      const html = await response.text();
      if (response.status !== 200 || !html.includes("</html>")) throw new Error(`${pagePath} answered HTTP ${response.status}`);
      htmlBytes[name] = Buffer.byteLength(html);
      if (name === "home") nonceCsp = /'nonce-/.test(response.headers.get("content-security-policy") ?? "");
    }
    const pages = await measureLoad(
      Object.entries(pagePaths).map(([name, pagePath]) => ({
        name,
        options: () => ({ url: `http://127.0.0.1:${PORTS.app}${pagePath}`, headers: cookieOf[name] ? { cookie: cookieOf[name] } : undefined }),
      })),
      PLAN,
      log,
      probe,
    );

    log("(a) callback throughput against the bare baseline");
    const fixtures: FixtureContext = { sql, sandboxUrl: SANDBOX_URL, appUrl: APP_URL, merchantId: MERCHANT.id, merchantKey: MERCHANT.key };
    await dropSandboxCallbacks(SANDBOX_URL, true);
    // app: the real route; nextFloor: the baseline's plain code inside a Next.js route of the same server (what the
    // framework alone costs); baseline: that plain code on node:http. Each has its own payments.
    const callbackUrls = {
      app: `http://127.0.0.1:${PORTS.app}/api/finpay/callback`,
      nextFloor: `http://127.0.0.1:${PORTS.app}/api/bench-callback`,
      baseline: `http://127.0.0.1:${PORTS.baseline}/`,
    };
    const mixes = { app: new CallbackMix(), nextFloor: new CallbackMix(), baseline: new CallbackMix() };
    const warmupPayments = 1_000;
    for (const mix of Object.values(mixes)) mix.add(await createPaidPayments(fixtures, warmupPayments));
    log(`  ${3 * warmupPayments} payments paid at the sandbox for the warm-ups`);
    const callbacks = await measureLoad(
      (Object.keys(callbackUrls) as (keyof typeof callbackUrls)[]).map((name) =>
        callbackTarget({ name, url: callbackUrls[name], mix: mixes[name], fixtures, plan: PLAN, log }),
      ),
      PLAN,
      log,
      probe,
      // The fixtures and warm-ups have just written thousands of payments into tables that were almost empty.
      // PostgreSQL's autovacuum analyzes them within about a minute; until it does, the planner still plans for
      // empty tables, and the first round measured that rather than the app (CPU per callback halved from round 1
      // to round 3). A production database has current statistics, so the bench takes them now.
      async () => {
        await sql!`analyze`;
      },
    );
    const effects = {
      app: await verifyCallbackEffects(sql, mixes.app),
      nextFloor: await verifyCallbackEffects(sql, mixes.nextFloor),
      baseline: await verifyCallbackEffects(sql, mixes.baseline),
    };
    for (const [name, e] of Object.entries(effects)) {
      if (e.paid !== e.delivered) throw new Error(`${name}: ${e.delivered} payments got their callback but ${e.paid} are paid`);
    }

    const queryPlans = await checkQueryPlans(sql);
    log(`  query plans: ${queryPlans.filter((p) => p.problems.length > 0).length} of ${queryPlans.length} frequent queries scan a large table`);

    log("(d) pay action overhead");
    const shopper = await createShopper(sql, APP_URL);
    const pay = await benchPayOverhead({ sql, appUrl: APP_URL, sandboxUrl: SANDBOX_URL, distDir: DIST_DIR, shopper, warmup: 20, runs: PLAN.runs, perRun: 80, log });

    let lighthouse: BenchResults["lighthouse"] = null;
    if (process.env.BENCH_SKIP_LIGHTHOUSE !== "1") {
      log("(e) Lighthouse");
      // An order paid the way a customer pays: the sandbox's callback reaches the app again from here on.
      await dropSandboxCallbacks(SANDBOX_URL, false);
      const [order] = await sql<{ id: string; finpayOrderId: string }[]>`
        select o.id, a.finpay_order_id as "finpayOrderId" from orders o join payment_attempts a on a.order_id = o.id
        where o.user_id = ${shopper.id} and a.status = 'pending' order by o.created_at desc limit 1`;
      if (!order) throw new Error("the pay benchmark left no pending order");
      const paid = await fetch(`${SANDBOX_URL}/__sandbox/orders/${order.finpayOrderId}/pay`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
      if (!paid.ok) throw new Error(`sandbox could not pay ${order.finpayOrderId}: HTTP ${paid.status}`);
      for (let i = 0; i < 40; i += 1) {
        const [row] = await sql<{ status: string }[]>`select status from orders where id = ${order.id}`;
        if (row?.status === "paid") break;
        if (i === 39) throw new Error(`order ${order.id} is not paid after the sandbox's callback`);
        await delay(250);
      }
      await refillCart(sql, shopper.id);
      lighthouse = await benchLighthouse(
        [
          { name: "home", url: `${APP_URL}/` },
          { name: "category", url: `${APP_URL}${CATEGORY_PATH}` },
          { name: "product", url: `${APP_URL}${PRODUCT_PATH}` },
          { name: "cart", url: `${APP_URL}/cart`, cookie: shopper.cookie },
          { name: "checkout", url: `${APP_URL}/checkout`, cookie: shopper.cookie },
          { name: "order", url: `${APP_URL}/orders/${order.id}`, cookie: shopper.cookie },
        ],
        PLAN.runs,
        log,
      );
    }

    const results: BenchResults = {
      finishedAt: new Date().toISOString(),
      durationSeconds: Math.round((Date.now() - startedAt) / 1000),
      command: "npm run bench",
      machine,
      // 1-minute load averages when the measurements began and ended: other work on the machine shows here.
      loadAverage: { before: loadBefore[0]!, after: os.loadavg()[0]! },
      plan: PLAN,
      pages: { figures: Object.fromEntries(pages), htmlBytes, paths: pagePaths, nonceCsp },
      callbacks: {
        figures: Object.fromEntries(callbacks),
        mix: Object.fromEntries(Object.entries(mixes).map(([name, mix]) => [name, mix.runs])),
        effects,
      },
      queryPlans,
      bundles,
      pay,
      lighthouse,
    };
    writeFileSync(path.join(logDir, "results.json"), JSON.stringify(results, null, 2));
    printSummary(results);
    writeBenchmarksFile("BENCHMARKS.md", results);
    log(`wrote BENCHMARKS.md (raw figures in ${path.join(logDir, "results.json")})`);
  } finally {
    log("stopping servers");
    await cleanup();
  }
}

main().then(
  () => {
    log("done");
    process.exit(0);
  },
  (error: unknown) => {
    console.error(`[bench ${elapsed()}] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
