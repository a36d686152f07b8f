import { createHash, randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { emailOutbox, passwordResetTokens, users } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { createSession, isSessionLive } from "@/lib/auth/sessions";
import { getDb } from "@/lib/db";
import { newCustomer } from "@/test-support/payment-fixtures";
import { countResetRequest, RESET_REQUEST_LIMITS } from "./rate-limit";
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

    expect(await resetPasswordWithLink(token, "kata-sandi-baru-1")).toBe(true);
    expect(await verifyPassword("kata-sandi-baru-1", await passwordHashOf(user.id))).toBe(true);
    for (const id of sessions) expect(await isSessionLive(id, user.id)).toBe(false);

    expect(await isResetLinkUsable(token)).toBe(false);
    expect(await resetPasswordWithLink(token, "kata-sandi-lain-2")).toBe(false);
    expect(await verifyPassword("kata-sandi-baru-1", await passwordHashOf(user.id))).toBe(true);
  });

  it("two submissions of one link at once: one sets the password, the other is refused", async () => {
    const user = await newCustomer();
    await createResetLink(user.email);
    const token = tokenOf((await linksSentTo(user.id))[0]!);
    const results = await Promise.all([resetPasswordWithLink(token, "pertama-123"), resetPasswordWithLink(token, "kedua-4567")]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("a newer request makes the older link useless", async () => {
    const user = await newCustomer();
    await createResetLink(user.email);
    await createResetLink(user.email);
    const [older, newer] = (await linksSentTo(user.id)).map(tokenOf);
    expect(await isResetLinkUsable(older!)).toBe(false);
    expect(await resetPasswordWithLink(older!, "kata-sandi-baru-1")).toBe(false);
    expect(await resetPasswordWithLink(newer!, "kata-sandi-baru-1")).toBe(true);
  });

  it("a link older than 30 minutes is refused, and so is a malformed or unknown token", async () => {
    const user = await newCustomer();
    await createResetLink(user.email);
    const token = tokenOf((await linksSentTo(user.id))[0]!);
    const db = await getDb();
    await db.update(passwordResetTokens).set({ expiresAt: new Date(Date.now() - 1_000) }).where(eq(passwordResetTokens.userId, user.id));
    expect(await resetPasswordWithLink(token, "kata-sandi-baru-1")).toBe(false);
    expect(await resetPasswordWithLink("short", "kata-sandi-baru-1")).toBe(false);
    expect(await resetPasswordWithLink("A".repeat(43), "kata-sandi-baru-1")).toBe(false);
  });
});

describe("reset request limits (in the database, so every app instance counts the same)", () => {
  it(`allow ${RESET_REQUEST_LIMITS.perAccount} requests per email and ${RESET_REQUEST_LIMITS.perAddress} per address in the window`, async () => {
    const email = `limit.${randomUUID()}@example.com`; // no account needed: the limit must not reveal whether one exists
    const perEmail = [];
    for (let i = 0; i <= RESET_REQUEST_LIMITS.perAccount; i += 1) perEmail.push((await countResetRequest(email, null)).allowed);
    expect(perEmail).toEqual([...Array(RESET_REQUEST_LIMITS.perAccount).fill(true), false]);

    const ip = `203.0.113.${Math.floor(Math.random() * 250)}`;
    const perAddress = [];
    for (let i = 0; i <= RESET_REQUEST_LIMITS.perAddress; i += 1) perAddress.push((await countResetRequest(`${i}.${randomUUID()}@example.com`, ip)).allowed);
    expect(perAddress).toEqual([...Array(RESET_REQUEST_LIMITS.perAddress).fill(true), false]);
  });
});
