import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from "node:crypto";
import pLimit from "p-limit";

// scrypt from node:crypto: slow and salted, no native dependency. N=2^15 costs ~60 ms per check here.
const PARAMS = { N: 32768, r: 8, p: 1, keyLength: 64 } as const;
const MAX_MEMORY = 64 * 1024 * 1024;

/**
 * At most this many scrypt computations run at once; the rest wait in a queue. Each takes a thread of libuv's pool
 * (4 threads by default), which also serves file reads and DNS, and a full core: unbounded, a flood of sign-ins took
 * every thread and slowed the catalog from 38 ms to 1.4 s. Two leave the other threads and a core to the shop, and
 * still check dozens of passwords a second.
 */
export const PASSWORD_HASH_CONCURRENCY = 2;
const hashingSlots = pLimit(PASSWORD_HASH_CONCURRENCY);
let started = 0;

/**
 * How many password hashes are running and waiting, and how many this process has asked for since it started (for
 * tests and diagnostics: a path that must not cost a hash can be checked to leave `started` alone).
 */
export function passwordHashingLoad(): { running: number; waiting: number; started: number } {
  return { running: hashingSlots.activeCount, waiting: hashingSlots.pendingCount, started };
}

function scrypt(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  started += 1;
  return hashingSlots(
    () =>
      new Promise<Buffer>((resolve, reject) => {
        scryptCallback(password.normalize("NFKC"), salt, keyLength, options, (error, key) =>
          error ? reject(error) : resolve(key),
        );
      }),
  );
}

/** Encoded as `scrypt$N$r$p$salt$hash` (base64url) so parameters can be raised later without a migration. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const { N, r, p, keyLength } = PARAMS;
  const key = await scrypt(password, salt, keyLength, { N, r, p, maxmem: MAX_MEMORY });
  return ["scrypt", N, r, p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const [scheme, n, r, p, saltText, hashText] = encoded.split("$");
  if (scheme !== "scrypt" || !n || !r || !p || !saltText || !hashText) return false;
  const expected = Buffer.from(hashText, "base64url");
  const key = await scrypt(password, Buffer.from(saltText, "base64url"), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: MAX_MEMORY,
  });
  return timingSafeEqual(key, expected);
}

// A real hash of a random password: checking an unknown email against it costs the same time as a wrong password.
let dummyHash: Promise<string> | undefined;
export function getDummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(18).toString("base64url"));
  return dummyHash;
}
