/** A clock the sandbox reads instead of `new Date()`, so tests can move time forward to exercise expiry. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

const JAKARTA_OFFSET_MS = 7 * 60 * 60 * 1000; // WIB is UTC+7 all year (no daylight saving).

/**
 * Finpay writes times as "YYYY-MM-DD HH:MM:SS" without a zone; they are read as Jakarta wall time
 * (docs/finpay-reference.md §4.1 [INFER:wib-times]). Shifting by a fixed offset avoids depending on the host's ICU/timezone data.
 */
export function formatJakarta(date: Date): string {
  return new Date(date.getTime() + JAKARTA_OFFSET_MS).toISOString().slice(0, 19).replace("T", " ");
}

export function addMinutes(date: Date, minutes: number): Date {
  return new Date(date.getTime() + minutes * 60_000);
}

/** Finpay's `processingTime` is seconds as a float (PHP microtime difference). */
export function secondsSince(startedAtMs: number): number {
  return Number(((performance.now() - startedAtMs) / 1000).toFixed(6));
}

/** A sleep that can be cut short, so closing the sandbox does not wait for held requests or retry timers. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}
