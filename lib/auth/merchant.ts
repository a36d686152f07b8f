import "server-only";
import { eq } from "drizzle-orm";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
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

/** The signed-in merchant of this request, or undefined for a customer or a visitor; asked once per request. */
export const currentMerchant = cache(async (): Promise<Merchant | undefined> => findMerchant(await getSessionUserId()));

/**
 * Every console page, its metadata, and every console action start with this. Anyone who is not a merchant, signed
 * in or not, gets the shop's plain 404: the console does not admit that it exists, not even by sending a visitor to
 * sign-in (a merchant signs in first, then follows the header's Console link). `_returnPath` is no longer used.
 */
export async function requireMerchant(_returnPath?: string): Promise<Merchant> {
  const merchant = await currentMerchant();
  if (!merchant) notFound();
  return merchant;
}

/**
 * Every console `generateMetadata` goes through this. Next.js resolves a page's metadata even when its layout answers
 * 404, and a 404 thrown from metadata breaks the not-found page, so for anyone but a merchant the metadata is simply
 * empty: the 404 then carries the shop's generic title ("Callback log · Console" once told customers it existed).
 */
export async function merchantMetadata(build: () => Promise<Metadata>): Promise<Metadata> {
  return (await currentMerchant()) ? build() : {};
}

/**
 * For route handlers (CSV export), which answer with a status instead of rendering a page: the same 404 for
 * everyone who is not a merchant.
 */
export async function merchantOrRefusal(): Promise<Merchant | Response> {
  return (await currentMerchant()) ?? new Response("Not found", { status: 404, headers: { "content-type": "text/plain" } });
}
