// No `server-only` here: test-support/global-setup.ts installs the queues from plain Node.
import type { PGlite } from "@electric-sql/pglite";
import { sql, type SQL } from "drizzle-orm";
import PgBoss from "pg-boss";
import type { Database, DatabaseHandle } from "@/lib/db";
import { ALL_QUEUES, QUEUE_SETTINGS, type JobData, type QueueName } from "./queues";

/**
 * pg-boss, the job queue, on whichever database the app uses. It reaches the database through its `db` adapter
 * (`executeSql(text, values)`), which lets it run:
 * - on PostgreSQL with its own small pool (`connectionString`), in `npm run worker`;
 * - on the embedded PGlite directory, through the app's own PGlite instance (the directory is open in one
 *   process only, so the queue must share that instance rather than open it again);
 * - inside one of our Drizzle transactions, for `send`: a job is created in the same commit as the change that
 *   calls for it, or not at all.
 */

type Executor = PgBoss.Db;
type Row = Record<string, unknown>;

/** Objects go to pg-boss's `jsonb` parameters as JSON text; both drivers then read them the same way. */
function parameter(value: unknown): unknown {
  if (value === undefined) return null;
  if (value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof Date)) return JSON.stringify(value);
  return value;
}

/**
 * pg-boss writes `$1`-style SQL; Drizzle builds parameters from template chunks, so each occurrence of `$n` becomes
 * a parameter of its own. That reads the same as long as every occurrence of one value is typed alike by the
 * server: true for every send option enqueue() passes (a delay goes as a timestamp, see below).
 */
export function positionalSql(text: string, values: readonly unknown[]): SQL {
  const pieces = text.split(/\$(\d+)/);
  const chunks = pieces.map((piece, index) => (index % 2 === 0 ? sql.raw(piece) : sql`${parameter(values[Number(piece) - 1])}`));
  return sql.join(chunks);
}

/** Runs pg-boss's statements inside a Drizzle transaction (or on a Drizzle database). */
export function drizzleExecutor(db: Pick<Database, "execute">): Executor {
  return {
    async executeSql(text, values) {
      const result = (await db.execute(positionalSql(text, values ?? []))) as unknown as Row[] | { rows: Row[] };
      return { rows: Array.isArray(result) ? result : result.rows };
    },
  };
}

/** pg-boss on an embedded PGlite: statements without parameters may be several (its schema), the rest are one each. */
export function pgliteExecutor(client: PGlite): Executor {
  return {
    async executeSql(text, values) {
      if (!values || values.length === 0) {
        const results = await client.exec(text);
        return { rows: (results.at(-1)?.rows ?? []) as Row[] };
      }
      const result = await client.query<Row>(text, values.map(parameter));
      return { rows: result.rows };
    },
  };
}

export interface BossOptions {
  /** Run cron schedules and maintenance (expired jobs are retried, old ones archived): a worker, not a sender. */
  supervise: boolean;
}

/** A pg-boss for the given database; start() it before use. Creates pg-boss's own schema (`pgboss`) when missing. */
export function createBoss(handle: DatabaseHandle, databaseUrl: string | undefined, options: BossOptions): PgBoss {
  const common = {
    migrate: true,
    supervise: options.supervise,
    schedule: options.supervise,
  };
  if (handle.mode === "pglite") {
    if (!handle.pglite) throw new Error("PGlite handle without its client");
    return new PgBoss({ ...common, db: pgliteExecutor(handle.pglite) });
  }
  if (!databaseUrl) throw new Error("the job queue on PostgreSQL needs DATABASE_URL");
  return new PgBoss({ ...common, connectionString: databaseUrl, max: 3, application_name: "storefront-jobs" });
}

/** Creates every queue (idempotent) and brings its retry settings up to date. Run by migrations and by workers. */
export async function installQueues(boss: PgBoss): Promise<void> {
  for (const name of ALL_QUEUES) {
    await boss.createQueue(name, { name, ...QUEUE_SETTINGS[name] });
    await boss.updateQueue(name, { name, ...QUEUE_SETTINGS[name] });
  }
}

/** Installs pg-boss's schema and our queues on a database (npm run db:migrate, test setup, the embedded database). */
export async function installJobQueues(handle: DatabaseHandle, databaseUrl: string | undefined): Promise<void> {
  const boss = createBoss(handle, databaseUrl, { supervise: false });
  await boss.start();
  try {
    await installQueues(boss);
  } finally {
    // close: false keeps an embedded database (shared with the caller) open.
    await boss.stop({ graceful: false, close: handle.mode === "postgres" });
  }
}

// A sender needs no connection of its own: every send names the transaction (or database) it runs in.
let sender: PgBoss | undefined;
function senderBoss(): PgBoss {
  sender ??= new PgBoss({ db: { executeSql: () => Promise.reject(new Error("pg-boss sends go through enqueue()")) } });
  return sender;
}

export interface EnqueueOptions {
  /** Run no earlier than this many seconds from now. */
  startAfterSeconds?: number;
}

/**
 * Creates a job in `db`, a Drizzle transaction or database: with a transaction it exists exactly when that
 * transaction commits. Throws when the queue does not exist (the database was not migrated), so no job is lost
 * silently.
 */
export async function enqueue<Q extends QueueName>(db: Pick<Database, "execute">, queue: Q, data: JobData[Q], options: EnqueueOptions = {}): Promise<string> {
  const id = await senderBoss().send(queue, data, {
    db: drizzleExecutor(db),
    // As a time, not a number of seconds: pg-boss reads a number through one parameter three ways (text, interval
    // and timestamp), which the one-parameter-per-occurrence SQL above cannot do.
    ...(options.startAfterSeconds ? { startAfter: new Date(Date.now() + options.startAfterSeconds * 1000) } : {}),
  });
  if (id === null) throw new Error(`job queue "${queue}" is not installed: run npm run db:migrate`);
  return id;
}
