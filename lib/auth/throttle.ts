import "server-only";
import { and, gt, inArray, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { signInThrottles } from "@/db/schema";
import { msg, type Text } from "@/lib/translatable";

/**
 * Failed sign-in counters live in the database so that every app instance sees the same numbers.
 *
 * Locking a whole account after a few wrong guesses would let anyone lock its owner out, so the account itself is
 * never locked:
 * - one account from one address ("pair"): 5 failures in 15 minutes lock that pair for 15 minutes;
 * - one address: 20 failures lock it (an address is shared by many people behind NAT, so its limit is looser);
 * - one account from anywhere: from the 5th failure on, each further failure makes the next attempt wait 1, 2, 4 …
 *   at most 60 seconds, but only for addresses the owner has not signed in from (lib/account/users.ts), so an
 *   attacker spread over many addresses is slowed down while the owner at home still gets in;
 * - the current-password check of the change-password form, per customer: 5 failures lock it for 15 minutes;
 * - password reset submissions with a link that cannot be used, per address: 10 lock the address's reset form for
 *   15 minutes (lib/password-reset/reset.ts); the same for sign-up confirmations with an unusable link or a wrong
 *   password (lib/sign-up/requests.ts).
 */
export const THROTTLE_POLICY = {
  windowSeconds: 15 * 60,
  lockSeconds: 15 * 60,
  lockAfter: { pair: 5, ip: 20, "password-change": 5, "reset-link": 10, "sign-up-link": 10 },
  accountDelay: { after: 5, maxSeconds: 60 },
} as const;

export type ThrottleKind = keyof typeof THROTTLE_POLICY.lockAfter | "account";
export type ThrottleKey = { kind: ThrottleKind; value: string };

export const keyOf = (key: ThrottleKey) => `${key.kind}:${key.value.toLowerCase()}`.slice(0, 400);

/** One account from one address. */
export const pairKey = (email: string, ip: string): ThrottleKey => ({ kind: "pair", value: `${email}|${ip}` });

/** The keys a sign-in for `email` from `ip` counts against. */
export function signInThrottleKeys(email: string, ip: string | null): ThrottleKey[] {
  const keys: ThrottleKey[] = [{ kind: "account", value: email }];
  if (ip) keys.push(pairKey(email, ip), { kind: "ip", value: ip });
  return keys;
}

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
  const { windowSeconds } = THROTTLE_POLICY;
  const windowOver = sql`${signInThrottles.windowStartedAt} < now() - make_interval(secs => ${windowSeconds})`;
  const failures = sql`(case when ${windowOver} then 1 else ${signInThrottles.failures} + 1 end)`;
  for (const key of keys) {
    await db.execute(sql`
      insert into ${signInThrottles} (key, failures, window_started_at, locked_until)
      values (${keyOf(key)}, 1, now(), null)
      on conflict (key) do update set
        failures = ${failures},
        window_started_at = case when ${windowOver} then now() else ${signInThrottles.windowStartedAt} end,
        locked_until = ${lockedUntil(key.kind, failures)}`);
  }
}

/** What a key's lock becomes once it has `failures` failures in the window. */
function lockedUntil(kind: ThrottleKind, failures: ReturnType<typeof sql>) {
  if (kind === "account") {
    const { after, maxSeconds } = THROTTLE_POLICY.accountDelay;
    return sql`case when ${failures} >= ${after}
      then now() + make_interval(secs => least(power(2, ${failures} - ${after}), ${maxSeconds}))
      else ${signInThrottles.lockedUntil} end`;
  }
  return sql`case when ${failures} >= ${THROTTLE_POLICY.lockAfter[kind]}
    then now() + make_interval(secs => ${THROTTLE_POLICY.lockSeconds}) else ${signInThrottles.lockedUntil} end`;
}

/** A success clears that key's counter (the pair, or the password check); the address and account keep theirs. */
export async function clearFailures(key: ThrottleKey): Promise<void> {
  const db = await getDb();
  await db.execute(sql`delete from ${signInThrottles} where key = ${keyOf(key)}`);
}

/** "15 minutes" / "15 menit", "40 seconds": how long to wait, as a text for messages' {wait} (lib/translatable.ts). */
export function waitInWords(seconds: number): Text {
  if (seconds < 60) return msg("validation.wait.seconds", { count: seconds });
  return msg("validation.wait.minutes", { count: Math.ceil(seconds / 60) });
}
