import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { Sql, TransactionSql } from "postgres";
import { parseEnv } from "../lib/env-schema";
import * as schema from "./schema";
import { seed } from "./seed";

/** One type for both drivers: PGlite and postgres.js expose the same Drizzle query API. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseMode = "postgres" | "pglite";

export interface DatabaseHandle {
  db: Database;
  mode: DatabaseMode;
  close: () => Promise<void>;
}

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

export interface OpenOptions {
  databaseUrl?: string;
  pgliteDir: string;
  /** Apply migrations on open. Always true for PGlite; for a server, `npm run db:migrate` does it. */
  migrate?: boolean;
}

/**
 * DATABASE_URL set -> postgres.js against that server; unset -> embedded PGlite under `.data/`,
 * created, migrated and seeded the first time it is opened. Drivers are imported lazily so the
 * unused one is never loaded.
 */
export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const client = postgres(options.databaseUrl, {
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      onnotice: () => {},
      connect_timeout: 10,
    });
    const db = drizzle(preparingStatements(client), { schema }) as unknown as Database;
    if (options.migrate) {
      const { migrate } = await import("drizzle-orm/postgres-js/migrator");
      await migrate(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    }
    return { db, mode: "postgres", close: () => client.end({ timeout: 5 }) };
  }

  if (process.env.NEXT_PHASE === "phase-production-build") {
    // The embedded directory may be open in one process only; the build must never be that process.
    throw new Error("next build tried to open the embedded PGlite database; pages that read data must render dynamically");
  }
  const inMemory = options.pgliteDir.startsWith("memory://");
  const dataDir = inMemory ? options.pgliteDir : path.resolve(options.pgliteDir);
  const isNew = inMemory || !existsSync(path.join(dataDir, "PG_VERSION"));
  if (!inMemory) mkdirSync(dataDir, { recursive: true });

  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const client = await PGlite.create(dataDir);
  const db = drizzle(client, { schema }) as unknown as Database;
  await migrate(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  if (isNew) await seed(db);
  return { db, mode: "pglite", close: () => client.close() };
}

type PostgresClient = Sql | TransactionSql;

/**
 * Drizzle runs every query built without `.prepare(name)` with `prepare: false`, and postgres.js then sends each
 * query that has parameters in two round trips: describe (to learn the parameter types), then execute. As prepared
 * statements (postgres.js's own default), a query shape is described once per connection and then runs in one round
 * trip; the callback route makes up to twelve queries, so `npm run bench` measured this as its largest single cost.
 * Transactions and savepoints get a client that prepares too.
 */
function preparingStatements<T extends PostgresClient>(client: T): T {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === "unsafe") {
        return (query: string, parameters?: unknown[], queryOptions?: Record<string, unknown>) =>
          target.unsafe(query, parameters as never, { ...queryOptions, prepare: true });
      }
      if (property === "begin" || property === "savepoint") {
        return (...args: unknown[]) => {
          const callback = args.pop() as (transaction: PostgresClient) => unknown;
          const method = Reflect.get(target, property) as (...rest: unknown[]) => unknown;
          return method(...args, (transaction: PostgresClient) => callback(preparingStatements(transaction)));
        };
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}

// Kept on globalThis so that Next's hot reload in development reuses one connection pool / PGlite instance.
const globalForDb = globalThis as unknown as { __storefrontDb?: Promise<DatabaseHandle> };

function openFromEnv(): Promise<DatabaseHandle> {
  const env = parseEnv(process.env);
  return openDatabase({ databaseUrl: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR });
}

/** The process-wide database, opened on first use (never at import time, so builds stay offline). */
export async function getDatabase(): Promise<DatabaseHandle> {
  globalForDb.__storefrontDb ??= openFromEnv().catch((error: unknown) => {
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

export { schema };
