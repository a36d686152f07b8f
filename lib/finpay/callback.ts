/**
 * Reading Finpay's callback (docs/finpay-reference.md §5). Signature verification is separate (signature.ts):
 * verify first, on the raw text, then parse.
 */
import { callbackPayloadSchema, issuePath, type FinpayCallbackPayload } from "./schemas";
import type { FinpayIssue } from "./errors";
import { MAX_JSON_DEPTH, jsonNestingDepth } from "./json-depth";

export type CallbackParseError =
  | { kind: "malformed_json"; message: string }
  | { kind: "invalid_payload"; message: string; issues: FinpayIssue[] };

export type CallbackParseResult = { ok: true; payload: FinpayCallbackPayload } | { ok: false; error: CallbackParseError };

/** Parses the raw callback body and checks it against the callback schema. Never throws. */
export function parseCallback(rawBody: string): CallbackParseResult {
  if (jsonNestingDepth(rawBody) > MAX_JSON_DEPTH) {
    return { ok: false, error: { kind: "malformed_json", message: `Callback body is nested deeper than ${MAX_JSON_DEPTH} levels` } };
  }
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch (cause) {
    return { ok: false, error: { kind: "malformed_json", message: `Callback body is not JSON: ${(cause as Error).message}` } };
  }
  const result = callbackPayloadSchema.safeParse(json);
  if (result.success) return { ok: true, payload: result.data };
  const issues = result.error.issues.map((i) => ({ path: issuePath(i.path), message: i.message }));
  return {
    ok: false,
    error: {
      kind: "invalid_payload",
      message: `Callback body does not match the expected shape: ${issues.map((i) => `${i.path || "(root)"}: ${i.message}`).join("; ")}`,
      issues,
    },
  };
}

/**
 * What the merchant answers a callback with, with HTTP 200 (docs/finpay-reference.md §5.3: the doc's sample
 * response; Finpay may look only at the status [INFER:callback-ack]).
 */
export const CALLBACK_ACK = Object.freeze({ responseCode: "2000000", responseMessage: "Success" } as const);
