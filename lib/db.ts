import "server-only";
import { getTableColumns, type Table } from "drizzle-orm";
import { openDatabase, type Database, type DatabaseHandle, type OpenOptions } from "@/db";
import { seed } from "@/db/seed";
import { hashPassword } from "./auth/password";
import { env } from "./env";
import { isRealFinpayHost, type Env } from "./env-schema";

export type { Database, DatabaseHandle } from "@/db";

/**
 * The app's side of db/: db/ opens whatever it is given, and this module gives it the validated environment
 * (DATABASE_URL, PGLITE_DIR, DATABASE_POOL_SIZE) and the seed for a new embedded database.
 */

/** Seeds the catalog, the demo customer and, while the sandbox is the gateway, the demo merchant (idempotent). */
export function seedDatabase(db: Database) {
  return seed(db, { hashPassword, demoMerchant: !isRealFinpayHost(env().FINPAY_BASE_URL) });
}

export function databaseOptions(settings: Pick<Env, "DATABASE_URL" | "PGLITE_DIR" | "DATABASE_POOL_SIZE">, extra: Partial<OpenOptions> = {}): OpenOptions {
  return {
    databaseUrl: settings.DATABASE_URL,
    pgliteDir: settings.PGLITE_DIR,
    poolSize: settings.DATABASE_POOL_SIZE,
    // The cluster's instances and workers are named (INSTANCE_NAME, also the X-Instance header of proxy.ts).
    applicationName: process.env.INSTANCE_NAME ?? "storefront",
    onCreated: seedDatabase,
    ...extra,
  };
}

/** Some columns of a table, by name, for `select(...)` and `returning(...)`: only what the caller needs leaves the database. */
export function pickColumns<T extends Table, K extends keyof T["_"]["columns"] & string>(table: T, names: readonly K[]): Pick<T["_"]["columns"], K> {
  const columns = getTableColumns(table);
  return Object.fromEntries(names.map((name) => [name, columns[name]])) as Pick<T["_"]["columns"], K>;
}

/**
 * A statement built once per database and then run with new values (Drizzle's prepared queries, values given as
 * `sql.placeholder`). For the few statements every Finpay callback runs: building their SQL again on every call
 * was the largest cost of the app's own code in a CPU profile of the callback route (`npm run bench`). Not for
 * transactions (a prepared query belongs to the database, not to a transaction), and not for jsonb values: a
 * placeholder's null is encoded as JSON null there, where an ordinary insert writes SQL NULL.
 */
export function preparedFor<Query>(build: (db: Database) => Query): (db: Database) => Query {
  const built = new WeakMap<Database, Query>();
  return (db) => {
    let query = built.get(db);
    if (!query) {
      query = build(db);
      built.set(db, query);
    }
    return query;
  };
}

// Kept on globalThis so that Next's hot reload in development reuses one connection pool / PGlite instance.
const globalForDb = globalThis as unknown as { __storefrontDb?: Promise<DatabaseHandle> };

/** The process-wide database, opened on first use (never at import time, so builds stay offline). */
export async function getDatabase(): Promise<DatabaseHandle> {
  globalForDb.__storefrontDb ??= openDatabase(databaseOptions(env()))
    .then(async (handle) => {
      // The embedded database has no `npm run db:migrate` step of its own: the job queue's schema comes with it.
      if (handle.mode === "pglite") await (await import("./jobs/boss")).installJobQueues(handle, undefined);
      return handle;
    })
    .catch((error: unknown) => {
    globalForDb.__storefrontDb = undefined; // let the next call try again, e.g. after Postgres comes back
    throw error;
  });
  return globalForDb.__storefrontDb;
}

export async function getDb(): Promise<Database> {
  return (await getDatabase()).db;
}

export async function closeDatabase(): Promise<void> {
  const handle = globalForDb.__storefrontDb;
  globalForDb.__storefrontDb = undefined;
  if (handle) await (await handle).close();
}
