import { randomBytes } from "node:crypto";
import { and, eq, gt, lt, ne, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { sessions } from "@/db/schema";

/**
 * Server-side state of sign-in sessions. The session cookie is an encrypted JWT (Auth.js) carrying a random session
 * id; the JWT is honoured only while the id's row exists (lib/auth/session.ts, auth.ts). The id alone grants
 * nothing: without AUTH_SECRET nobody can make a cookie that carries it.
 */
export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

export async function createSession(userId: string): Promise<string> {
  const db = await getDb();
  const id = randomBytes(32).toString("base64url");
  // Expired rows of this customer go at the same time: the table holds live sessions, not history.
  await db.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, sql`now()`)));
  await db.insert(sessions).values({ id, userId, expiresAt: sql`now() + make_interval(secs => ${SESSION_MAX_AGE_SECONDS})` });
  return id;
}

export async function isSessionLive(id: string, userId: string): Promise<boolean> {
  const db = await getDb();
  const [row] = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.id, id), eq(sessions.userId, userId), gt(sessions.expiresAt, sql`now()`)))
    .limit(1);
  return Boolean(row);
}

/** Sign-out: this session ends, wherever its cookie has been copied. */
export async function endSession(id: string): Promise<void> {
  const db = await getDb();
  await db.delete(sessions).where(eq(sessions.id, id));
}

/** "Sign out everywhere", or every session but `keepId` (a password change keeps the browser that made it). */
export async function endSessionsOf(userId: string, keepId?: string): Promise<number> {
  const db = await getDb();
  const ended = await db
    .delete(sessions)
    .where(keepId ? and(eq(sessions.userId, userId), ne(sessions.id, keepId)) : eq(sessions.userId, userId))
    .returning({ id: sessions.id });
  return ended.length;
}
