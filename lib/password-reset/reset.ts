import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, ne, sql } from "drizzle-orm";
import { passwordResetTokens, users } from "@/db/schema";
import { endSessionsOf } from "@/lib/auth/sessions";
import { hashPassword } from "@/lib/auth/password";
import { recordFailure, secondsLocked, type ThrottleKey } from "@/lib/auth/throttle";
import { getDb } from "@/lib/db";
import { queueEmail } from "@/lib/email/outbox";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { RESET_TOKEN_PATTERN } from "./validation";

/**
 * Password reset by email. The link carries a random token; the database keeps only its SHA-256, so a copy of the
 * database opens no account. A link works once, for 30 minutes, and only while it is the customer's newest one.
 */
export const RESET_LINK_MINUTES = 30;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * Writes a new link for the account with this email, if there is one, and its email into the outbox, in one
 * transaction; earlier links of the account stop working. Returns nothing either way: the caller answers the
 * same whether or not the account exists.
 */
export async function createResetLink(email: string): Promise<void> {
  const db = await getDb();
  const token = randomBytes(32).toString("base64url");
  const created = await db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
    if (!user) return false;
    await tx
      .update(passwordResetTokens)
      .set({ invalidatedAt: sql`now()` })
      .where(and(eq(passwordResetTokens.userId, user.id), isNull(passwordResetTokens.usedAt), isNull(passwordResetTokens.invalidatedAt)));
    const [row] = await tx
      .insert(passwordResetTokens)
      .values({ userId: user.id, tokenHash: hashToken(token), expiresAt: sql`now() + make_interval(mins => ${RESET_LINK_MINUTES})` })
      .returning({ id: passwordResetTokens.id });
    const resetUrl = new URL(`/reset-password/${token}`, env().APP_BASE_URL).toString();
    await queueEmail(tx, { kind: "password_reset", subjectId: row!.id, userId: user.id, data: { resetUrl } });
    return true;
  });
  logger.info("auth.password_reset_requested", { accountFound: created });
}

const usable = (token: string) =>
  and(
    eq(passwordResetTokens.tokenHash, hashToken(token)),
    isNull(passwordResetTokens.usedAt),
    isNull(passwordResetTokens.invalidatedAt),
    gt(passwordResetTokens.expiresAt, sql`now()`),
  );

/** Whether a link can still be used (the reset page shows the form, or says it cannot). */
export async function isResetLinkUsable(token: string): Promise<boolean> {
  if (!RESET_TOKEN_PATTERN.test(token)) return false;
  const db = await getDb();
  const [row] = await db.select({ id: passwordResetTokens.id }).from(passwordResetTokens).where(usable(token)).limit(1);
  return Boolean(row);
}

export type ResetOutcome = { ok: true } | { ok: false; reason: "unusable" } | { ok: false; reason: "throttled"; retryAfterSeconds: number };

const resetLinkKey = (ip: string): ThrottleKey => ({ kind: "reset-link", value: ip });

/**
 * Sets the new password if the link is still usable, using it up in the same transaction (two tabs submitting
 * the same link: one wins, the other is told the link is used); every other link of the account stops working.
 * Then the customer's sessions end everywhere.
 *
 * The link is checked before the new password is hashed: a made-up token costs one indexed lookup of its SHA-256
 * (the token itself is never compared, so the lookup's timing says nothing about it), never a scrypt computation,
 * which would hold one of the two hashing slots that sign-in needs (lib/auth/password.ts). Links that cannot be used
 * are counted per address, and an address with too many is refused before anything else (lib/auth/throttle.ts).
 */
export async function resetPasswordWithLink(token: string, newPassword: string, ip: string | null = null): Promise<ResetOutcome> {
  const locked = ip ? await secondsLocked([resetLinkKey(ip)]) : 0;
  if (locked > 0) return { ok: false, reason: "throttled", retryAfterSeconds: locked };
  const unusable = async (): Promise<ResetOutcome> => {
    if (ip) await recordFailure([resetLinkKey(ip)]);
    return { ok: false, reason: "unusable" };
  };
  if (!(await isResetLinkUsable(token))) return unusable();
  const passwordHash = await hashPassword(newPassword);
  const db = await getDb();
  const userId = await db.transaction(async (tx) => {
    const [used] = await tx
      .update(passwordResetTokens)
      .set({ usedAt: sql`now()` })
      .where(usable(token))
      .returning({ id: passwordResetTokens.id, userId: passwordResetTokens.userId });
    if (!used) return null;
    await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, used.userId));
    await tx
      .update(passwordResetTokens)
      .set({ invalidatedAt: sql`now()` })
      .where(and(eq(passwordResetTokens.userId, used.userId), ne(passwordResetTokens.id, used.id), isNull(passwordResetTokens.usedAt), isNull(passwordResetTokens.invalidatedAt)));
    return used.userId;
  });
  // Used up by another submission while this one was hashing.
  if (!userId) return unusable();
  // Whoever knew the old password is out: every session of the account ends (the browser that reset it is not
  // signed in; the customer signs in with the new password next).
  await endSessionsOf(userId);
  logger.info("auth.password_reset_done", { userId });
  return { ok: true };
}
