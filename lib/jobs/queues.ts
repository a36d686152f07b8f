/**
 * The job queues and what each job carries: one typed vocabulary for senders (lib/payments, lib/email) and the
 * worker (./worker.ts). Retry settings live on the queue, so a job sent from anywhere gets the same ones.
 */

export const QUEUES = {
  /** Settles overdue pending payments from Finpay's check-status (lib/payments/reconcile.ts), on RECONCILE_CRON. */
  reconcile: "payments.reconcile",
  /** One attempt, RECONCILE_AFTER_SECONDS after its link was made: settles it at once if its callback was lost. */
  checkAttempt: "payments.check-attempt",
  /** After a card payment is paid: fetch the cards Finpay stored for the customer (lib/payments/saved-cards.ts). */
  syncSavedCards: "payments.sync-saved-cards",
  /** Sends one row of email_outbox (lib/email/deliver.ts). */
  sendEmail: "email.send",
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export type JobData = {
  [QUEUES.reconcile]: Record<string, never>;
  [QUEUES.checkAttempt]: { attemptId: string };
  [QUEUES.syncSavedCards]: { attemptId: string };
  [QUEUES.sendEmail]: { outboxId: string };
};

export type QueueSettings = {
  /** Tries after the first one; then the job ends in pg-boss's `failed` state (and the email row in `failed`). */
  retryLimit: number;
  /** Seconds before the first retry; with backoff each next wait doubles (pg-boss adds jitter). */
  retryDelay: number;
  retryBackoff: boolean;
  /** A job still active after this long is taken to be lost (its worker died) and is retried. */
  expireInSeconds: number;
};

export const QUEUE_SETTINGS: Record<QueueName, QueueSettings> = {
  // Cron fires every minute; a failed run is not retried, the next minute's run is the retry.
  [QUEUES.reconcile]: { retryLimit: 0, retryDelay: 0, retryBackoff: false, expireInSeconds: 10 * 60 },
  [QUEUES.checkAttempt]: { retryLimit: 3, retryDelay: 10, retryBackoff: true, expireInSeconds: 5 * 60 },
  // 5 tries over about 10 minutes: Finpay may need a moment to list a card it has just stored.
  [QUEUES.syncSavedCards]: { retryLimit: 5, retryDelay: 10, retryBackoff: true, expireInSeconds: 5 * 60 },
  // 8 retries from 5 s, doubling: an SMTP outage of up to about 20 minutes loses nothing.
  [QUEUES.sendEmail]: { retryLimit: 8, retryDelay: 5, retryBackoff: true, expireInSeconds: 2 * 60 },
};

export const ALL_QUEUES = Object.values(QUEUES);
