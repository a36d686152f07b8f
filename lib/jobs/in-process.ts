import "server-only";
import { getDatabase } from "@/lib/db";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { startJobWorker } from "./worker";

const globalForJobs = globalThis as unknown as { __storefrontJobs?: Promise<unknown> };

/**
 * With the embedded PGlite database (no DATABASE_URL) the app process is the only one that may open it, so the app
 * runs the job worker itself, on its own PGlite instance: the same queues, handlers and schedule as `npm run
 * worker`. With PostgreSQL it does nothing: workers are their own processes.
 */
export function startJobsInAppWhenEmbedded(): void {
  const settings = env();
  if (settings.DATABASE_URL) return;
  globalForJobs.__storefrontJobs ??= getDatabase()
    .then((handle) => startJobWorker(handle, settings))
    .catch((error: unknown) => {
      globalForJobs.__storefrontJobs = undefined;
      logger.error("jobs.in_app_worker_failed", { error });
    });
}
