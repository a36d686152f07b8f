// `npm run worker`: the job worker (lib/jobs) as its own process, for PostgreSQL (DATABASE_URL). Run as many as you
// like: pg-boss hands each job to one of them. Stops gracefully on SIGINT/SIGTERM: running jobs finish first (up
// to 20 s); a job cut off anyway is retried by another worker once it expires.
import { closeDatabase, getDatabase } from "@/lib/db";
import { env } from "@/lib/env";
import { startJobWorker } from "@/lib/jobs/worker";
import { logger } from "@/lib/logger";

if (!env().DATABASE_URL) {
  // An embedded PGlite directory can be open in one process only, and the app has it: there, the app runs the jobs.
  logger.info("jobs.worker_not_needed", {
    reason: "no DATABASE_URL: with the embedded PGlite database the app process runs the job worker itself",
  });
  process.exit(0);
}

const boss = await startJobWorker(await getDatabase(), env());

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info("jobs.worker_stopping", { signal });
    void boss
      .stop({ graceful: true, timeout: 20_000, wait: true })
      .then(() => closeDatabase())
      .finally(() => process.exit(0));
  });
}
