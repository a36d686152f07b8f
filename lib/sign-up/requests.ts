import "server-only";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { and, eq, gt, lt, sql } from "drizzle-orm";
import { signUpRequests, users } from "@/db/schema";
import { insertUser } from "@/lib/account/users";
import type { ProfileInput } from "@/lib/account/validation";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { recordFailure, secondsLocked, type ThrottleKey } from "@/lib/auth/throttle";
import { getDb } from "@/lib/db";
import { queueEmail, queueEmailTo } from "@/lib/email/outbox";
import { env } from "@/lib/env";
import { isUserFacingError } from "@/lib/errors";
import { asLocale, type Locale } from "@/lib/i18n/locales";
import { logger } from "@/lib/logger";
import { SIGN_UP_TOKEN_PATTERN } from "./validation";

/**
 * Sign-up by confirmed email. The form answers "check your inbox" whatever the email, so it never tells who has an
 * account:
 * - a new email gets a link; the account is created when the link is opened and the password chosen at sign-up is
 *   typed again, and the customer is then signed in and taken where they were going (the cart, the checkout);
 * - an email that has an account gets a note to its owner saying someone tried to sign up with it, with links to
 *   sign in and to reset the password; nothing about the account changes.
 *
 * The account is not created at once, so a stranger who signs up with someone else's email before its owner does
 * cannot sign in with the password they chose, and the link needs that password as well as the inbox, so the owner
 * who opens such a link by mistake cannot end up in an account whose password a stranger knows. Only the link's
 * SHA-256 is kept; a link works once, for SIGN_UP_LINK_HOURS.
 */
export const SIGN_UP_LINK_HOURS = 24;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export type SignUpInput = ProfileInput & { password: string; locale: Locale; returnPath: string };

/** Writes the link (new email) or the note to the owner (existing email) into the outbox; returns nothing either way. */
export async function requestSignUp(input: SignUpInput): Promise<void> {
  // Hashed whether or not the email is taken, so that neither answer is faster than the other.
  const passwordHash = await hashPassword(input.password);
  const token = randomBytes(32).toString("base64url");
  const email = input.email.toLowerCase();
  const db = await getDb();
  const accountExisted = await db.transaction(async (tx) => {
    // Expired requests (and the password hashes they hold) go as new ones come.
    await tx.delete(signUpRequests).where(lt(signUpRequests.expiresAt, sql`now()`));
    const [owner] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email}`);
    if (owner) {
      await queueEmail(tx, { kind: "sign_up_existing_account", subjectId: randomUUID(), userId: owner.id });
      return true;
    }
    const [request] = await tx
      .insert(signUpRequests)
      .values({
        email,
        firstName: input.firstName,
        lastName: input.lastName,
        mobilePhone: input.mobilePhone,
        locale: input.locale,
        passwordHash,
        returnPath: input.returnPath,
        tokenHash: hashToken(token),
        expiresAt: sql`now() + make_interval(hours => ${SIGN_UP_LINK_HOURS})`,
      })
      .returning({ id: signUpRequests.id });
    const confirmUrl = new URL(`/sign-up/confirm/${token}`, env().APP_BASE_URL).toString();
    await queueEmailTo(tx, { kind: "sign_up_confirmation", subjectId: request!.id, data: { confirmUrl, firstName: input.firstName } }, { email, locale: input.locale });
    return false;
  });
  logger.info("auth.sign_up_requested", { accountExisted });
}

const usable = (token: string) => and(eq(signUpRequests.tokenHash, hashToken(token)), gt(signUpRequests.expiresAt, sql`now()`));

/** The email a usable link would create the account for (the confirmation page shows it), or null. */
export async function getSignUpLink(token: string): Promise<{ email: string } | null> {
  if (!SIGN_UP_TOKEN_PATTERN.test(token)) return null;
  const db = await getDb();
  const [row] = await db.select({ email: signUpRequests.email }).from(signUpRequests).where(usable(token)).limit(1);
  return row ?? null;
}

export type ConfirmSignUpOutcome =
  | { ok: true; email: string; returnPath: string }
  | { ok: false; reason: "unusable" | "wrong_password" | "account_exists" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

const confirmKey = (ip: string): ThrottleKey => ({ kind: "sign-up-link", value: ip });

/**
 * Creates the account of a usable link when `password` is the one chosen at sign-up, using the link up in the same
 * transaction. The link is looked up (by its SHA-256) before any password check, so a made-up token costs no scrypt;
 * unusable links and wrong passwords are counted per address, and a locked address is refused first.
 */
export async function confirmSignUp(token: string, password: string, ip: string | null): Promise<ConfirmSignUpOutcome> {
  const locked = ip ? await secondsLocked([confirmKey(ip)]) : 0;
  if (locked > 0) return { ok: false, reason: "throttled", retryAfterSeconds: locked };
  const failed = async (reason: "unusable" | "wrong_password"): Promise<ConfirmSignUpOutcome> => {
    if (ip) await recordFailure([confirmKey(ip)]);
    return { ok: false, reason };
  };
  if (!SIGN_UP_TOKEN_PATTERN.test(token)) return failed("unusable");
  const db = await getDb();
  const [request] = await db.select().from(signUpRequests).where(usable(token)).limit(1);
  if (!request) return failed("unusable");
  if (!(await verifyPassword(password, request.passwordHash))) return failed("wrong_password");
  try {
    const created = await db.transaction(async (tx) => {
      const [taken] = await tx.delete(signUpRequests).where(and(eq(signUpRequests.id, request.id), usable(token))).returning({ id: signUpRequests.id });
      if (!taken) return false;
      const { email, firstName, lastName, mobilePhone, locale, passwordHash } = request;
      await insertUser(tx, { email, firstName, lastName, mobilePhone, locale: asLocale(locale), passwordHash });
      return true;
    });
    if (!created) return failed("unusable");
  } catch (error) {
    // Another link for the same email was opened first: the inbox's owner has that account now.
    if (isUserFacingError(error) && error.code === "conflict") return { ok: false, reason: "account_exists" };
    throw error;
  }
  logger.info("auth.sign_up_confirmed");
  return { ok: true, email: request.email, returnPath: request.returnPath };
}
