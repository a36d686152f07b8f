// `npm run bench:console`: the merchant console's queries at 100,000 orders (BENCH_CONSOLE_ORDERS), on PostgreSQL.
// Uses DATABASE_URL as it is (seeding it once), else a fresh database that is dropped afterwards. Prints a Markdown
// table and writes it into BENCHMARKS.md between the console markers (npm run bench keeps that block).
import os from "node:os";
import postgres from "postgres";
import { openDatabase } from "@/db";
import { seed } from "@/db/seed";
import { hashPassword } from "@/lib/auth/password";
import { createBenchDatabase } from "../lib/database";
import { percentile, round } from "../lib/stats";
import { CONSOLE_MARKERS, writeConsoleSection } from "./section";
import { seedConsoleBench } from "./seed";

const ORDERS = Number(process.env.BENCH_CONSOLE_ORDERS ?? 100_000);
const RUNS = Number(process.env.BENCH_CONSOLE_RUNS ?? 30);

const log = (message: string) => console.log(`[bench:console] ${message}`);

async function main() {
  const database = await createBenchDatabase();
  process.env.DATABASE_URL = database.url;
  try {
    const handle = await openDatabase({ databaseUrl: database.url, pgliteDir: "unused", migrate: true });
    await seed(handle.db, { hashPassword });
    await handle.close();

    const sql = postgres(database.url, { max: 2, onnotice: () => {} });
    const [{ n } = { n: 0 }] = await sql<{ n: number }[]>`select count(*)::int as n from orders o join users u on u.id = o.user_id where u.email like 'bench.customer%'`;
    if (n < ORDERS) {
      log(`seeding ${ORDERS} orders into ${database.name}`);
      const t0 = performance.now();
      await seedConsoleBench(sql, { orders: ORDERS - n, customers: Math.max(100, Math.round(ORDERS / 20)) });
      log(`seeded in ${round((performance.now() - t0) / 1000)} s`);
    }
    const [counts] = await sql<{ orders: number; attempts: number; events: number }[]>`
      select (select count(*) from orders)::int as orders, (select count(*) from payment_attempts)::int as attempts,
             (select count(*) from payment_events)::int as events`;
    log(`database: ${counts!.orders} orders, ${counts!.attempts} attempts, ${counts!.events} events`);

    // The app's own query code, on this database.
    const { listConsoleOrders, allConsoleOrders } = await import("@/lib/console/orders");
    const { getOverview } = await import("@/lib/console/overview");
    const { listCallbacks } = await import("@/lib/console/callback-log");
    const { jakartaToday, addDays } = await import("@/lib/console/filters");
    const { closeDatabase } = await import("@/lib/db");

    const [sample] = await sql<{ email: string; id: string; finpayOrderId: string }[]>`
      select u.email, o.id, a.finpay_order_id as "finpayOrderId" from orders o join users u on u.id = o.user_id
      join payment_attempts a on a.order_id = o.id where u.email like 'bench.customer%' order by o.created_at desc offset 5000 limit 1`;
    // A cursor 100 pages (5,000 rows) deep, to show that a deep page costs what the first one does.
    let deep: string | undefined;
    for (let i = 0; i < 100; i += 1) deep = (await listConsoleOrders({ sort: "newest" }, deep)).nextCursor ?? undefined;
    const today = jakartaToday();

    const cases: [string, () => Promise<unknown>][] = [
      ["first page, newest first", () => listConsoleOrders({ sort: "newest" })],
      ["page 101 (5,000 rows deep), newest first", () => listConsoleOrders({ sort: "newest" }, deep)],
      ["status = paid", () => listConsoleOrders({ sort: "newest", status: "paid" })],
      ["status = refunded, oldest first", () => listConsoleOrders({ sort: "oldest", status: "refunded" })],
      ["highest total first", () => listConsoleOrders({ sort: "total_desc" })],
      ["search: customer email", () => listConsoleOrders({ sort: "newest", q: sample!.email })],
      ["search: order number", () => listConsoleOrders({ sort: "newest", q: sample!.id.slice(0, 8) })],
      ["search: Finpay order id", () => listConsoleOrders({ sort: "newest", q: sample!.finpayOrderId })],
      ["search: part of an email", () => listConsoleOrders({ sort: "newest", q: "customer12" })],
      ["two-click, last 7 days", () => listConsoleOrders({ sort: "newest", method: "two_click", from: addDays(today, -6), to: today })],
      ["work queue: paid, not shipped, older than 2 days, oldest first", () => listConsoleOrders({ sort: "oldest", fulfilment: "late" })],
      ["paid, not shipped, newest first", () => listConsoleOrders({ sort: "newest", fulfilment: "to_ship" })],
      ["fulfilment = shipped", () => listConsoleOrders({ sort: "newest", fulfilment: "shipped" })],
      ["overview (all figures and chart)", () => getOverview()],
      ["callback log, first page", () => listCallbacks({})],
      ["callback log, bad signatures only", () => listCallbacks({ verdict: "invalid" })],
      ["CSV export: all refunded orders (streamed in pages of 1,000)", async () => { for await (const _page of allConsoleOrders({ sort: "newest", status: "refunded" })); }],
    ];
    const rows: string[] = [];
    for (const [name, run] of cases) {
      for (let i = 0; i < 3; i += 1) await run(); // warm-up: plans and caches
      const times: number[] = [];
      for (let i = 0; i < RUNS; i += 1) {
        const t0 = performance.now();
        await run();
        times.push(performance.now() - t0);
      }
      const line = `| ${name} | ${round(percentile(times, 50))} | ${round(percentile(times, 95))} |`;
      rows.push(line);
      log(line);
    }
    const plans = await explainList(sql, sample!.email);
    await closeDatabase();
    await sql.end();

    const section = [
      CONSOLE_MARKERS[0],
      "## Merchant console at 100,000 orders (`npm run bench:console`)",
      "",
      `${new Date().toISOString()} · PostgreSQL · ${counts!.orders.toLocaleString("en")} orders, ${counts!.attempts.toLocaleString("en")} payment attempts, ${counts!.events.toLocaleString("en")} callbacks · ${os.cpus().length} cores, load average ${round(os.loadavg()[0]!)} at the end · ${RUNS} runs per query after 3 warm-up runs, through the app's own query functions (lib/console), times in ms:`,
      "",
      "| Query | p50 ms | p95 ms |",
      "|---|---|---|",
      ...rows,
      "",
      "Plans of the list query (EXPLAIN): " + plans.join("; ") + ".",
      CONSOLE_MARKERS[1],
    ].join("\n");
    console.log(`\n${section}\n`);
    writeConsoleSection("BENCHMARKS.md", section);
  } finally {
    await database.drop();
  }
}

