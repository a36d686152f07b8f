import { eq } from "drizzle-orm";
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emailOutbox, orders, paymentAttempts } from "@/db/schema";
import { getDatabase, getDb } from "@/lib/db";
import { queueEmail } from "@/lib/email/outbox";
import { storedJobs } from "@/test-support/jobs";
import { newCustomer } from "@/test-support/payment-fixtures";
import { withFinpaySandbox } from "@/test-support/payment-sandbox";
import { waitFor } from "@/test-support/maildev";
import { installQueues } from "./boss";
import { QUEUES } from "./queues";
import { startJobWorker } from "./worker";

/**
 * The real worker (pg-boss polling, its cron schedule and retries) on this run's database: the embedded PGlite
 * (through the app's own PGlite instance, as `npm run dev` runs it) or PostgreSQL (as `npm run worker` does).
 */
const finpay = withFinpaySandbox();
let worker: PgBoss;

beforeAll(async () => {
  // Nothing listens here: every SMTP connection is refused, so every send fails.
  process.env.SMTP_URL = "smtp://127.0.0.1:9";
  worker = await startJobWorker(await getDatabase(), { DATABASE_URL: process.env.DATABASE_URL, RECONCILE_CRON: "* * * * *", pollingIntervalSeconds: 0.5 });
});

afterAll(async () => {
  await installQueues(worker); // give email.send its real retry settings back
  await worker.stop({ graceful: false, close: Boolean(process.env.DATABASE_URL) });
});

describe("the job worker", () => {
  it("schedules reconciliation, which settles a payment whose callback was lost without anyone opening a page", async () => {
    expect((await worker.getSchedules()).find((s) => s.name === QUEUES.reconcile)).toMatchObject({ cron: "* * * * *" });
    const { orderId, attempt } = await finpay.pendingPayment();
    const db = await getDb();
    // The new payment link got its own follow-up check, due once a callback is overdue.
    const rows = await storedJobs(QUEUES.checkAttempt, "attemptId", attempt.id);
    expect(rows).toHaveLength(1);
    expect(new Date(rows[0]!.start_after).getTime()).toBeGreaterThan(Date.now() + 60_000);

    await finpay.payAtFinpay(attempt.finpayOrderId, { callbackLost: true });
    // Long enough ago that the callback is overdue; then the cron's job for this minute comes.
    await db.update(paymentAttempts).set({ createdAt: new Date(Date.now() - 10 * 60_000) }).where(eq(paymentAttempts.id, attempt.id));
    await worker.send(QUEUES.reconcile, {});
    const paid = await waitFor(
      async () => (await db.select({ status: orders.status }).from(orders).where(eq(orders.id, orderId)))[0]!.status,
      (status) => status === "paid",
      30_000,
    );
    expect(paid).toBe("paid");
  }, 60_000);

  it("a job that keeps failing ends in pg-boss's failed state after its retries, and its email row says failed", async () => {
    await worker.updateQueue(QUEUES.sendEmail, { name: QUEUES.sendEmail, retryLimit: 2, retryDelay: 1, retryBackoff: true, expireInSeconds: 60 });
    const user = await newCustomer();
    const db = await getDb();
    const outboxId = await queueEmail(db, { kind: "password_reset", subjectId: crypto.randomUUID(), userId: user.id, data: { resetUrl: "http://localhost/reset" } });
    const row = async () => (await db.select().from(emailOutbox).where(eq(emailOutbox.id, outboxId!)))[0]!;
    const failed = await waitFor(row, (r) => r.status === "failed", 45_000);
    expect(failed.attempts).toBe(3); // the first try and two retries
    expect(failed.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(await storedJobs(QUEUES.sendEmail, "outboxId", outboxId!)).toMatchObject([{ state: "failed", retry_count: 2 }]);
    // Nothing tries it again: no endless loop.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect((await row()).attempts).toBe(3);
  }, 60_000);

  it("takes several jobs per fetch, and a job that throws fails alone while the rest of its batch completes", async () => {
    // One insert, so the next fetch finds all six: five for attempts that do not exist (nothing to do: completed) and
    // one whose id is not a UUID (the database refuses it: the job throws).
    const tag = crypto.randomUUID();
    const good = Array.from({ length: 5 }, () => crypto.randomUUID());
    const bad = `not-a-uuid-${tag}`;
    await worker.insert([...good, bad].map((attemptId) => ({ name: QUEUES.checkAttempt, data: { attemptId } })));
    const stateOf = async (attemptId: string) => (await storedJobs(QUEUES.checkAttempt, "attemptId", attemptId))[0]?.state;
    const badState = await waitFor(() => stateOf(bad), (state) => state === "retry" || state === "failed", 20_000);
    expect(badState).toBe("retry"); // its queue retries it later, on its own
    for (const attemptId of good) expect(await waitFor(() => stateOf(attemptId), (state) => state === "completed", 20_000)).toBe("completed");
    // One fetch took them all: pg-boss stamps the jobs of one fetch with that statement's time.
    const started = await Promise.all(good.map(async (attemptId) => new Date((await storedJobs(QUEUES.checkAttempt, "attemptId", attemptId))[0]!.started_on!).getTime()));
    expect(started.every(Number.isFinite)).toBe(true);
    expect(new Set(started).size).toBe(1);
  }, 60_000);
});
