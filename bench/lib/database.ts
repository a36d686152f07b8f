import postgres from "postgres";

/**
 * The benchmark's own database: a fresh one named with a timestamp on the local server (dropped at the end, also
 * after a failure), unless DATABASE_URL names one to use as it is.
 */
export interface BenchDatabase {
  url: string;
  name: string;
  /** True when this run created it (and so drops it). */
  owned: boolean;
  drop(): Promise<void>;
}

const ADMIN_URL = process.env.BENCH_PG_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export async function createBenchDatabase(): Promise<BenchDatabase> {
  const given = process.env.DATABASE_URL;
  if (given) return { url: given, name: new URL(given).pathname.slice(1), owned: false, drop: async () => {} };

  const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const name = `bench_${stamp}_${process.pid}`;
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    url: url.toString(),
    name,
    owned: true,
    async drop() {
      if (dropped) return;
      dropped = true;
      const sql = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
      try {
        await sql.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await sql.end();
      }
    },
  };
}
