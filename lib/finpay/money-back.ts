/**
 * Void and refund: THE ASSUMPTIONS LIVE HERE, AND ONLY HERE.
 *
 * Finpay's docs pages for void and refund (`after-payment/void.md`, refund) could not be read. What is known
 * (docs/finpay-reference.md §2, §6) and what is guessed [INFER], shared with the local sandbox through
 * docs/finpay-contract.md:
 *
 *   Void:   GET  /pg/payment/card/void/{orderId}              [CODE: cited from the docs; LIVE: reachable]
 *           A paid card payment not yet settled is reversed in full; the answer is the cancel envelope
 *           {responseCode:"2000000", responseMessage, processingTime, traceId} [INFER].
 *           A void of an unpaid order answers 4030015 Transaction Not Permitted [LIVE]; after settlement, or a
 *           second void, 4040100 Invalid Transaction Status [INFER].
 *   Refund: POST /pg/payment/card/refund  {"order":{"id","amount"}}   [CODE only, unverified]
 *           `amount` is whole rupiah as a string, like every amount we send [INFER]; a partial amount is allowed
 *           and several refunds may follow each other up to the amount paid [INFER]. The answer is the same
 *           envelope [INFER]. Above what is left: 4000001 Invalid Field Format order.amount [INFER]; a payment that
 *           is not paid (or voided): 4040100 [INFER].
 *   After either, check-status reports VOIDED, PARTIALLY_REFUNDED or REFUNDED (statuses.ts), and Finpay sends a
 *   signed callback with that status [INFER: the official plugin's notification handler acts on REFUNDED, which
 *   only makes sense if Finpay notifies it].
 *
 * When the real pages are known, change this file (and the sandbox); callers only see void/refund on the client.
 */
import { z } from "zod";
import { ackResponseSchema, ALPHA_DASH_PATTERN } from "./schemas";

export function voidPath(orderId: string): string {
  return `/pg/payment/card/void/${encodeURIComponent(orderId)}`;
}

export const REFUND_PATH = "/pg/payment/card/refund";

/** [INFER] the refund body: only `order.id` and `order.amount` are known. */
export const refundRequestSchema = z.strictObject({
  order: z.strictObject({
    id: z.string().min(1).max(30).regex(ALPHA_DASH_PATTERN, "Expected letters, digits, '-' or '_'"),
    amount: z.string().regex(/^[1-9]\d*$/, "Expected a positive whole number as a string").max(14),
  }),
});
export type FinpayRefundRequest = z.infer<typeof refundRequestSchema>;

export function buildRefundRequest(orderId: string, amountIdr: number): FinpayRefundRequest {
  return { order: { id: orderId, amount: String(amountIdr) } };
}

/** [INFER] both answer Finpay's plain envelope, as cancel does. */
export const voidResponseSchema = ackResponseSchema;
export const refundResponseSchema = ackResponseSchema;
export type FinpayMoneyBackResponse = z.infer<typeof ackResponseSchema>;

/**
 * Why Finpay refused a void or refund, read from its response code (the codes above): "not_permitted" (4030015, the
 * payment was never paid), "invalid_status" (4040100: settled, already voided, or fully refunded), "invalid_amount"
 * (4000001, more than is left), or "unrecognised" for any other code, whose own words are then all there is.
 */
export const MONEY_BACK_REFUSALS = ["not_permitted", "invalid_status", "invalid_amount", "unrecognised"] as const;
export type FinpayMoneyBackRefusal = (typeof MONEY_BACK_REFUSALS)[number];

const REFUSAL_BY_CODE: Readonly<Record<string, FinpayMoneyBackRefusal>> = {
  "4030015": "not_permitted",
  "4040100": "invalid_status",
  "4000001": "invalid_amount",
};

export function moneyBackRefusal(responseCode: string | null | undefined): FinpayMoneyBackRefusal {
  return (responseCode && REFUSAL_BY_CODE[responseCode]) || "unrecognised";
}
