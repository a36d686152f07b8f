import "server-only";
import { eq } from "drizzle-orm";
import { notFound, redirect } from "next/navigation";
import { getDb } from "@/lib/db";
import { users } from "@/db/schema";
import { getSessionUserId } from "./session";

export interface Merchant {
  id: string;
  email: string;
  firstName: string;
}

/**
 * The role, read from the database on every call: a JWT issued before the role was granted or revoked (with
 * `npm run user:role`) must not decide. Undefined for anyone who is not a merchant now.
 */
export async function findMerchant(userId: string | null): Promise<Merchant | undefined> {
  if (!userId) return undefined;
  const db = await getDb();
  const [row] = await db
    .select({ id: users.id, email: users.email, firstName: users.firstName, role: users.role })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return row?.role === "merchant" ? { id: row.id, email: row.email, firstName: row.firstName } : undefined;
}

/**
 * Every console page and every console action starts with this. Signed-out visitors go to sign-in (and come back
 * to `returnPath`); a signed-in customer gets a 404, so the console does not even admit that it exists.
 */
export async function requireMerchant(returnPath: string): Promise<Merchant> {
  const userId = await getSessionUserId();
  if (!userId) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnPath)}`);
  const merchant = await findMerchant(userId);
  if (!merchant) notFound();
  return merchant;
}

/** For route handlers (CSV export), which answer with a status instead of rendering a page. */
export async function merchantOrRefusal(returnPath: string, requestUrl: string): Promise<Merchant | Response> {
  const userId = await getSessionUserId();
  if (!userId) {
    const signIn = new URL("/sign-in", requestUrl);
    signIn.searchParams.set("callbackUrl", returnPath);
    return Response.redirect(signIn, 303);
  }
  return (await findMerchant(userId)) ?? new Response("Not found", { status: 404, headers: { "content-type": "text/plain" } });
}
