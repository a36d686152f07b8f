import "server-only";
import { and, eq, gt, sql } from "drizzle-orm";
import { signInAddresses, users } from "@/db/schema";
import { getDb } from "@/lib/db";

/**
 * Addresses a customer has signed in from (sign_in_addresses). A request from one of them comes from the owner (or
 * from their own network), so the per-account limits a stranger can run up from elsewhere (the sign-in slow-down,
 * lib/auth/throttle.ts; the reset request limits, lib/password-reset/rate-limit.ts) do not apply to it.
 */

// An address the owner signed in from in this many days counts as theirs.
export const KNOWN_ADDRESS_DAYS = 90;

const recent = sql`now() - make_interval(days => ${KNOWN_ADDRESS_DAYS})`;

export async function isKnownAddress(userId: string, ip: string): Promise<boolean> {
  const db = await getDb();
  const [row] = await db
    .select({ userId: signInAddresses.userId })
    .from(signInAddresses)
    .where(and(eq(signInAddresses.userId, userId), eq(signInAddresses.address, ip), gt(signInAddresses.lastSignedInAt, recent)))
    .limit(1);
  return Boolean(row);
}

/** Whether the account with this email (any letter case), if there is one, has signed in from `ip`. */
export async function isKnownAddressOfEmail(email: string, ip: string): Promise<boolean> {
  const db = await getDb();
  const [row] = await db
    .select({ userId: signInAddresses.userId })
    .from(signInAddresses)
    .innerJoin(users, eq(users.id, signInAddresses.userId))
    .where(and(sql`lower(${users.email}) = ${email.toLowerCase()}`, eq(signInAddresses.address, ip), gt(signInAddresses.lastSignedInAt, recent)))
    .limit(1);
  return Boolean(row);
}

export async function rememberAddress(userId: string, ip: string): Promise<void> {
  const db = await getDb();
  await db
    .insert(signInAddresses)
    .values({ userId, address: ip.slice(0, 64) })
    .onConflictDoUpdate({ target: [signInAddresses.userId, signInAddresses.address], set: { lastSignedInAt: sql`now()` } });
}
