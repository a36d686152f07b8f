import { createHash, randomBytes, randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { emailOutbox, passwordResetTokens, users } from "@/db/schema";
import { passwordHashingLoad, verifyPassword } from "@/lib/auth/password";
import { THROTTLE_POLICY } from "@/lib/auth/throttle";
import { authenticate } from "@/lib/account/users";
import { createSession, isSessionLive } from "@/lib/auth/sessions";
import { getDb } from "@/lib/db";
import { newCustomer } from "@/test-support/payment-fixtures";
import { countEmailRequest, EMAIL_REQUEST_LIMITS, emailRequestsPerAddress } from "@/lib/auth/email-requests";
import { createResetLink, isResetLinkUsable, resetPasswordWithLink } from "./reset";

/** Password reset against the real database: links, their single use, their expiry, sessions, rate limits. */

beforeAll(async () => {
  await getDb(); // open (and on PGlite create, migrate and seed) the database outside the first test's time limit
});

async function linksSentTo(userId: string): Promise<string[]> {
  const db = await getDb();
  const rows = await db
    .select({ data: emailOutbox.data })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.userId, userId), eq(emailOutbox.kind, "password_reset")))
    .orderBy(emailOutbox.createdAt);
  return rows.map((row) => String(row.data.resetUrl));
}

const DONE = { ok: true };
const UNUSABLE = { ok: false, reason: "unusable" };
const randomToken = () => randomBytes(32).toString("base64url");
let addressCounter = Math.floor(Math.random() * 200);
/** An address no other test in this file uses. */
const freshAddress = () => `198.51.${Math.floor(Math.random() * 250)}.${(addressCounter++ % 250) + 1}`;

const tokenOf = (link: string) => new URL(link).pathname.split("/").pop()!;

async function passwordHashOf(userId: string) {
  const db = await getDb();
  return (await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId)))[0]!.hash;
}

