import { and, gt, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { signInThrottles } from "@/db/schema";

/**
 * Failed sign-in counters live in the database so that every app instance sees the same numbers.
 * One account: 5 failures in 15 minutes lock it for 15 minutes. One address: 20 failures lock it
 * (an address is shared by many people behind NAT, so its limit is looser).
 */
export const THROTTLE_POLICY = {
  windowSeconds: 15 * 60,
  lockSeconds: 15 * 60,
  maxFailures: { email: 5, ip: 20 },
} as const;

export type ThrottleKey = { kind: "email" | "ip"; value: string };

const keyOf = (key: ThrottleKey) => `${key.kind}:${key.value.toLowerCase()}`.slice(0, 400);

/** Seconds until the first locked key unlocks, or 0 when none is locked. */
export async function secondsLocked(keys: ThrottleKey[]): Promise<number> {
  if (keys.length === 0) return 0;
  const db = await getDb();
  const rows = await db
    .select({ seconds: sql<number>`ceil(extract(epoch from (${signInThrottles.lockedUntil} - now())))::int` })
    .from(signInThrottles)
    .where(and(inArray(signInThrottles.key, keys.map(keyOf)), gt(signInThrottles.lockedUntil, sql`now()`)));
  return Math.max(0, ...rows.map((row) => row.seconds));
}

/** Counts one failure per key in a single statement each, so concurrent failures cannot lose counts. */
export async function recordFailure(keys: ThrottleKey[]): Promise<void> {
  const db = await getDb();
  const { windowSeconds, lockSeconds, maxFailures } = THROTTLE_POLICY;
  for (const key of keys) {
    const limit = maxFailures[key.kind];
    await db.execute(sql`
      insert into ${signInThrottles} (key, failures, window_started_at, locked_until)
      values (${keyOf(key)}, 1, now(), ${limit <= 1 ? sql`now() + make_interval(secs => ${lockSeconds})` : null})
      on conflict (key) do update set
        failures = case when ${signInThrottles.windowStartedAt} < now() - make_interval(secs => ${windowSeconds})
                        then 1 else ${signInThrottles.failures} + 1 end,
        window_started_at = case when ${signInThrottles.windowStartedAt} < now() - make_interval(secs => ${windowSeconds})
                        then now() else ${signInThrottles.windowStartedAt} end,
        locked_until = case when (case when ${signInThrottles.windowStartedAt} < now() - make_interval(secs => ${windowSeconds})
                        then 1 else ${signInThrottles.failures} + 1 end) >= ${limit}
                        then now() + make_interval(secs => ${lockSeconds}) else ${signInThrottles.lockedUntil} end`);
  }
}

/** A successful sign-in clears the account's counter; the address keeps its count. */
export async function clearFailures(key: ThrottleKey): Promise<void> {
  const db = await getDb();
  await db.execute(sql`delete from ${signInThrottles} where key = ${keyOf(key)}`);
}
