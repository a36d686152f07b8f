import "server-only";
import { sql } from "drizzle-orm";
import { signInThrottles } from "@/db/schema";
import { isKnownAddressOfEmail } from "@/lib/auth/known-addresses";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";

/**
 * How many emails a form may make the shop send to one address (password reset links, sign-up links and notes),
 * counted per purpose in the sign-in throttle table so that every app instance sees the same numbers. Each limit
 * counts the email typed whether or not an account has it, so hitting one reveals nothing.
 *
 * - one email from one address ("pair"): a stranger asking for someone else's email runs out here, at their own
 *   address, and the owner asking from elsewhere is not affected;
 * - one email from anywhere: a higher ceiling, so that a stranger with many addresses still cannot bury the owner's
 *   inbox;
 * - one address, whatever the emails: bounds what a single client can make the shop send.
 *
 * A request from an address the account has signed in from (lib/auth/known-addresses.ts) skips both per-email
 * limits: a stranger's requests can then never lock the owner out of a reset from home. The trade-off (README,
 * "Security"): from an address the owner never signed in from, a stranger with more addresses than the ceiling can
 * still hold the owner's resets back until the window ends; and anyone sharing an address the owner signed in from
 * (the same NAT or office) is treated as the owner, held only by the per-address limit.
 */
export const EMAIL_REQUEST_LIMITS = { windowSeconds: 15 * 60, perEmailAndAddress: 3, perEmail: 10 } as const;

/** The per-address limit: EMAIL_REQUESTS_PER_ADDRESS, 10 unless configured. */
export const emailRequestsPerAddress = () => env().EMAIL_REQUESTS_PER_ADDRESS;

/** What the email is for: each purpose has its own counters (a reset request does not use up sign-ups). */
export type EmailRequestPurpose = "reset" | "sign-up";

type CountedKey = { key: string; limit: number };

const key = (name: string, value: string) => `${name}:${value.toLowerCase()}`.slice(0, 400);

/**
 * The keys in the order they are counted: the narrowest first, the shared per-email ceiling last, so that requests
 * one address has already been refused for are not also counted against the owner's ceiling.
 */
function keysFor(purpose: EmailRequestPurpose, email: string, ip: string | null, fromKnownAddress: boolean): CountedKey[] {
  const keys: CountedKey[] = [];
  if (ip && !fromKnownAddress) keys.push({ key: key(`${purpose}-pair`, `${email}|${ip}`), limit: EMAIL_REQUEST_LIMITS.perEmailAndAddress });
  if (ip) keys.push({ key: key(`${purpose}-ip`, ip), limit: emailRequestsPerAddress() });
  if (!fromKnownAddress) keys.push({ key: key(`${purpose}-account`, email), limit: EMAIL_REQUEST_LIMITS.perEmail });
  return keys;
}

/**
 * Counts this request against its keys in order (one statement each, so concurrent requests cannot lose counts) and
 * says whether it may go ahead; the first key over its limit refuses it and the later keys are not counted. A window
 * that has run out starts again at 1.
 */
export async function countEmailRequest(purpose: EmailRequestPurpose, email: string, ip: string | null): Promise<{ allowed: boolean }> {
  const db = await getDb();
  const fromKnownAddress = ip ? await isKnownAddressOfEmail(email, ip) : false;
  const { windowSeconds } = EMAIL_REQUEST_LIMITS;
  for (const { key, limit } of keysFor(purpose, email, ip, fromKnownAddress)) {
    const windowOver = sql`${signInThrottles.windowStartedAt} < now() - make_interval(secs => ${windowSeconds})`;
    const [row] = await db
      .insert(signInThrottles)
      .values({ key, failures: 1 })
      .onConflictDoUpdate({
        target: signInThrottles.key,
        set: {
          failures: sql`case when ${windowOver} then 1 else ${signInThrottles.failures} + 1 end`,
          windowStartedAt: sql`case when ${windowOver} then now() else ${signInThrottles.windowStartedAt} end`,
        },
      })
      .returning({ count: signInThrottles.failures });
    if (row && row.count > limit) return { allowed: false };
  }
  return { allowed: true };
}
