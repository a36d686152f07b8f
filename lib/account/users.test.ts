import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { signInThrottles } from "@/db/schema";
import { DEMO_CUSTOMER } from "@/db/seed-data";
import { expectRefusedBy, UNIQUE_VIOLATION } from "@/test-support/database-errors";
import { THROTTLE_POLICY } from "@/lib/auth/throttle";
import { UserFacingError } from "@/lib/errors";
import { msg, type Text } from "@/lib/translatable";
import { createSession, endSession, endSessionsOf, isSessionLive } from "@/lib/auth/sessions";
import { authenticate, changePassword, createUser, EMAIL_TAKEN, getUserByEmail, signInWaitSeconds, updateProfile } from "./users";
import { profileSchema } from "./validation";

const unique = () => Math.random().toString(36).slice(2, 10);

function newCustomer(email = `budi.${unique()}@example.com`) {
  return { ...profileSchema.parse({ firstName: "Budi", lastName: "Santoso", email, mobilePhone: "0813 1111 2222" }), password: "rahasia-123" };
}

/** The error carries a catalogue key (translated at the action boundary), under the field it is about. */
async function expectUserFacing(promise: Promise<unknown>, field: string, text: Text) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(UserFacingError);
  expect(error).toMatchObject({ field, text });
}

describe("accounts against the database", () => {
  it("signs up a customer with a normalised profile and a stable Finpay customer id", async () => {
    const user = await createUser(newCustomer());
    expect(user.mobilePhone).toBe("+6281311112222");
    expect(user.finpayCustomerId).toMatch(/^cust_[0-9a-f]{24}$/);
    const result = await authenticate(user.email, "rahasia-123", null);
    expect(result).toMatchObject({ ok: true, user: { id: user.id } });
  });

  it("refuses a duplicate email whatever its case", async () => {
    const email = `dup.${unique()}@example.com`;
    await createUser(newCustomer(email));
    await expectUserFacing(createUser(newCustomer(email)), "email", EMAIL_TAKEN);
    // The unique index is on lower(email): even a row written with capitals elsewhere collides.
    const db = await getDb();
    await expectRefusedBy(db.execute(sql`insert into users (email, password_hash, first_name, last_name, mobile_phone, finpay_customer_id)
      values (${email.toUpperCase()}, 'x', 'A', 'B', '+6281311112222', ${`cust_${unique()}`})`), { code: UNIQUE_VIOLATION, constraint: "users_email_lower_unique" });
  });

  it("keeps the Finpay customer id when the email changes, and refuses another customer's email", async () => {
    const user = await createUser(newCustomer());
    const updated = await updateProfile(user.id, { firstName: "Budi", lastName: "S", email: `new.${unique()}@example.com`, mobilePhone: "+6281311113333" });
    expect(updated.finpayCustomerId).toBe(user.finpayCustomerId);
    expect(updated.lastName).toBe("S");
    await expectUserFacing(
      updateProfile(user.id, { firstName: "Budi", lastName: "S", email: DEMO_CUSTOMER.email, mobilePhone: "+6281311113333" }),
      "email",
      EMAIL_TAKEN,
    );
    expect((await getUserByEmail(updated.email))?.id).toBe(user.id);
  });

  it("changes a password only with the current one", async () => {
    const user = await createUser(newCustomer());
    await expectUserFacing(changePassword(user.id, "wrong-password", "baru-sekali-123"), "currentPassword", msg("validation.currentPassword.incorrect"));
    expect((await authenticate(user.email, "rahasia-123", null)).ok).toBe(true);
    await changePassword(user.id, "rahasia-123", "baru-sekali-123");
    expect((await authenticate(user.email, "rahasia-123", null)).ok).toBe(false);
    expect((await authenticate(user.email, "baru-sekali-123", null)).ok).toBe(true);
  });

  it("answers an unknown email exactly like a wrong password", async () => {
    const user = await createUser(newCustomer());
    expect(await authenticate(`nobody.${unique()}@example.com`, "whatever-123", null)).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticate(user.email, "whatever-123", null)).toEqual({ ok: false, reason: "invalid" });
  });

  it("locks one account from one address after repeated failures, even for the right password; the owner elsewhere still gets in", async () => {
    const user = await createUser(newCustomer());
    const home = `198.51.100.${Math.floor(Math.random() * 250)}`;
    const attacker = `203.0.113.${Math.floor(Math.random() * 250)}`;
    expect((await authenticate(user.email, "rahasia-123", home)).ok).toBe(true); // the owner's known address
    for (let i = 0; i < THROTTLE_POLICY.lockAfter.pair; i++) {
      expect(await authenticate(user.email, `wrong-${i}`, attacker)).toEqual({ ok: false, reason: "invalid" });
    }
    const locked = await authenticate(user.email, "rahasia-123", attacker);
    expect(locked).toMatchObject({ ok: false, reason: "throttled" });
    expect(locked.ok === false && locked.reason === "throttled" && locked.retryAfterSeconds).toBeGreaterThan(60);
    // The owner, from home, is not locked out by the stranger's guesses.
    expect(await authenticate(user.email, "rahasia-123", home)).toMatchObject({ ok: true, user: { id: user.id } });

    // Another instance sees the same lock because it lives in the table; expiring it there unlocks the pair.
    const db = await getDb();
    await db.execute(sql`update ${signInThrottles} set locked_until = now() - interval '1 second', window_started_at = now() - interval '1 hour'
      where key like ${`%${user.email}%`}`);
    expect((await authenticate(user.email, "rahasia-123", attacker)).ok).toBe(true);
  });

  it("slows an account down for addresses its owner never used, growing with each failure", async () => {
    const user = await createUser(newCustomer());
    const home = `198.51.100.${Math.floor(Math.random() * 250)}`;
    expect((await authenticate(user.email, "rahasia-123", home)).ok).toBe(true);
    // Five attackers, one guess each: no pair or address is locked, but the account now makes strangers wait.
    for (let i = 0; i < THROTTLE_POLICY.accountDelay.after; i++) {
      expect(await authenticate(user.email, `wrong-${i}`, `192.0.2.${i + 1}`)).toEqual({ ok: false, reason: "invalid" });
    }
    const stranger = await authenticate(user.email, "rahasia-123", "192.0.2.200");
    expect(stranger).toMatchObject({ ok: false, reason: "throttled" });
    expect(stranger.ok === false && stranger.reason === "throttled" && stranger.retryAfterSeconds).toBeLessThanOrEqual(THROTTLE_POLICY.accountDelay.maxSeconds);
    expect((await authenticate(user.email, "rahasia-123", home)).ok).toBe(true);
    // The delay grows: after more failures (recorded while it had expired), it is longer.
    const db = await getDb();
    await db.execute(sql`update ${signInThrottles} set failures = 9, locked_until = null where key = ${`account:${user.email}`}`);
    await authenticate(user.email, "wrong-again", "192.0.2.201");
    const [row] = await db
      .select({ seconds: sql<number>`ceil(extract(epoch from (${signInThrottles.lockedUntil} - now())))::int` })
      .from(signInThrottles)
      .where(eq(signInThrottles.key, `account:${user.email}`));
    expect(row?.seconds).toBeGreaterThanOrEqual(2 ** (10 - THROTTLE_POLICY.accountDelay.after) - 2);
  });

  it("locks an address after repeated failures across accounts; a sign-up from it must wait too", async () => {
    const ip = `203.0.113.${Math.floor(Math.random() * 250)}-${unique()}`;
    for (let i = 0; i < THROTTLE_POLICY.lockAfter.ip; i++) {
      await authenticate(`ghost.${unique()}@example.com`, "nope-nope", ip);
    }
    const user = await createUser(newCustomer());
    expect(await authenticate(user.email, "rahasia-123", ip)).toMatchObject({ ok: false, reason: "throttled" });
    expect(await signInWaitSeconds(`new.${unique()}@example.com`, ip)).toBeGreaterThan(60);
    expect((await authenticate(user.email, "rahasia-123", "198.51.100.7")).ok).toBe(true);
  });

  it("throttles the current-password check of a password change", async () => {
    const user = await createUser(newCustomer());
    for (let i = 0; i < THROTTLE_POLICY.lockAfter["password-change"]; i++) {
      await expectUserFacing(changePassword(user.id, `wrong-${i}`, "baru-sekali-123"), "currentPassword", msg("validation.currentPassword.incorrect"));
    }
    const refused = await changePassword(user.id, "rahasia-123", "baru-sekali-123").then(() => null, (e: unknown) => e);
    expect(refused).toMatchObject({
      field: "currentPassword",
      text: msg("account.errors.passwordChangeThrottled", { wait: msg("validation.wait.minutes", { count: THROTTLE_POLICY.lockSeconds / 60 }) }),
    });
    expect((await authenticate(user.email, "rahasia-123", null)).ok).toBe(true); // unchanged
  });

  it("a password change ends every other session of the customer and keeps the current one", async () => {
    const user = await createUser(newCustomer());
    const [here, phone, laptop] = [await createSession(user.id), await createSession(user.id), await createSession(user.id)];
    const other = await createUser(newCustomer());
    const othersSession = await createSession(other.id);
    await changePassword(user.id, "rahasia-123", "baru-sekali-123", here);
    expect(await isSessionLive(here, user.id)).toBe(true);
    expect(await isSessionLive(phone, user.id)).toBe(false);
    expect(await isSessionLive(laptop, user.id)).toBe(false);
    expect(await isSessionLive(othersSession, other.id)).toBe(true);
  });

  it("counts concurrent failures without losing any", async () => {
    const user = await createUser(newCustomer());
    await Promise.all(Array.from({ length: 4 }, (_, i) => authenticate(user.email, `bad-${i}`, null)));
    const db = await getDb();
    const [row] = await db.select({ failures: signInThrottles.failures }).from(signInThrottles).where(eq(signInThrottles.key, `account:${user.email}`));
    expect(row?.failures).toBe(4);
  });
});

describe("sessions", () => {
  it("a session is live until it is ended; ending one leaves the customer's others", async () => {
    const user = await createUser(newCustomer());
    const first = await createSession(user.id);
    const second = await createSession(user.id);
    expect(first).toMatch(/^[\w-]{43}$/);
    expect(await isSessionLive(first, user.id)).toBe(true);
    expect(await isSessionLive(first, (await createUser(newCustomer())).id)).toBe(false); // bound to its customer
    await endSession(first);
    expect(await isSessionLive(first, user.id)).toBe(false);
    expect(await isSessionLive(second, user.id)).toBe(true);
    expect(await endSessionsOf(user.id)).toBe(1);
    expect(await isSessionLive(second, user.id)).toBe(false);
  });

  it("an expired session is not live", async () => {
    const user = await createUser(newCustomer());
    const id = await createSession(user.id);
    const db = await getDb();
    await db.execute(sql`update sessions set expires_at = now() - interval '1 second' where id = ${id}`);
    expect(await isSessionLive(id, user.id)).toBe(false);
  });
});
