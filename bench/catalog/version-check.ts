// `npm run bench:catalog`: what keeping the catalog current on every instance costs a page view (lib/catalog/queries.ts).
// Needs DATABASE_URL (a migrated and seeded PostgreSQL database; nothing in it is changed but the catalog version).
// Measures, one request at a time:
//   - a page view's catalog read when nothing changed: the version row, then the copy in memory;
//   - the same read right after a change: the version row plus the two catalog queries;
//   - the alternative of a notification (LISTEN/NOTIFY): how long one takes to reach another connection, i.e. the
//     window in which the other instance would still show the old catalog.
import postgres from "postgres";
import { getDb } from "@/lib/db";
import { getCatalog } from "@/lib/catalog/queries";
import { raiseCatalogVersion, readCatalogVersion } from "@/lib/catalog/version";
import { percentile, round } from "../lib/stats";

const RUNS = Number(process.env.BENCH_CATALOG_RUNS ?? 2_000);
const log = (message: string) => console.error(`[bench:catalog] ${message}`);

async function timed(runs: number, work: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await work();
    samples.push(performance.now() - t0);
  }
  return samples;
}

const row = (name: string, samples: number[]) => `| ${name} | ${samples.length} | ${round(percentile(samples, 50), 3)} | ${round(percentile(samples, 95), 3)} |`;

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("bench:catalog needs DATABASE_URL (a migrated, seeded PostgreSQL database)");
  const db = await getDb();
  await getCatalog(); // connections open, statements prepared
  const warm = await timed(RUNS, () => getCatalog());
  log("unchanged catalog measured");
  const versionOnly = await timed(RUNS, () => readCatalogVersion());
  const reload: number[] = [];
  for (let i = 0; i < Math.min(RUNS, 300); i++) {
    await db.transaction((tx) => raiseCatalogVersion(tx)); // the change itself is not timed: only the read after it
    const t0 = performance.now();
    await getCatalog();
    reload.push(performance.now() - t0);
  }

  log("reload after a change measured");
  const listener = postgres(url, { max: 1, onnotice: () => {} });
  const sender = postgres(url, { max: 1, onnotice: () => {} });
  let resolveNext: (() => void) | undefined;
  await listener.listen("catalog_bench", () => resolveNext?.());
  const notify = await timed(Math.min(RUNS, 300), async () => {
    const received = new Promise<void>((resolve) => (resolveNext = resolve));
    await sender`select pg_notify('catalog_bench', 'changed')`; // a postgres.js query runs once awaited
    await received;
  });
  await listener.end({ timeout: 5 });
  await sender.end({ timeout: 5 });

  const catalog = await getCatalog();
  console.log(`Catalog freshness on PostgreSQL (${catalog.products.length} published products), milliseconds:\n`);
  console.log("| what | runs | median | p95 |\n| --- | --- | --- | --- |");
  console.log(row("page view, catalog unchanged (version row + copy in memory)", warm));
  console.log(row("the version row alone", versionOnly));
  console.log(row("page view after a change (version row + reload)", reload));
  console.log(row("a NOTIFY reaching another connection", notify));
  process.exit(0);
}

await main();
