/**
 * The one vocabulary of payment-event outcomes: what became of each callback or status check stored in
 * `payment_events.outcome`, and what a status check reports to its caller. Every writer and every reader (the
 * callback handler, the state machine's summary, reconciliation, actions, the load script, the bench, the e2e specs)
 * imports these names instead of writing string literals, so a misspelt outcome is a type error.
 *
 * Pure on purpose (no imports, no `server-only`): db/schema.ts types the column with it, and scripts, bench and
 * Playwright specs import it without pulling in the database.
 */

/** A payment moved from one state to another: one per state change, written by the state machine's caller. */
export const TRANSITION_OUTCOMES = [
  "initiating_to_pending",
  "initiating_to_paid",
  "initiating_to_failed",
  "initiating_to_expired",
  "initiating_to_cancelled",
  "pending_to_paid",
  "pending_to_failed",
  "pending_to_expired",
  "pending_to_cancelled",
  "failed_to_paid",
  "expired_to_paid",
  "cancelled_to_paid",
  "paid_to_refunded",
  "paid_to_partly_refunded",
  "partly_refunded_to_refunded",
  "paid_to_voided",
] as const;
export type TransitionOutcome = (typeof TRANSITION_OUTCOMES)[number];

/** Stored for an event that changed nothing, or could not be acted on. */
export const NON_TRANSITION_OUTCOMES = [
  // Written when the event is stored, before it is acted on; replaced by the final outcome.
  "received",
  // The body could not be read: not JSON, nested deeper than a Finpay callback ever is, or not UTF-8 text.
  "malformed",
  // Validly signed JSON that does not have a callback's shape (e.g. an order id over 64 or a status over 40 characters).
  "invalid_payload",
  // The signature is missing, malformed or wrong: a forgery, or a callback signed with another key.
  "rejected_signature",
  // Signed by Finpay, but for a Finpay order id that is not ours.
  "unknown_order",
  // The amount or currency differs from the attempt's: flagged, nothing paid.
  "amount_mismatch",
  // Check-status does not know the order the callback speaks of.
  "not_confirmed",
  // Finpay still reports the payment as open (or sent a status we do not know: flagged).
  "still_pending",
  // The attempt already had the state Finpay reports.
  "duplicate",
  // A state the state machine refuses to move to from the current one (e.g. FAILURE after CAPTURED).
  "ignored_out_of_order",
  // A second successful payment on an order already paid by another attempt: money taken twice, flagged.
  "duplicate_payment",
] as const;

export const PAYMENT_EVENT_OUTCOMES = [...NON_TRANSITION_OUTCOMES, ...TRANSITION_OUTCOMES] as const;
export type PaymentEventOutcome = (typeof PAYMENT_EVENT_OUTCOMES)[number];

/** What a status check can report besides a stored event's outcome (nothing is stored for these). */
export const STATUS_CHECK_ONLY_RESULTS = [
  // Finpay never created the attempt (its initiate was lost), so it was failed here.
  "orphan_failed",
  // Finpay made the link of an attempt abandoned while initiating (its process died): cancelled there and here.
  "abandoned_cancelled",
  // The orphan was already settled by someone else.
  "unchanged",
  // Finpay could not be asked (unreachable, timeout): try again later.
  "check_failed",
] as const;
export type StatusCheckResult = PaymentEventOutcome | (typeof STATUS_CHECK_ONLY_RESULTS)[number];

/**
 * Outcomes of a signed callback that leave its payment waiting for news: its processing never finished (the route
 * answered 503 and Finpay will retry, or gave up) or Finpay still said "pending". Reconciliation keeps asking
 * check-status about a payment whose callbacks all ended like this, so a payment whose every delivery failed is
 * settled within minutes, not at its link's expiry.
 */
export const UNSETTLED_CALLBACK_OUTCOMES = ["received", "still_pending"] as const satisfies readonly PaymentEventOutcome[];

/** Outcomes whose event carries a body that nobody vouched for: stored truncated and rate-limited per address. */
export const UNTRUSTED_OUTCOMES = ["malformed", "rejected_signature"] as const satisfies readonly PaymentEventOutcome[];

export function transitionOutcome(from: string, to: string): TransitionOutcome {
  const name = `${from}_to_${to}`;
  if (!isTransitionOutcome(name)) throw new RangeError(`Not a payment transition: ${name}`);
  return name;
}

export function isTransitionOutcome(value: string): value is TransitionOutcome {
  return (TRANSITION_OUTCOMES as readonly string[]).includes(value);
}

export function isPaymentEventOutcome(value: string): value is PaymentEventOutcome {
  return (PAYMENT_EVENT_OUTCOMES as readonly string[]).includes(value);
}
