import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { PGlite } from "@electric-sql/pglite";
import type { Sql, TransactionSql } from "postgres";
import * as schema from "./schema";

/** One type for both drivers: PGlite and postgres.js expose the same Drizzle query API. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseMode = "postgres" | "pglite";

export interface DatabaseHandle {
  db: Database;
  mode: DatabaseMode;
  /** The embedded database itself (PGlite mode only): the job queue talks to it directly (lib/jobs). */
  pglite?: PGlite;
  close: () => Promise<void>;
}

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

/** Everything db/ needs to know, passed in by its caller (lib/db.ts reads it from the validated environment). */
export interface OpenOptions {
  /** A postgres:// URL; without it the embedded PGlite database in `pgliteDir` is used. */
  databaseUrl?: string;
  pgliteDir: string;
  /** Connections in the postgres.js pool (default 10). */
  poolSize?: number;
  /** PostgreSQL's application_name of those connections: pg_stat_activity says which process holds them. */
  applicationName?: string;
  /** Apply migrations on open. Always true for PGlite; for a server, `npm run db:migrate` does it. */
  migrate?: boolean;
  /** Runs once on an embedded database that this open created, after migrating it (lib/db.ts seeds it). */
  onCreated?: (db: Database) => Promise<unknown>;
}

/**
 * `databaseUrl` set -> postgres.js against that server; unset -> embedded PGlite in `pgliteDir`, created and
 * migrated the first time it is opened. Drivers are imported lazily so the unused one is never loaded.
 */
export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const client = postgres(options.databaseUrl, {
      max: options.poolSize ?? 10,
      onnotice: () => {},
      connect_timeout: 10,
      connection: { application_name: options.applicationName ?? "storefront" },
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
  if (isNew) await options.onCreated?.(db);
  return { db, mode: "pglite", pglite: client, close: () => client.close() };
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

export { schema };
