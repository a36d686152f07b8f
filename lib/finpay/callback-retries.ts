/**
 * How Finpay delivers a callback, and what our answer makes it do. One place, shared by the app (which shapes its
 * answers and its reconciliation to it) and the local sandbox (which delivers exactly this).
 *
 * [DOC] docs/finpay-reference.md §5.3, read on hub.finpay.id `finpay-pg/after-payment/notification-handle`:
 * Finpay waits up to 30 s for the merchant's reply and asks for one within 5 s; a 2xx is final; a 5xx is retried
 * 5 times, at 1, 5, 15, 30 and 60 minutes; duplicates happen.
 */

/** How long Finpay waits for the merchant's reply before it counts the delivery as failed [DOC]. */
export const CALLBACK_REPLY_TIMEOUT_MS = 30_000;

/** What Finpay asks of the merchant: a reply within 5 s [DOC]. */
export const CALLBACK_REPLY_WANTED_WITHIN_MS = 5_000;

/** The documented retry schedule, in minutes [DOC]. */
export const CALLBACK_RETRY_MINUTES: readonly number[] = Object.freeze([1, 5, 15, 30, 60]);

/**
 * [INFER:callback-retry-spacing] "at 1, 5, 15, 30 and 60 minutes" reads both as waits between tries (the last one
 * 111 minutes after the first) and as offsets from the first (the last one after 60 minutes). The app plans for
 * the longer reading; the sandbox delivers "waits" unless its quirk switch asks for "offsets".
 */
export const CALLBACK_RETRY_SPACINGS = ["waits", "offsets"] as const;
export type CallbackRetrySpacing = (typeof CALLBACK_RETRY_SPACINGS)[number];

/** When each retry comes, in minutes after the first delivery, under one reading of the schedule. */
export function callbackRetryOffsets(spacing: CallbackRetrySpacing, minutes: readonly number[] = CALLBACK_RETRY_MINUTES): number[] {
  if (spacing === "offsets") return [...minutes];
  let at = 0;
  return minutes.map((wait) => (at += wait));
}

/** The latest a retry can come after the first delivery, whichever reading is right: 111 minutes. */
export const LAST_CALLBACK_RETRY_MINUTES = Math.max(
  ...CALLBACK_RETRY_SPACINGS.map((spacing) => callbackRetryOffsets(spacing).at(-1) ?? 0),
);

/**
 * Whether Finpay sends a callback again after this answer (null: no answer in time, or no connection).
 * 2xx is final and 5xx is retried [DOC]. [INFER:callback-retry-on-failure] A timeout or a refused connection is
 * retried like a 5xx, and a 4xx (or a 3xx) is final: the reference names only 5xx as retried. Either way, the app
 * answers 4xx only when a second delivery could not be answered differently.
 */
export function isRetriedCallbackAnswer(httpStatus: number | null): boolean {
  return httpStatus === null || httpStatus >= 500;
}
