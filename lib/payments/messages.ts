import { isFinpayError, type FinpayError } from "@/lib/finpay";
import type { StockShortfall } from "@/lib/catalog/stock";
import type { DeliveryProblem } from "@/lib/delivery/quote";
import type { Messages } from "@/messages";

/**
 * Why a payment did not go through, as a code from one vocabulary. The code is what the attempt stores
 * (`payment_attempts.failure_message`, optionally followed by the issuer's own words in brackets for the merchant)
 * and what the order page translates (messages: payments.failures): a customer reads plain words in their language,
 * never the issuer's "Do not honour". The technical detail stays in the logs and the payment inspector.
 */
export type PaymentFailure = keyof Messages["payments"]["failures"];

/** A refusal or result in the shopper's language: a key of one of the payments namespace's groups, plus values. */
export type PaymentRefusalKey = keyof Messages["payments"]["refusals"];

const FAILURES = new Set<string>([
  "declinedBank",
  "declinedFunds",
  "declinedExpired",
  "declinedInvalid",
  "declinedCvv",
  "declinedAuthentication",
  "declinedTryLater",
  "declinedContactBank",
  "generic",
  "neverOpened",
  "unreachable",
  "validation",
  "unauthorized",
  "timeout",
  "network",
  "gateway",
  "malformed",
  "conflict",
  "refused",
] satisfies PaymentFailure[]);

export function isPaymentFailure(value: string): value is PaymentFailure {
  return FAILURES.has(value);
}

/** Finpay's error on a call (initiate, cancel) as a failure code. */
export function describeGatewayFailure(error: unknown): PaymentFailure {
  if (!isFinpayError(error)) return "unreachable";
  const finpay: FinpayError = error;
  switch (finpay.kind) {
    case "validation":
      return "validation";
    case "unauthorized":
      return "unauthorized";
    case "timeout":
      return "timeout";
    case "network":
      return "network";
    case "gateway":
      return "gateway";
    case "malformed_response":
      return "malformed";
    case "conflict":
      return "conflict";
    default:
      return "refused";
  }
}

/**
 * A card decline in plain words. Finpay passes on the acquirer's result (statusDesc such as "Do not honour",
 * "Insufficient funds", sometimes led by the ISO 8583 response code, "05 - Do not honour") and a text meant for the
 * cardholder (userDesc). Both are read; the first rule that matches wins; anything unknown is a decline by the bank.
 */
const DECLINE_RULES: readonly { failure: PaymentFailure; codes: readonly string[]; words: RegExp }[] = [
  { failure: "declinedFunds", codes: ["51", "61", "65"], words: /insufficient|not sufficient|exceeds?.{0,20}limit|limit exceeded|saldo/i },
  { failure: "declinedExpired", codes: ["33", "54"], words: /expired card|card (has )?expired|kedaluwarsa/i },
  { failure: "declinedCvv", codes: ["N7", "82"], words: /\bcvv|\bcvc|\bcvv2|security code/i },
  { failure: "declinedInvalid", codes: ["14", "15", "56"], words: /invalid card|invalid account|no such (card|issuer)|card number/i },
  { failure: "declinedAuthentication", codes: [], words: /3-?d ?secure|authenticat|\botp\b/i },
  { failure: "declinedContactBank", codes: ["04", "07", "41", "43", "57", "59", "62", "93"], words: /lost|stolen|fraud|pick.?up|restricted|not permitted|violation/i },
  { failure: "declinedTryLater", codes: ["19", "68", "91", "92", "96"], words: /inoperative|unavailable|processing error|system (error|malfunction)|try again|timed? ?out/i },
];

export function classifyDecline(statusDesc: string | null | undefined, userDesc?: string | null): PaymentFailure {
  const texts = [statusDesc, userDesc].map((t) => t?.trim() ?? "").filter(Boolean);
  // A leading response code: "05", "51 Insufficient funds", "N7: CVV mismatch".
  const code = texts.map((t) => /^([0-9A-Z]\d)(?:\b|$)/.exec(t)?.[1]).find(Boolean);
  for (const rule of DECLINE_RULES) {
    if ((code && rule.codes.includes(code)) || texts.some((t) => rule.words.test(t))) return rule.failure;
  }
  return "declinedBank";
}

/**
 * What the attempt stores: the code, and for the merchant the issuer's words ("declinedBank (Do not honour)").
 * Bounded: the issuer's text is Finpay's and can be long.
 */
export function storedFailure(failure: PaymentFailure, issuerText?: string | null): string {
  const detail = issuerText?.replace(/[\u0000-\u001f\u007f]/g, " ").trim().slice(0, 120);
  return detail ? `${failure} (${detail})` : failure;
}

/** The code of a stored failure; older rows that hold an English sentence read as "generic". */
export function failureOf(stored: string | null | undefined): PaymentFailure | null {
  if (!stored) return null;
  const code = /^([A-Za-z]+)(?: \(.*\))?$/s.exec(stored)?.[1];
  return code && isPaymentFailure(code) ? code : "generic";
}

/** The issuer's own words kept beside the code (`declinedBank (Do not honour)`), for the merchant. */
export function issuerWordsOf(stored: string | null | undefined): string | null {
  return (stored && /^[A-Za-z]+ \((.*)\)$/s.exec(stored)?.[1]) || null;
}

/**
 * A refusal as lib code returns it (never in words: lib code does not know the shopper's language, and Vitest runs
 * it outside a request). The action that answers the shopper translates it (lib/payments/texts.ts).
 */
export type PaymentText =
  | { kind: "refusal"; key: PaymentRefusalKey }
  | { kind: "failure"; key: PaymentFailure }
  | { kind: "delivery"; problem: DeliveryProblem }
  | { kind: "stock"; shortfalls: readonly StockShortfall[] };

export const refusalText = (key: PaymentRefusalKey): PaymentText => ({ kind: "refusal", key });
export const failureText = (key: PaymentFailure): PaymentText => ({ kind: "failure", key });
