// `npm run reconcile`: settles pending payments whose callback is late or lost, from Finpay's check-status.
// Meant for a cron job (e.g. every minute). Safe to run on several machines at once: attempts are claimed with
// FOR UPDATE SKIP LOCKED and every change goes through the state machine's conditional updates.
import { closeDatabase } from "@/lib/db";
import { reconcileDue } from "@/lib/payments/reconcile";

const started = Date.now();
try {
  const result = await reconcileDue(Number(process.env.RECONCILE_BATCH ?? 100));
  console.log(JSON.stringify({ event: "reconcile.done", ...result, durationMs: Date.now() - started }));
} catch (error) {
  console.error(JSON.stringify({ event: "reconcile.failed", message: (error as Error).message }));
  process.exitCode = 1;
} finally {
  await closeDatabase();
}