describe("password reset links", () => {
  it("an unknown email gets no link and no email; a known one (any letter case) gets one, stored only as a hash", async () => {
    const db = await getDb();
    const before = await db.select().from(emailOutbox);
    await createResetLink(`nobody.${randomUUID()}@example.com`);
    expect(await db.select().from(emailOutbox)).toHaveLength(before.length);

    const user = await newCustomer();
    await createResetLink(user.email.toUpperCase());
    const [link] = await linksSentTo(user.id);
    expect(link).toMatch(/^http:\/\/localhost:3000\/reset-password\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(link!);
    const [stored] = await db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, user.id));
    expect(stored!.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(stored!.tokenHash).not.toContain(token);
    expect(stored!.expiresAt.getTime() - stored!.createdAt.getTime()).toBe(30 * 60_000);
  });

  it("sets the new password once, ends every session of the account, and is refused the second time", async () => {
    const user = await newCustomer();
    const sessions = [await createSession(user.id), await createSession(user.id)];
    await createResetLink(user.email);
    const token = tokenOf((await linksSentTo(user.id))[0]!);
    expect(await isResetLinkUsable(token)).toBe(true);

    expect(await resetPasswordWithLink(token, "kata-sandi-baru-1")).toEqual(DONE);
    expect(await verifyPassword("kata-sandi-baru-1", await passwordHashOf(user.id))).toBe(true);
    for (const id of sessions) expect(await isSessionLive(id, user.id)).toBe(false);

    expect(await isResetLinkUsable(token)).toBe(false);
    expect(await resetPasswordWithLink(token, "kata-sandi-lain-2")).toEqual(UNUSABLE);
    expect(await verifyPassword("kata-sandi-baru-1", await passwordHashOf(user.id))).toBe(true);
  });

  it("two submissions of one link at once: one sets the password, the other is refused", async () => {
    const user = await newCustomer();
    await createResetLink(user.email);
    const token = tokenOf((await linksSentTo(user.id))[0]!);
    const results = await Promise.all([resetPasswordWithLink(token, "pertama-123"), resetPasswordWithLink(token, "kedua-4567")]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
  });

  it("a newer request makes the older link useless", async () => {
    const user = await newCustomer();
    await createResetLink(user.email);
    await createResetLink(user.email);
    const [older, newer] = (await linksSentTo(user.id)).map(tokenOf);
    expect(await isResetLinkUsable(older!)).toBe(false);
    expect(await resetPasswordWithLink(older!, "kata-sandi-baru-1")).toEqual(UNUSABLE);
    expect(await resetPasswordWithLink(newer!, "kata-sandi-baru-1")).toEqual(DONE);
  });

  it("a link older than 30 minutes is refused, and so is a malformed or unknown token", async () => {
    const user = await newCustomer();
    await createResetLink(user.email);
    const token = tokenOf((await linksSentTo(user.id))[0]!);
    const db = await getDb();
    await db.update(passwordResetTokens).set({ expiresAt: new Date(Date.now() - 1_000) }).where(eq(passwordResetTokens.userId, user.id));
    expect(await resetPasswordWithLink(token, "kata-sandi-baru-1")).toEqual(UNUSABLE);
    expect(await resetPasswordWithLink("short", "kata-sandi-baru-1")).toEqual(UNUSABLE);
    expect(await resetPasswordWithLink("A".repeat(43), "kata-sandi-baru-1")).toEqual(UNUSABLE);
  });
});

describe("reset submissions (issue 25, item 4)", () => {
  it("a made-up but well-formed token is refused before the new password is hashed; a real link costs one hash", async () => {
    const before = passwordHashingLoad().started;
    for (let i = 0; i < 12; i++) expect(await resetPasswordWithLink(randomToken(), "kata-sandi-baru-1", freshAddress())).toEqual(UNUSABLE);
    expect(passwordHashingLoad().started).toBe(before);

    const user = await newCustomer();
    await createResetLink(user.email);
    const token = tokenOf((await linksSentTo(user.id))[0]!);
    const beforeRealLink = passwordHashingLoad().started;
    expect(await resetPasswordWithLink(token, "kata-sandi-baru-1", freshAddress())).toEqual(DONE);
    expect(passwordHashingLoad().started).toBe(beforeRealLink + 1);
  });

  it(`an address with ${THROTTLE_POLICY.lockAfter["reset-link"]} unusable links is refused for 15 minutes, even with a good link; other addresses are not`, async () => {
    const flooder = freshAddress();
    for (let i = 0; i < THROTTLE_POLICY.lockAfter["reset-link"]; i++) {
      expect(await resetPasswordWithLink(randomToken(), "kata-sandi-baru-1", flooder)).toEqual(UNUSABLE);
    }
    const refused = await resetPasswordWithLink(randomToken(), "kata-sandi-baru-1", flooder);
    expect(refused).toMatchObject({ ok: false, reason: "throttled" });
    expect(refused.ok === false && refused.reason === "throttled" && refused.retryAfterSeconds).toBeGreaterThan(THROTTLE_POLICY.lockSeconds - 60);

    const user = await newCustomer();
    await createResetLink(user.email);
    const token = tokenOf((await linksSentTo(user.id))[0]!);
    const before = passwordHashingLoad().started;
    expect(await resetPasswordWithLink(token, "kata-sandi-baru-1", flooder)).toMatchObject({ ok: false, reason: "throttled" });
    expect(passwordHashingLoad().started).toBe(before);
    expect(await resetPasswordWithLink(token, "kata-sandi-baru-1", freshAddress())).toEqual(DONE);
  });
});

const countResetRequest = (email: string, ip: string | null) => countEmailRequest("reset", email, ip);

describe("reset request limits (in the database, so every app instance counts the same)", () => {
  const { perEmailAndAddress, perEmail } = EMAIL_REQUEST_LIMITS;
  const perAddress = emailRequestsPerAddress();
  const requests = async (count: number, email: (i: number) => string, ip: (i: number) => string | null) => {
    const answers: boolean[] = [];
    for (let i = 0; i < count; i++) answers.push((await countResetRequest(email(i), ip(i))).allowed);
    return answers;
  };

  it(`allow ${perEmailAndAddress} requests per email from one address, ${perEmail} per email from anywhere and ${perAddress} per address`, async () => {
    const email = `limit.${randomUUID()}@example.com`; // no account needed: the limits must not reveal whether one exists
    const stranger = freshAddress();
    expect(await requests(perEmailAndAddress + 2, () => email, () => stranger)).toEqual([...Array(perEmailAndAddress).fill(true), false, false]);
    // The refused requests were not counted against the email's ceiling: other addresses still reach it exactly.
    const spread = await requests(perEmail - perEmailAndAddress + 1, () => email.toUpperCase(), () => freshAddress());
    expect(spread).toEqual([...Array(perEmail - perEmailAndAddress).fill(true), false]);

    const ip = freshAddress();
    expect(await requests(perAddress + 1, (i) => `${i}.${randomUUID()}@example.com`, () => ip)).toEqual([...Array(perAddress).fill(true), false]);
  });

  it("a stranger's requests for the owner's email never refuse the owner at an address the account signed in from (issue 25, item 7)", async () => {
    const owner = await newCustomer();
    const home = freshAddress();
    expect((await authenticate(owner.email, "rahasia-123", home)).ok).toBe(true);

    // A stranger runs out at their own address; the owner, from home or from a new address, is still allowed.
    const stranger = freshAddress();
    await requests(perEmailAndAddress + 1, () => owner.email, () => stranger);
    expect((await countResetRequest(owner.email, stranger)).allowed).toBe(false);
    expect((await countResetRequest(owner.email, home)).allowed).toBe(true);
    expect((await countResetRequest(owner.email, freshAddress())).allowed).toBe(true);

    // A stranger with many addresses reaches the per-email ceiling: new addresses are refused, home never is.
    await requests(perEmail, () => owner.email, () => freshAddress());
    expect((await countResetRequest(owner.email, freshAddress())).allowed).toBe(false);
    // Only the address's own limit still holds at home (one request of it was used above).
    for (let i = 1; i < perAddress; i++) expect((await countResetRequest(owner.email.toUpperCase(), home)).allowed).toBe(true);
  });
});
