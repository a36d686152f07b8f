import "server-only";
import { eq } from "drizzle-orm";
import { emailOutbox, orders, users, type EmailKind, type Order, type RefundKind, type User } from "@/db/schema";
import type { Database } from "@/lib/db";
import { getDb } from "@/lib/db";
import { UserFacingError } from "@/lib/errors";
import { enqueue } from "@/lib/jobs/boss";
import { QUEUES } from "@/lib/jobs/queues";
import { isUuid } from "@/lib/uuid";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";

/**
 * Writing an email into the outbox: in the caller's transaction, together with the job that sends it. The
 * unique (kind, subject_id) makes a second write for the same event do nothing (no row, no job), so an event
 * processed twice (a duplicate callback, a retried job, two workers) still owes one email.
 */

/** A Drizzle transaction or the database: what the outbox writes need. */
export type Writer = Pick<Database, "select" | "insert" | "execute">;

export interface OutboxEntry {
  kind: EmailKind;
  /** The event's own id: the order (confirmation), the payment attempt (failed, expired), the refund, the reset. */
  subjectId: string;
  userId: string;
  data?: Record<string, unknown>;
}

/** Returns the new row's id, or null when this event's email was already written. */
export async function queueEmail(tx: Writer, entry: OutboxEntry): Promise<string | null> {
  const [recipient] = await tx.select({ email: users.email, locale: users.locale }).from(users).where(eq(users.id, entry.userId));
  if (!recipient) throw new Error(`no user ${entry.userId} for a ${entry.kind} email`);
  return writeOutbox(tx, entry, recipient);
}

/**
 * An email to an address that has no account yet (a sign-up's confirmation link), in the language it was asked for
 * in. `subjectId` is the sign-up request.
 */
export async function queueEmailTo(tx: Writer, entry: Omit<OutboxEntry, "userId">, recipient: Pick<User, "email" | "locale">): Promise<string | null> {
  return writeOutbox(tx, { ...entry, userId: null }, recipient);
}

async function writeOutbox(tx: Writer, entry: Omit<OutboxEntry, "userId"> & { userId: string | null }, recipient: Pick<User, "email" | "locale">): Promise<string | null> {
  const [row] = await tx
    .insert(emailOutbox)
    .values({ kind: entry.kind, subjectId: entry.subjectId, userId: entry.userId, toAddress: recipient.email, locale: recipient.locale ?? DEFAULT_LOCALE, data: entry.data ?? {} })
    .onConflictDoNothing({ target: [emailOutbox.kind, emailOutbox.subjectId] })
    .returning({ id: emailOutbox.id });
  if (!row) return null;
  await enqueue(tx, QUEUES.sendEmail, { outboxId: row.id });
  return row.id;
}

/** An email about an order, to the order's customer (found with the order: one query inside a payment's transaction). */
export async function queueOrderEmail(tx: Writer, kind: Extract<EmailKind, "order_confirmation" | "payment_failed" | "payment_expired" | "order_shipped" | "order_delivered">, subjectId: string, orderId: string): Promise<string | null> {
  const [recipient] = await tx
    .select({ userId: orders.userId, email: users.email, locale: users.locale })
    .from(orders)
    .innerJoin(users, eq(users.id, orders.userId))
    .where(eq(orders.id, orderId));
  if (!recipient) throw new Error(`no order ${orderId} for a ${kind} email`);
  return writeOutbox(tx, { kind, subjectId, userId: recipient.userId, data: { orderId } }, recipient);
}

export interface RefundNotice {
  /** The refund's own id (one email per refund: a second call with the same id sends nothing more). */
  refundId: string;
  orderId: string;
  /** Whole rupiah refunded by this refund (a partial refund is less than the order total). */
  amountIdr: number;
  /** A void gets its own email: nothing was taken from the card, so nothing is on its way back to it. */
  kind?: RefundKind;
}

/** An order money can go back on: paid, or already given part (or all) of it back. */
const MONEY_BACK_ORDER_STATES: readonly Order["status"][] = ["paid", "partly_refunded", "refunded", "voided"];

/**
 * After a refund or void went through at Finpay, tell the customer (lib/payments/money-back.ts calls it in the
 * transaction that records the refund's success, so the email exists exactly when the refund does). Only a paid
 * (or partly refunded) order can be refunded, and never by more than it cost.
 */
export async function queueRefundEmail(notice: RefundNotice, tx?: Writer): Promise<string | null> {
  if (!Number.isSafeInteger(notice.amountIdr) || notice.amountIdr <= 0) throw new UserFacingError("The refund amount must be a positive whole number of rupiah.", "invalid_input");
  if (notice.refundId.length === 0 || notice.refundId.length > 100) throw new UserFacingError("The refund id must be 1 to 100 characters.", "invalid_input");
  if (!isUuid(notice.orderId)) throw new UserFacingError("That order does not exist.", "not_found");
  const writer = tx ?? (await getDb());
  const [order] = await writer
    .select({ userId: orders.userId, totalIdr: orders.totalIdr, status: orders.status })
    .from(orders)
    .where(eq(orders.id, notice.orderId));
  if (!order) throw new UserFacingError("That order does not exist.", "not_found");
  if (!MONEY_BACK_ORDER_STATES.includes(order.status)) throw new UserFacingError("Only a paid order can be refunded.", "invalid_input");
  if (notice.amountIdr > order.totalIdr) throw new UserFacingError("A refund cannot be more than the order total.", "invalid_input");
  return queueEmail(writer, { kind: notice.kind === "void" ? "void" : "refund", subjectId: notice.refundId, userId: order.userId, data: { orderId: notice.orderId, amountIdr: notice.amountIdr } });
}
