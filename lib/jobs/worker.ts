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

/** Jobs a worker takes from one queue per fetch. */
const JOBS_PER_FETCH = 10;

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
    // pg-boss 10 waits a polling interval after every fetch, a full one too: one job per fetch would drain a burst
    // (a sale's confirmations and card fetches) at one job per interval per worker. A batch runs side by side, and
    // each job succeeds or fails on its own: a failed one is failed by id (retry or failed state, as its queue says),
    // and pg-boss then completes only the jobs still active.
    await boss.work<JobData[typeof queue]>(queue, { includeMetadata: true, pollingIntervalSeconds, batchSize: JOBS_PER_FETCH }, async (jobs) => {
      const outcomes = await Promise.allSettled(jobs.map((job) => runJob(queue, job).catch((error: unknown) => boss.fail(queue, job.id, error as object))));
      // A failure pg-boss could not record (the database is gone): throwing leaves the batch to pg-boss, which fails
      // the jobs still active, so none of them is completed unseen; the handlers are safe to run again.
      const unrecorded = outcomes.find((outcome) => outcome.status === "rejected");
      if (unrecorded) throw unrecorded.reason;
    });
  }
  logger.info("jobs.worker_started", { mode: handle.mode, queues: Object.values(QUEUES), reconcileCron: settings.RECONCILE_CRON });
  return boss;
}
