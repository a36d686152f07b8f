import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { signInThrottles } from "@/db/schema";
import { DEMO_CUSTOMER } from "@/db/seed-data";
import { THROTTLE_POLICY } from "@/lib/auth/throttle";
import { UserFacingError } from "@/lib/errors";
import { authenticate, changePassword, createUser, EMAIL_TAKEN_MESSAGE, getUserByEmail, updateProfile } from "./users";
import { profileSchema } from "./validation";

const unique = () => Math.random().toString(36).slice(2, 10);

function newCustomer(email = `budi.${unique()}@example.com`) {
  return { ...profileSchema.parse({ firstName: "Budi", lastName: "Santoso", email, mobilePhone: "0813 1111 2222" }), password: "rahasia-123" };
}

async function expectUserFacing(promise: Promise<unknown>, field: string, message: string) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(UserFacingError);
  expect(error).toMatchObject({ field, message });
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
    await expectUserFacing(createUser(newCustomer(email)), "email", EMAIL_TAKEN_MESSAGE);
    // The unique index is on lower(email): even a row written with capitals elsewhere collides.
    const db = await getDb();
    await expect(db.execute(sql`insert into users (email, password_hash, first_name, last_name, mobile_phone, finpay_customer_id)
      values (${email.toUpperCase()}, 'x', 'A', 'B', '+6281311112222', ${`cust_${unique()}`})`)).rejects.toThrow();
  });

  it("keeps the Finpay customer id when the email changes, and refuses another customer's email", async () => {
    const user = await createUser(newCustomer());
    const updated = await updateProfile(user.id, { firstName: "Budi", lastName: "S", email: `new.${unique()}@example.com`, mobilePhone: "+6281311113333" });
    expect(updated.finpayCustomerId).toBe(user.finpayCustomerId);
    expect(updated.lastName).toBe("S");
    await expectUserFacing(
      updateProfile(user.id, { firstName: "Budi", lastName: "S", email: DEMO_CUSTOMER.email, mobilePhone: "+6281311113333" }),
      "email",
      EMAIL_TAKEN_MESSAGE,
    );
    expect((await getUserByEmail(updated.email))?.id).toBe(user.id);
  });

  it("changes a password only with the current one", async () => {
    const user = await createUser(newCustomer());
    await expectUserFacing(changePassword(user.id, "wrong-password", "baru-sekali-123"), "currentPassword", "Your current password is incorrect.");
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

  it("locks an account after repeated failures, even for the right password, and counts in the database", async () => {
    const user = await createUser(newCustomer());
    for (let i = 0; i < THROTTLE_POLICY.maxFailures.email; i++) {
      expect(await authenticate(user.email, `wrong-${i}`, null)).toEqual({ ok: false, reason: "invalid" });
    }
    const locked = await authenticate(user.email, "rahasia-123", null);
    expect(locked).toMatchObject({ ok: false, reason: "throttled" });
    expect(locked.ok === false && locked.reason === "throttled" && locked.retryAfterSeconds).toBeGreaterThan(60);

    // Another instance sees the same lock because it lives in the table; expiring it there unlocks the account.
    const db = await getDb();
    await db.execute(sql`update ${signInThrottles} set locked_until = now() - interval '1 second', window_started_at = now() - interval '1 hour'
      where key = ${`email:${user.email}`}`);
    expect((await authenticate(user.email, "rahasia-123", null)).ok).toBe(true);
  });

  it("locks an address after repeated failures across accounts", async () => {
    const ip = `203.0.113.${Math.floor(Math.random() * 250)}-${unique()}`;
    for (let i = 0; i < THROTTLE_POLICY.maxFailures.ip; i++) {
      await authenticate(`ghost.${unique()}@example.com`, "nope-nope", ip);
    }
    const user = await createUser(newCustomer());
    expect(await authenticate(user.email, "rahasia-123", ip)).toMatchObject({ ok: false, reason: "throttled" });
    expect((await authenticate(user.email, "rahasia-123", "198.51.100.7")).ok).toBe(true);
  });

  it("counts concurrent failures without losing any", async () => {
    const user = await createUser(newCustomer());
    await Promise.all(Array.from({ length: 4 }, (_, i) => authenticate(user.email, `bad-${i}`, null)));
    const db = await getDb();
    const [row] = await db.select({ failures: signInThrottles.failures }).from(signInThrottles).where(eq(signInThrottles.key, `email:${user.email}`));
    expect(row?.failures).toBe(4);
  });
});
