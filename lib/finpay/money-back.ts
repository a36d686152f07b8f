/**
 * Void and refund: THE ASSUMPTIONS LIVE HERE, AND ONLY HERE.
 *
 * What is known (docs/finpay-reference.md §2, §6) and what is guessed, shared with the local sandbox through
 * docs/finpay-contract.md:
 *
 *   Void:   two forms, chosen by `voidForm` (the app: FINPAY_VOID_FORM), default the documented one.
 *           "post": POST /pg/payment/card/void with a body [DOC: After Payment OpenAPI, fields not retrieved];
 *                   the body {"order":{"id"}} is a guess [INFER:void-body].
 *           "get":  GET /pg/payment/card/void/{orderId}, no body [CODE: a third-party note citing the docs; LIVE: reachable].
 *           A host that does not offer a form answers as a web server does for a route it lacks: 404 (or 405) with
 *           no Finpay response code [INFER:void-form-refusal]; isVoidFormRefused() tells that apart from Finpay's own
 *           refusals, and `npm run finpay:check` asks the host which form it answers.
 *           A paid card payment not yet settled is reversed in full; the answer is the cancel envelope
 *           {responseCode:"2000000", responseMessage, processingTime, traceId} [INFER:money-back-answers].
 *           A void of an unpaid order answers 4030015 Transaction Not Permitted [LIVE]; after settlement, or a
 *           second void, 4040100 Invalid Transaction Status [INFER:money-back-answers].
 *   Refund: POST /pg/payment/card/refund [DOC: method and path]  {"order":{"id","amount"}} [INFER:refund-body: CODE only]
 *           `amount` is whole rupiah as a string, like every amount we send; a partial amount is allowed and several
 *           refunds may follow each other up to the amount paid [INFER:refund-body]. The answer is the same
 *           envelope; above what is left: 4000001 Invalid Field Format order.amount; a payment that is not paid
 *           (or voided): 4040100 [INFER:money-back-answers].
 *   After either, check-status reports VOIDED, PARTIALLY_REFUNDED or REFUNDED (statuses.ts), and Finpay sends a
 *   signed callback with that status [INFER:money-back-callback: the official plugin's notification handler acts on
 *   REFUNDED, which only makes sense if Finpay notifies it].
 *
 * When the real pages are known, change this file (and the sandbox); callers only see void/refund on the client.
 */
import { z } from "zod";
import { FinpayError } from "./errors";
import { ackResponseSchema, ALPHA_DASH_PATTERN } from "./schemas";

export const VOID_FORMS = ["post", "get"] as const;
export type FinpayVoidForm = (typeof VOID_FORMS)[number];
/** The form Finpay's own API reference documents. */
export const DEFAULT_VOID_FORM: FinpayVoidForm = "post";

export const VOID_PATH = "/pg/payment/card/void";

/** The GET form's path: the order id in the path, URL-encoded so an id can never change the endpoint. */
export function voidPath(orderId: string): string {
  return `${VOID_PATH}/${encodeURIComponent(orderId)}`;
}

const finpayOrderId = z.string().min(1).max(30).regex(ALPHA_DASH_PATTERN, "Expected letters, digits, '-' or '_'");

/** [INFER:void-body] the POST form's body: the docs name a body but its fields were not retrieved. */
export const voidRequestSchema = z.strictObject({ order: z.strictObject({ id: finpayOrderId }) });
export type FinpayVoidRequest = z.infer<typeof voidRequestSchema>;

export function buildVoidRequest(orderId: string): FinpayVoidRequest {
  return { order: { id: orderId } };
}

/** One void as it goes on the wire, in the chosen form. */
export interface FinpayVoidCall {
  method: "GET" | "POST";
  path: string;
  body?: FinpayVoidRequest;
}

export function voidCall(form: FinpayVoidForm, orderId: string): FinpayVoidCall {
  return form === "post" ? { method: "POST", path: VOID_PATH, body: buildVoidRequest(orderId) } : { method: "GET", path: voidPath(orderId) };
}

/** How a form is written for people: `POST /pg/payment/card/void`. */
export function describeVoidForm(form: FinpayVoidForm): string {
  return form === "post" ? `POST ${VOID_PATH}` : `GET ${VOID_PATH}/{orderId}`;
}

/**
 * [INFER:void-form-refusal] The host does not offer void in the form that was sent: a 404 or 405 that carries no
 * Finpay response code (Finpay's own "not found" for an unknown order carries one, 404xxxx).
 */
export function isVoidFormRefused(error: unknown): boolean {
  if (!(error instanceof FinpayError) || error.operation !== "void" || error.responseCode !== undefined) return false;
  return error.httpStatus === 404 || error.httpStatus === 405;
}

export const REFUND_PATH = "/pg/payment/card/refund";

/** [INFER:refund-body] the refund body, kept here only: `order.id` and `order.amount` (whole rupiah, digits). */
export const refundRequestSchema = z.strictObject({
  order: z.strictObject({
    id: finpayOrderId,
    amount: z.string().regex(/^[1-9]\d*$/, "Expected a positive whole number as a string").max(14),
  }),
});
export type FinpayRefundRequest = z.infer<typeof refundRequestSchema>;

export function buildRefundRequest(orderId: string, amountIdr: number): FinpayRefundRequest {
  return { order: { id: orderId, amount: String(amountIdr) } };
}

/** [INFER:money-back-answers] both answer Finpay's plain envelope, as cancel does. */
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
