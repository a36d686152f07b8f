import { describe, expect, it } from "vitest";
import { hashPassword, PASSWORD_HASH_CONCURRENCY, passwordHashingLoad, verifyPassword } from "./password";

describe("password hashing", () => {
  it("verifies the right password and refuses a wrong one", async () => {
    const hash = await hashPassword("rahasia-123");
    expect(await verifyPassword("rahasia-123", hash)).toBe(true);
    expect(await verifyPassword("rahasia-124", hash)).toBe(false);
  });

  it(`runs at most ${PASSWORD_HASH_CONCURRENCY} scrypt computations at once; the rest queue and all complete`, async () => {
    const flood = 6;
    const startedBefore = passwordHashingLoad().started;
    const samples: { running: number; waiting: number }[] = [];
    let settled = 0;
    const all = Promise.all(
      Array.from({ length: flood }, (_, i) => (i % 2 ? hashPassword(`pw-${i}`) : verifyPassword("x", "scrypt$32768$8$1$c2FsdA$aGFzaA")).finally(() => settled++)),
    );
    // Sample the counters at every turn of the event loop until the flood is through.
    while (settled < flood) {
      samples.push(passwordHashingLoad());
      await new Promise((resolve) => setImmediate(resolve));
    }
    await all;
    const peak = (key: "running" | "waiting") => samples.reduce((max, s) => Math.max(max, s[key]), 0);
    expect(peak("running")).toBe(PASSWORD_HASH_CONCURRENCY);
    expect(peak("waiting")).toBe(flood - PASSWORD_HASH_CONCURRENCY);
    expect(passwordHashingLoad()).toEqual({ running: 0, waiting: 0, started: startedBefore + flood });
  });
});
