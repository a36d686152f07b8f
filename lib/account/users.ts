import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { users, type User } from "@/db/schema";
import { getDummyPasswordHash, hashPassword, verifyPassword } from "@/lib/auth/password";
import { clearFailures, recordFailure, secondsLocked, type ThrottleKey } from "@/lib/auth/throttle";
import { isUniqueViolation } from "@/lib/db-errors";
import { UserFacingError } from "@/lib/errors";
import type { ProfileInput } from "./validation";

export type PublicUser = Pick<User, "id" | "email" | "firstName" | "lastName" | "mobilePhone" | "finpayCustomerId">;

const publicColumns = {
  id: users.id,
  email: users.email,
  firstName: users.firstName,
  lastName: users.lastName,
  mobilePhone: users.mobilePhone,
  finpayCustomerId: users.finpayCustomerId,
};

export const EMAIL_TAKEN_MESSAGE = "An account with this email already exists.";

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
export async function createUser(input: ProfileInput & { password: string }): Promise<PublicUser> {
  const db = await getDb();
  const passwordHash = await hashPassword(input.password);
  try {
    const [row] = await db
      .insert(users)
      .values({
        email: input.email,
        firstName: input.firstName,
        lastName: input.lastName,
        mobilePhone: input.mobilePhone,
        passwordHash,
        finpayCustomerId: `cust_${randomBytes(12).toString("hex")}`,
      })
      .returning(publicColumns);
    return row!;
  } catch (error) {
    if (isUniqueViolation(error, "users_email_lower_unique")) throw new UserFacingError(EMAIL_TAKEN_MESSAGE, "conflict", "email");
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
    if (!row) throw new UserFacingError("Your account no longer exists.", "not_found");
    return row;
  } catch (error) {
    if (isUniqueViolation(error, "users_email_lower_unique")) throw new UserFacingError(EMAIL_TAKEN_MESSAGE, "conflict", "email");
    throw error;
  }
}

export async function changePassword(userId: string, currentPassword: string, newPassword: string): Promise<void> {
  const db = await getDb();
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).limit(1);
  if (!row || !(await verifyPassword(currentPassword, row.passwordHash))) {
    throw new UserFacingError("Your current password is incorrect.", "invalid_input", "currentPassword");
  }
  await db.update(users).set({ passwordHash: await hashPassword(newPassword), updatedAt: new Date() }).where(eq(users.id, userId));
}

export type AuthenticationResult =
  | { ok: true; user: PublicUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/**
 * Checks a password. An unknown email runs the same scrypt work as a wrong password and gets the same answer,
 * so neither timing nor message tells whether an account exists. Locked accounts and addresses are refused first.
 */
export async function authenticate(email: string, password: string, ip: string | null): Promise<AuthenticationResult> {
  const keys: ThrottleKey[] = [{ kind: "email", value: email }];
  if (ip) keys.push({ kind: "ip", value: ip });

  const locked = await secondsLocked(keys);
  if (locked > 0) return { ok: false, reason: "throttled", retryAfterSeconds: locked };

  const db = await getDb();
  const [row] = await db
    .select({ ...publicColumns, passwordHash: users.passwordHash })
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`)
    .limit(1);
  const valid = await verifyPassword(password, row?.passwordHash ?? (await getDummyPasswordHash()));
  if (!row || !valid) {
    await recordFailure(keys);
    return { ok: false, reason: "invalid" };
  }
  await clearFailures(keys[0]!);
  const { passwordHash: _hash, ...user } = row;
  return { ok: true, user };
}
