/**
 * The one mapping from Finpay's status list (docs/finpay-reference.md §5.4) to the project's payment states.
 */
export const PAYMENT_STATES = ["pending", "paid", "failed", "expired", "cancelled", "refunded", "partly_refunded", "voided"] as const;
export type PaymentState = (typeof PAYMENT_STATES)[number];

const STATUS_TABLE: Readonly<Record<string, PaymentState>> = {
  // Nothing settled yet. AUTHORIZED holds the funds but has not taken them: a card payment becomes
  // CAPTURED next, so the order is not paid until then.
  REQUEST_INITIATED: "pending", // merchant request created, customer has not paid (seen live before payment)
  INITIATED: "pending", // 3DS initiation
  AUTHENTICATION_INITIATED: "pending",
  AUTHENTICATED: "pending", // 3DS passed, not yet authorised
  AUTHORIZED: "pending",
  PENDING: "pending",

  // Money taken. Cards end in CAPTURED, other channels in PAID [INFER:statuses: §5.4].
  PAID: "paid",
  CAPTURED: "paid",
  // Only the merchant can capture less than was authorised (from Finpay's dashboard); doing so settles
  // the order for that amount, so it counts as paid. The captured amount is in result.payment.amount.
  PARTIALLY_CAPTURED: "paid",

  FAILURE: "failed", // declined or rejected [DOC]
  FAILED: "failed", // used by the official plugin; further down the cut-off doc list [INFER:statuses]

  EXPIRED: "expired", // [INFER:statuses] not in the visible part of the doc list; used by the plugins

  CANCELLED: "cancelled",
  // [INFER:statuses] MPGS name for a voided payment (see money-back.ts): a paid payment reversed before settlement.
  VOIDED: "voided",

  // Money back after a payment. How much went back is in the shop's refund rows, not in the state.
  REFUNDED: "refunded",
  PARTIALLY_REFUNDED: "partly_refunded",
};

export interface MappedStatus {
  state: PaymentState;
  /** False when Finpay sent a status this table does not know: log it; `state` is then "pending". */
  known: boolean;
  /** The status as compared: trimmed and upper-cased, or "" when there was none. */
  status: string;
}

/**
 * Maps a Finpay status. [TOLERANT:unknown-statuses] An unknown or missing status maps to "pending" with known: false, so the
 * caller can log it. "pending" is the state that promises nothing; a caller holding a settled
 * payment should not move it back to pending on an unknown status.
 */
export function mapFinpayStatus(status: string | null | undefined): MappedStatus {
  const normalized = (status ?? "").trim().toUpperCase();
  const state = Object.hasOwn(STATUS_TABLE, normalized) ? STATUS_TABLE[normalized] : undefined;
  return state === undefined
    ? { state: "pending", known: false, status: normalized }
    : { state, known: true, status: normalized };
}

export function isPaidStatus(status: string | null | undefined): boolean {
  return mapFinpayStatus(status).state === "paid";
}

/** Every Finpay status this module knows, for documentation and tests. */
export const KNOWN_FINPAY_STATUSES: readonly string[] = Object.freeze(Object.keys(STATUS_TABLE));
