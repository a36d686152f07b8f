import { sql } from "drizzle-orm";
import type PgBoss from "pg-boss";
import { getDatabase, getDb } from "@/lib/db";
import { createBoss } from "@/lib/jobs/boss";
import type { JobData, QueueName } from "@/lib/jobs/queues";
import { runJob } from "@/lib/jobs/worker";

/**
 * Runs queued jobs now, in the test, through the worker's own handlers and pg-boss's own fetch/complete/fail:
 * what a worker would do on its next poll, without waiting for one.
 */
let boss: Promise<PgBoss> | undefined;

export function testBoss(): Promise<PgBoss> {
  boss ??= getDatabase().then((handle) => createBoss(handle, process.env.DATABASE_URL, { supervise: false }).start());
  return boss;
}

export async function stopTestBoss(): Promise<void> {
  const running = boss;
  boss = undefined;
  if (running) await (await running).stop({ graceful: false, close: Boolean(process.env.DATABASE_URL) });
}

/** Works every job of `queue` that is due now; returns how many ran and how many threw. */
export async function workQueue<Q extends QueueName>(queue: Q): Promise<{ ran: number; failed: number }> {
  const queueBoss = await testBoss();
  let ran = 0;
  let failed = 0;
  for (;;) {
    const [job] = await queueBoss.fetch<JobData[Q]>(queue, { includeMetadata: true });
    if (!job) return { ran, failed };
    ran += 1;
    try {
      await runJob(queue, job);
      await queueBoss.complete(queue, job.id);
    } catch (error) {
      failed += 1;
      await queueBoss.fail(queue, job.id, { message: (error as Error).message });
    }
  }
}

export type StoredJob = { state: string; retry_count: number; start_after: Date; started_on: Date | null };

/** pg-boss's own rows for the jobs of `queue` whose data has `key` = `value`. */
export async function storedJobs(queue: QueueName, key: string, value: string): Promise<StoredJob[]> {
  const db = await getDb();
  const result = await db.execute(sql`select state, retry_count, start_after, started_on from pgboss.job where name = ${queue} and data->>${key} = ${value}`);
  return (Array.isArray(result) ? result : (result as unknown as { rows: StoredJob[] }).rows) as StoredJob[];
}