async function explainList(sql: postgres.Sql, email: string): Promise<string[]> {
  const out: string[] = [];
  const plans: [string, string, unknown[]][] = [
    ["first page", "select id from orders order by created_at desc, id desc limit 51", []],
    ["status filter", "select id from orders where status = 'paid' order by created_at desc, id desc limit 51", []],
    [
      "work queue",
      "select id from orders where paid_at is not null and fulfilment_status in ('unfulfilled', 'packed') and status in ('paid', 'partly_refunded') and paid_at < now() - interval '2 days' order by created_at, id limit 51",
      [],
    ],
    ["fulfilment filter", "select id from orders where fulfilment_status = 'shipped' order by created_at desc, id desc limit 51", []],
    ["email search", "select id from orders where user_id in (select id from users where lower(email) = lower($1)) order by created_at desc, id desc limit 51", [email]],
  ];
  for (const [name, text, parameters] of plans) {
    const result = await sql.unsafe<{ "QUERY PLAN": string }[]>(`explain ${text}`, parameters as never[]);
    const indexes = [...new Set(result.map((r) => /using (\w+)/.exec(r["QUERY PLAN"])?.[1]).filter(Boolean))];
    out.push(`${name}: ${indexes.length ? indexes.map((i) => `\`${i}\``).join(", ") : "no index"}`);
  }
  return out;
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`[bench:console] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
