import "server-only";
import { sql } from "drizzle-orm";
import { signInThrottles } from "@/db/schema";
import { getDb } from "@/lib/db";

/**
 * Reset requests per account (the email typed, whether or not an account has it, so the limit reveals nothing)
 * and per address, counted in the sign-in throttle table: the counters are shared by every app instance.
 */
export const RESET_REQUEST_LIMITS = { windowSeconds: 15 * 60, perAccount: 3, perAddress: 10 } as const;

const keysFor = (email: string, ip: string | null) => [
  { key: `reset-account:${email.toLowerCase()}`.slice(0, 400), limit: RESET_REQUEST_LIMITS.perAccount },
  ...(ip ? [{ key: `reset-ip:${ip}`.slice(0, 400), limit: RESET_REQUEST_LIMITS.perAddress }] : []),
];

/**
 * Counts this request against each key (one statement each, so concurrent requests cannot lose counts) and says
 * whether any key is now over its limit; a window that has run out starts again at 1.
 */
export async function countResetRequest(email: string, ip: string | null): Promise<{ allowed: boolean }> {
  const db = await getDb();
  const { windowSeconds } = RESET_REQUEST_LIMITS;
  let allowed = true;
  for (const { key, limit } of keysFor(email, ip)) {
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
    if (row && row.count > limit) allowed = false;
  }
  return { allowed };
}
