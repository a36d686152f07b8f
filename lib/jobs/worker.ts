import "server-only";
import type PgBoss from "pg-boss";
import { deliverEmail } from "@/lib/email/deliver";
import type { DatabaseHandle } from "@/lib/db";
import type { Env } from "@/lib/env-schema";
import { logger } from "@/lib/logger";
import { reconcileAttemptIfDue, reconcileDue } from "@/lib/payments/reconcile";
import { fetchStoredCardsAfterPayment } from "@/lib/payments/saved-cards";
import { createBoss, installQueues } from "./boss";
import { QUEUES, type JobData, type QueueName } from "./queues";

/**
 * The worker: pg-boss fetches jobs with FOR UPDATE SKIP LOCKED, so any number of workers (processes, or the app
 * itself on the embedded database) share the queues and each job runs once; a job that throws is retried with
 * the backoff of its queue (./queues.ts) and ends `failed` after its last retry.
 */

type Handler<Q extends QueueName> = (data: JobData[Q], job: { retryCount: number; retryLimit: number }) => Promise<unknown>;

export const JOB_HANDLERS: { [Q in QueueName]: Handler<Q> } = {
  [QUEUES.reconcile]: () => reconcileDue(100),
  [QUEUES.checkAttempt]: (data) => reconcileAttemptIfDue(data.attemptId),
  [QUEUES.syncSavedCards]: (data) => fetchStoredCardsAfterPayment(data.attemptId),
  [QUEUES.sendEmail]: (data, job) => deliverEmail(data.outboxId, { lastTry: job.retryCount >= job.retryLimit }),
};

export async function runJob<Q extends QueueName>(queue: Q, job: PgBoss.JobWithMetadata<JobData[Q]>): Promise<unknown> {
  const started = Date.now();
  try {
    const result = await (JOB_HANDLERS[queue] as Handler<Q>)(job.data, job);
    logger.info("job.done", { queue, jobId: job.id, retryCount: job.retryCount, result, durationMs: Date.now() - started });
    return result;
  } catch (error) {
    const final = job.retryCount >= job.retryLimit;
    logger.warn(final ? "job.failed" : "job.failed_will_retry", { queue, jobId: job.id, retryCount: job.retryCount, retryLimit: job.retryLimit, error });
    throw error;
  }
}

export interface WorkerSettings extends Pick<Env, "DATABASE_URL" | "RECONCILE_CRON"> {
  /** How often an idle worker asks for jobs (pg-boss polls; it has no LISTEN/NOTIFY). */
  pollingIntervalSeconds?: number;
}

/** Starts a worker on the database: queues, the reconciliation schedule, one handler per queue. */
export async function startJobWorker(handle: DatabaseHandle, settings: WorkerSettings): Promise<PgBoss> {
  const boss = createBoss(handle, settings.DATABASE_URL, { supervise: true });
  boss.on("error", (error) => logger.error("jobs.error", { error }));
  await boss.start();
  await installQueues(boss);
  // pg-boss keeps one schedule per name in the database and, across workers, sends each cron slot's job once.
  await boss.schedule(QUEUES.reconcile, settings.RECONCILE_CRON, {}, { tz: "Asia/Jakarta" });
  const pollingIntervalSeconds = settings.pollingIntervalSeconds ?? 2;
  for (const queue of Object.values(QUEUES)) {
    await boss.work<JobData[typeof queue]>(queue, { includeMetadata: true, pollingIntervalSeconds }, async ([job]) => {
      if (job) await runJob(queue, job);
    });
  }
  logger.info("jobs.worker_started", { mode: handle.mode, queues: Object.values(QUEUES), reconcileCron: settings.RECONCILE_CRON });
  return boss;
}
