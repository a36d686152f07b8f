import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "@/auth";
import { getUserById, type PublicUser } from "@/lib/account/users";

/**
 * The signed-in customer's id and session id, or null. auth() checks the session row (auth.ts), so an ended session
 * is signed out here; cached per request, because the header and the page both ask.
 */
export const getSession = cache(async (): Promise<{ userId: string; sessionId: string } | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  const sessionId = session?.sessionId;
  return userId && sessionId ? { userId, sessionId } : null;
});

export async function getSessionUserId(): Promise<string | null> {
  return (await getSession())?.userId ?? null;
}

/**
 * The signed-in customer, re-read from the database (a JWT can outlive its account). Signed-out visitors go
 * to sign-in and come back to `returnPath` afterwards.
 */
export async function requireUser(returnPath: string): Promise<PublicUser> {
  return (await requireSignedIn(returnPath)).user;
}

/** requireUser, with the session id too (for ending the other sessions). */
export async function requireSignedIn(returnPath: string): Promise<{ user: PublicUser; sessionId: string }> {
  const session = await getSession();
  const user = session ? await getUserById(session.userId) : undefined;
  if (!session || !user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnPath)}`);
  return { user, sessionId: session.sessionId };
}
