import { createHash, randomBytes } from "node:crypto";
import { desc, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { emailOutbox, signUpRequests, users } from "@/db/schema";
import { authenticate } from "@/lib/account/users";
import { passwordHashingLoad } from "@/lib/auth/password";
import { THROTTLE_POLICY } from "@/lib/auth/throttle";
import { getDb } from "@/lib/db";
import { newCustomer } from "@/test-support/payment-fixtures";
import { confirmSignUp, getSignUpLink, requestSignUp, type SignUpInput } from "./requests";

/** Sign-up by confirmed email against the real database (issue 25, item 6). */

beforeAll(async () => {
  await getDb(); // open (and on PGlite create, migrate and seed) the database outside the first test's time limit
});

let counter = Math.floor(Math.random() * 200);
const freshAddress = () => `192.0.2.${(counter++ % 250) + 1}`;
const freshEmail = () => `daftar.${randomBytes(4).toString("hex")}@example.com`;

const input = (email: string, password = "rahasia-123"): SignUpInput => ({
  firstName: "Dewi",
  lastName: "Anggraini",
  email,
  mobilePhone: "+6281299990000",
  password,
  locale: "en",
  returnPath: "/checkout",
});

async function outboxTo(address: string) {
  const db = await getDb();
  return db.select().from(emailOutbox).where(sql`lower(${emailOutbox.toAddress}) = ${address.toLowerCase()}`).orderBy(desc(emailOutbox.createdAt));
}

async function accountsWith(email: string) {
  const db = await getDb();
  return db.select({ id: users.id, passwordHash: users.passwordHash }).from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
}

const tokenOf = (link: string) => new URL(link).pathname.split("/").pop()!;

async function linkSentTo(email: string): Promise<string> {
  const [row] = (await outboxTo(email)).filter((r) => r.kind === "sign_up_confirmation");
  return String(row!.data.confirmUrl);
}

describe("asking for an account", () => {
  it("a new email gets a link (its token stored only as a hash) and no account until the link is used", async () => {
    const email = freshEmail();
    await requestSignUp(input(email));
    expect(await accountsWith(email)).toEqual([]);
    const [mail] = await outboxTo(email);
    expect(mail).toMatchObject({ kind: "sign_up_confirmation", userId: null, locale: "en", data: { firstName: "Dewi" } });
    const link = String(mail!.data.confirmUrl);
    expect(link).toMatch(/^http:\/\/localhost:3000\/sign-up\/confirm\/[A-Za-z0-9_-]{43}$/);
    const db = await getDb();
    const [request] = await db.select().from(signUpRequests).where(eq(signUpRequests.email, email));
    expect(request!.tokenHash).toBe(createHash("sha256").update(tokenOf(link)).digest("hex"));
    expect(request!.expiresAt.getTime() - request!.createdAt.getTime()).toBe(24 * 3600_000);
    expect(await getSignUpLink(tokenOf(link))).toEqual({ email });
  });

  it("an email that has an account (in any letter case) gets a note to its owner; the account and its password stay as they were", async () => {
    const owner = await newCustomer();
    const [before] = await accountsWith(owner.email);
    const started = passwordHashingLoad().started;
    await requestSignUp(input(owner.email.toUpperCase(), "another-password-1"));
    // The same work as for a new email: one password hash, one email in the outbox.
    expect(passwordHashingLoad().started).toBe(started + 1);
    const mails = await outboxTo(owner.email);
    expect(mails.map((m) => [m.kind, m.userId])).toEqual([["sign_up_existing_account", owner.id]]);
    expect(await accountsWith(owner.email)).toEqual([before]);
    const db = await getDb();
    expect(await db.select().from(signUpRequests).where(eq(signUpRequests.email, owner.email.toLowerCase()))).toEqual([]);
  });
});

describe("the link", () => {
  it("with the password chosen at sign-up creates the account (profile, language), once; that password then signs in", async () => {
    const email = freshEmail();
    await requestSignUp(input(email));
    const token = tokenOf(await linkSentTo(email));
    const ip = freshAddress();
    expect(await confirmSignUp(token, "wrong-password-1", ip)).toEqual({ ok: false, reason: "wrong_password" });
    expect(await accountsWith(email)).toEqual([]);

    expect(await confirmSignUp(token, "rahasia-123", ip)).toEqual({ ok: true, email, returnPath: "/checkout" });
    const db = await getDb();
    const [user] = await db.select().from(users).where(eq(users.email, email));
    expect(user).toMatchObject({ firstName: "Dewi", lastName: "Anggraini", mobilePhone: "+6281299990000", locale: "en", role: "customer" });
    expect((await authenticate(email, "rahasia-123", null)).ok).toBe(true);

    expect(await confirmSignUp(token, "rahasia-123", ip)).toEqual({ ok: false, reason: "unusable" });
    expect(await getSignUpLink(token)).toBeNull();
  });

  it("a stranger's sign-up with someone else's email gives the stranger nothing: no sign-in, and the link needs the stranger's password", async () => {
    const email = freshEmail();
    await requestSignUp(input(email, "strangers-pass-1"));
    expect(await authenticate(email, "strangers-pass-1", null)).toEqual({ ok: false, reason: "invalid" });
    // The owner signs up too; each request has its own link, and the owner's works with the owner's password only.
    await requestSignUp(input(email, "owners-pass-22"));
    const [ownersLink, strangersLink] = (await outboxTo(email)).map((row) => tokenOf(String(row.data.confirmUrl)));
    expect(await confirmSignUp(strangersLink!, "owners-pass-22", freshAddress())).toEqual({ ok: false, reason: "wrong_password" });
    expect(await confirmSignUp(ownersLink!, "owners-pass-22", freshAddress())).toMatchObject({ ok: true });
    // The other request can no longer make a second account for the email.
    expect(await confirmSignUp(strangersLink!, "strangers-pass-1", freshAddress())).toEqual({ ok: false, reason: "account_exists" });
    expect(await accountsWith(email)).toHaveLength(1);
    expect((await authenticate(email, "strangers-pass-1", null)).ok).toBe(false);
  });

  it("a made-up or expired link costs no password hash; an address with too many is refused for 15 minutes", async () => {
    const started = passwordHashingLoad().started;
    const ip = freshAddress();
    for (let i = 0; i < THROTTLE_POLICY.lockAfter["sign-up-link"]; i++) {
      expect(await confirmSignUp(randomBytes(32).toString("base64url"), "rahasia-123", ip)).toEqual({ ok: false, reason: "unusable" });
    }
    expect(passwordHashingLoad().started).toBe(started);
    expect(await confirmSignUp(randomBytes(32).toString("base64url"), "rahasia-123", ip)).toMatchObject({ ok: false, reason: "throttled" });

    const email = freshEmail();
    await requestSignUp(input(email));
    const token = tokenOf(await linkSentTo(email));
    const db = await getDb();
    await db.update(signUpRequests).set({ expiresAt: new Date(Date.now() - 1_000) }).where(eq(signUpRequests.email, email));
    const beforeExpired = passwordHashingLoad().started;
    expect(await confirmSignUp(token, "rahasia-123", freshAddress())).toEqual({ ok: false, reason: "unusable" });
    expect(passwordHashingLoad().started).toBe(beforeExpired);
    expect(await accountsWith(email)).toEqual([]);
  });
});
