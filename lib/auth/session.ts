import "server-only";
import { redirect } from "next/navigation";
import { auth } from "@/auth";
import { getUserById, type PublicUser } from "@/lib/account/users";

/** The signed-in customer's id from the JWT, or null. Cheap: no database access. */
export async function getSessionUserId(): Promise<string | null> {
  const session = await auth();
  return session?.user?.id ?? null;
}

/**
 * The signed-in customer, re-read from the database (a JWT can outlive its account). Signed-out visitors go
 * to sign-in and come back to `returnPath` afterwards.
 */
export async function requireUser(returnPath: string): Promise<PublicUser> {
  const userId = await getSessionUserId();
  const user = userId ? await getUserById(userId) : undefined;
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnPath)}`);
  return user;
}
