import "server-only";
import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { getDb, pickColumns, type Database } from "@/lib/db";
import { users, type User } from "@/db/schema";
import { getDummyPasswordHash, hashPassword, verifyPassword } from "@/lib/auth/password";
import { isKnownAddress, rememberAddress } from "@/lib/auth/known-addresses";
import { endSessionsOf } from "@/lib/auth/sessions";
import { clearFailures, pairKey, recordFailure, secondsLocked, signInThrottleKeys, waitInWords, type ThrottleKey } from "@/lib/auth/throttle";
import { isUniqueViolation } from "@/lib/db-errors";
import { UserFacingError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { msg } from "@/lib/translatable";
import type { ProfileInput } from "./validation";

const PUBLIC_FIELDS = ["id", "email", "firstName", "lastName", "mobilePhone", "finpayCustomerId", "locale"] as const;
export type PublicUser = Pick<User, (typeof PUBLIC_FIELDS)[number]>;
const publicColumns = pickColumns(users, PUBLIC_FIELDS);

export const EMAIL_TAKEN = msg("account.errors.emailTaken");

export async function getUserById(id: string): Promise<PublicUser | undefined> {
  const db = await getDb();
  const [row] = await db.select(publicColumns).from(users).where(eq(users.id, id)).limit(1);
  return row;
}

export async function getUserByEmail(email: string): Promise<PublicUser | undefined> {
  const db = await getDb();
  const [row] = await db.select(publicColumns).from(users).where(sql`lower(${users.email}) = lower(${email})`).limit(1);
  return row;
}

/** A new customer with a stable Finpay customer id that never changes when the email does. */
export async function createUser(input: ProfileInput & { password: string; locale?: Locale }): Promise<PublicUser> {
  const { password, ...rest } = input;
  return insertUser(await getDb(), { ...rest, passwordHash: await hashPassword(password) });
}

/**
 * Writes the customer row (with the caller's writer: a sign-up's transaction). An email that already has an account,
 * in any letter case, is a UserFacingError on the email field.
 */
export async function insertUser(writer: Pick<Database, "insert">, input: ProfileInput & { passwordHash: string; locale?: Locale }): Promise<PublicUser> {
  try {
    const [row] = await writer
      .insert(users)
      .values({
        email: input.email,
        firstName: input.firstName,
        lastName: input.lastName,
        mobilePhone: input.mobilePhone,
        locale: input.locale,
        passwordHash: input.passwordHash,
        finpayCustomerId: `cust_${randomBytes(12).toString("hex")}`,
      })
      .returning(publicColumns);
    return row!;
  } catch (error) {
    if (isUniqueViolation(error, "users_email_lower_unique")) throw new UserFacingError(EMAIL_TAKEN, "conflict", "email");
    throw error;
  }
}

export async function updateProfile(userId: string, input: ProfileInput): Promise<PublicUser> {
  const db = await getDb();
  try {
    const [row] = await db
      .update(users)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(users.id, userId))
      .returning(publicColumns);
    if (!row) throw new UserFacingError(msg("account.errors.accountGone"), "not_found");
    return row;
  } catch (error) {
    if (isUniqueViolation(error, "users_email_lower_unique")) throw new UserFacingError(EMAIL_TAKEN, "conflict", "email");
    throw error;
  }
}

/** The customer's language: the shop's UI after they sign in, and every email they are sent. */
export async function setUserLocale(userId: string, locale: Locale): Promise<void> {
  const db = await getDb();
  await db.update(users).set({ locale, updatedAt: new Date() }).where(eq(users.id, userId));
}

/**
 * Changes the password when the current one is right, and ends every other session of the customer (a thief signed
 * in elsewhere is out); `keepSessionId`, the browser that made the change, stays signed in. Wrong current passwords
 * are throttled per customer, like sign-in: a stolen session cannot be used to guess the password.
 */
export async function changePassword(userId: string, currentPassword: string, newPassword: string, keepSessionId?: string): Promise<void> {
  const throttleKey: ThrottleKey = { kind: "password-change", value: userId };
  const locked = await secondsLocked([throttleKey]);
  if (locked > 0) {
    throw new UserFacingError(msg("account.errors.passwordChangeThrottled", { wait: waitInWords(locked) }), "unavailable", "currentPassword");
  }
  const db = await getDb();
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).limit(1);
  if (!row || !(await verifyPassword(currentPassword, row.passwordHash))) {
    await recordFailure([throttleKey]);
    throw new UserFacingError(msg("validation.currentPassword.incorrect"), "invalid_input", "currentPassword");
  }
  const passwordHash = await hashPassword(newPassword);
  await db.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, userId));
  await endSessionsOf(userId, keepSessionId);
  await clearFailures(throttleKey);
}

export type AuthenticationResult =
  | { ok: true; user: PublicUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/**
 * Seconds a sign-in for `email` from `ip` must wait before it is even checked (0: it may go ahead). The account-wide
 * slow-down does not apply from an address the owner has signed in from before.
 */
export async function signInWaitSeconds(email: string, ip: string | null, userId?: string): Promise<number> {
  const keys = signInThrottleKeys(email, ip);
  const known = userId && ip ? await isKnownAddress(userId, ip) : false;
  return secondsLocked(known ? keys.filter((key) => key.kind !== "account") : keys);
}

/**
 * Checks a password. An unknown email runs the same scrypt work as a wrong password and gets the same answer,
 * so neither timing nor message tells whether an account exists. Locked pairs and addresses, and the account's
 * slow-down for unknown addresses, are refused first (lib/auth/throttle.ts).
 */
export async function authenticate(email: string, password: string, ip: string | null): Promise<AuthenticationResult> {
  const db = await getDb();
  const [row] = await db
    .select({ ...publicColumns, passwordHash: users.passwordHash })
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`)
    .limit(1);

  const wait = await signInWaitSeconds(email, ip, row?.id);
  if (wait > 0) return { ok: false, reason: "throttled", retryAfterSeconds: wait };

  const valid = await verifyPassword(password, row?.passwordHash ?? (await getDummyPasswordHash()));
  if (!row || !valid) {
    await recordFailure(signInThrottleKeys(email, ip));
    return { ok: false, reason: "invalid" };
  }
  if (ip) {
    await clearFailures(pairKey(email, ip));
    await rememberAddress(row.id, ip);
  }
  const { passwordHash: _hash, ...user } = row;
  return { ok: true, user };
}
