import { randomUUID } from "node:crypto";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { secondsSince } from "./time";

/**
 * Response codes agreed with lib/finpay (docs/finpay-contract.md): SNAP layout HTTP(3) + service(2) + case(2),
 * service 00 for PG [INFER:response-codes], and the HTTP status is always the first three digits.
 */
export const RESPONSE = {
  success: { code: "2000000", message: "Success" },
  invalidFormat: { code: "4000001", message: "Invalid Field Format" },
  invalidMandatory: { code: "4000002", message: "Invalid Mandatory Field" },
  unauthorized: { code: "4010000", message: "Unauthorized" },
  // Not in the contract's list: SNAP case 403-01, used for sourceOfFunds types the sandbox does not simulate.
  featureNotAllowed: { code: "4030001", message: "Feature Not Allowed" },
  notPermitted: { code: "4030015", message: "Transaction Not Permitted" },
  notFound: { code: "4040001", message: "Transaction Not Found" },
  invalidStatus: { code: "4040100", message: "Invalid Transaction Status" },
  duplicateOrder: { code: "4090001", message: "Duplicate Order Id" },
  generalError: { code: "5000000", message: "General Error" },
  timeout: { code: "5040000", message: "Timeout" },
} as const;

export type ResponseCode = (typeof RESPONSE)[keyof typeof RESPONSE]["code"];

export function httpStatusOf(responseCode: string): ContentfulStatusCode {
  return Number(responseCode.slice(0, 3)) as ContentfulStatusCode;
}

/** Finpay-style error answer; `traceId` is present on every error so a log line can be matched to it. */
export function finpayError(c: Context, startedAt: number, responseCode: string, responseMessage: string) {
  return c.json(
    { responseCode, responseMessage, processingTime: secondsSince(startedAt), traceId: randomUUID() },
    httpStatusOf(responseCode),
  );
}

/** Success answer: response code and message first, the payload members next, processingTime last (as in the samples). */
export function finpaySuccess(c: Context, startedAt: number, members: Record<string, unknown> = {}, message = "Success") {
  return c.json({ responseCode: RESPONSE.success.code, responseMessage: message, ...members, processingTime: secondsSince(startedAt) }, 200);
}
