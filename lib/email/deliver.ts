import "server-only";
import { render } from "@react-email/render";
import { and, eq, lt, or, sql } from "drizzle-orm";
import { emailOutbox, type EmailOutboxRow } from "@/db/schema";
import { getDb } from "@/lib/db";
import { QUEUE_SETTINGS, QUEUES } from "@/lib/jobs/queues";
import { logger } from "@/lib/logger";
import { EMAILS_CARRYING_A_LINK, emailContent, UnsendableEmailError } from "./content";
import { mailTransport, senderDomain } from "./transport";

/**
 * Sending one outbox row: the `email.send` job's work. The row is claimed first (status `sending`, with the time),
 * so a second worker holding a copy of the job, or a retry while the first try is still running, finds nothing to
 * do. A worker that dies mid-send leaves the claim behind; after the lease (the job's own expiry, when pg-boss
 * retries it) the retry takes it over. Every try of one row carries the same Message-ID.
 */

export const SEND_LEASE_SECONDS = QUEUE_SETTINGS[QUEUES.sendEmail].expireInSeconds;

export type DeliveryOutcome = "sent" | "not_due" | "unsendable";

async function claim(outboxId: string): Promise<EmailOutboxRow | undefined> {
  const db = await getDb();
  const [row] = await db
    .update(emailOutbox)
    .set({ status: "sending", claimedAt: sql`now()`, attempts: sql`${emailOutbox.attempts} + 1` })
    .where(
      and(
        eq(emailOutbox.id, outboxId),
        or(
          eq(emailOutbox.status, "pending"),
          and(eq(emailOutbox.status, "sending"), lt(emailOutbox.claimedAt, sql`now() - make_interval(secs => ${SEND_LEASE_SECONDS})`)),
        ),
      ),
    )
    .returning();
  return row;
}

async function release(row: EmailOutboxRow, status: "pending" | "failed", error: unknown): Promise<void> {
  const db = await getDb();
  const message = error instanceof Error ? error.message : String(error);
  await db
    .update(emailOutbox)
    .set({ status, claimedAt: null, lastError: message.slice(0, 1_000) })
    .where(and(eq(emailOutbox.id, row.id), eq(emailOutbox.status, "sending")));
}

/** SMTP 55x: the server refused this recipient or message for good; trying again cannot help. */
function isPermanentSmtpRefusal(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === "number" && code >= 550 && code < 560;
}

/**
 * Sends the row if it is due. `lastTry`: the queue will not retry after this one, so a failure now is final and
 * the row ends `failed` (visible, with the last error) instead of `pending`.
 */
export async function deliverEmail(outboxId: string, { lastTry }: { lastTry: boolean }): Promise<DeliveryOutcome> {
  const row = await claim(outboxId);
  if (!row) return "not_due";
  try {
    const { subject, element } = await emailContent(row);
    const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
    const info = (await mailTransport().sendMail({
      to: row.toAddress,
      subject,
      html,
      text,
      messageId: `<${row.id}@${senderDomain()}>`,
    })) as { messageId?: string };
    const db = await getDb();
    await db
      .update(emailOutbox)
      // A one-time link is a credential: it is kept only until the email is out.
      .set({ status: "sent", sentAt: sql`now()`, claimedAt: null, lastError: null, messageId: info.messageId ?? null, ...(EMAILS_CARRYING_A_LINK.has(row.kind) ? { data: {} } : {}) })
      .where(eq(emailOutbox.id, row.id));
    logger.info("email.sent", { outboxId: row.id, kind: row.kind, attempt: row.attempts });
    return "sent";
  } catch (error) {
    const final = lastTry || error instanceof UnsendableEmailError || isPermanentSmtpRefusal(error);
    await release(row, final ? "failed" : "pending", error);
    logger.warn(final ? "email.failed" : "email.send_failed_will_retry", { outboxId: row.id, kind: row.kind, attempt: row.attempts, error });
    if (error instanceof UnsendableEmailError || isPermanentSmtpRefusal(error)) return "unsendable";
    throw error;
  }
}
