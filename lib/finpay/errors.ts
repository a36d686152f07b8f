/**
 * Every failure of this module is one FinpayError. `kind` says what the caller can do about it:
 *
 * - unauthorized        merchant id/key wrong for this host: fix configuration, do not retry
 * - validation          Finpay (or our own pre-send check) rejected a field: `field` names it
 * - not_found           unknown order id or card token
 * - conflict            order id already used (initiate): pick a new Finpay order id
 * - rejected            Finpay understood and refused: not permitted, feature not enabled, or the
 *                       order is in a status that does not allow the operation (cancel of a paid order)
 * - gateway             5xx from Finpay or from something in front of it
 * - timeout             no complete answer within the configured time
 * - network             no answer at all (DNS, refused, reset)
 * - malformed_response  a 2xx answer we cannot trust: not JSON, schema mismatch, or an unknown code
 */
export const FINPAY_ERROR_KINDS = [
  "unauthorized",
  "validation",
  "not_found",
  "conflict",
  "rejected",
  "gateway",
  "timeout",
  "network",
  "malformed_response",
] as const;

export type FinpayErrorKind = (typeof FINPAY_ERROR_KINDS)[number];

/** "build" is a builder refusing its input before anything is sent. */
export type FinpayOperation =
  | "initiate"
  | "checkStatus"
  | "cancel"
  | "retrieveStoredCards"
  | "deleteStoredCard"
  | "void"
  | "refund"
  | "build";

export interface FinpayIssue {
  /** Dotted path with numeric indexes, as Finpay writes it: `order.item.0.name`. */
  path: string;
  message: string;
}

export interface FinpayErrorInit {
  kind: FinpayErrorKind;
  message: string;
  operation?: FinpayOperation;
  /** Defaults to isRetrySafe(kind, operation). */
  retryable?: boolean;
  httpStatus?: number;
  responseCode?: string;
  responseMessage?: string;
  field?: string;
  issues?: FinpayIssue[];
  traceId?: string;
  cause?: unknown;
}

export class FinpayError extends Error {
  override readonly name = "FinpayError";
  readonly kind: FinpayErrorKind;
  /** True when sending the same call again cannot cause a second effect (see isRetrySafe). */
  readonly retryable: boolean;
  readonly operation?: FinpayOperation;
  readonly httpStatus?: number;
  readonly responseCode?: string;
  readonly responseMessage?: string;
  /** For kind "validation": the offending field, e.g. "customer.mobilePhone", when known. */
  readonly field?: string;
  readonly issues?: FinpayIssue[];
  readonly traceId?: string;

  constructor(init: FinpayErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.retryable = init.retryable ?? isRetrySafe(init.kind, init.operation);
    if (init.operation !== undefined) this.operation = init.operation;
    if (init.httpStatus !== undefined) this.httpStatus = init.httpStatus;
    if (init.responseCode !== undefined) this.responseCode = init.responseCode;
    if (init.responseMessage !== undefined) this.responseMessage = init.responseMessage;
    if (init.field !== undefined) this.field = init.field;
    if (init.issues !== undefined) this.issues = init.issues;
    if (init.traceId !== undefined) this.traceId = init.traceId;
  }
}

export function isFinpayError(value: unknown): value is FinpayError {
  return value instanceof FinpayError;
}

/**
 * Whether repeating the call is harmless.
 *
 * initiate is the one call with an effect that a lost answer hides: after a timeout, a network
 * error, a 5xx or an unreadable 2xx the order may exist at Finpay. Sending it again risks a
 * duplicate (or a `conflict`); the caller must check status first. Reads are always safe. Cancel
 * and delete are idempotent in effect: a repeat after a success answers `rejected`/`not_found`,
 * which the caller should read as "already done". Errors about the request itself never get
 * better by repeating it.
 */
export function isRetrySafe(kind: FinpayErrorKind, operation?: FinpayOperation): boolean {
  switch (kind) {
    case "timeout":
    case "network":
    case "gateway":
    case "malformed_response":
      // Like initiate, a refund whose answer was lost may have happened: repeating it could refund twice.
      return operation !== "initiate" && operation !== "refund" && operation !== "build";
    default:
      return false;
  }
}

/**
 * Kind for a Finpay response code (`HTTP(3) + service(2) + case(2)`, docs/finpay-reference.md §6).
 * [INFER:response-codes] The HTTP status is the code's first three digits, the case codes mean what they mean in
 * Bank Indonesia's SNAP table, and a duplicate `order.id` is refused as 409.
 * 404 with case 00 is SNAP's "Invalid Transaction Status" (seen live as 4040100 on cancel): the order
 * exists, its status forbids the call, so it is `rejected`, not `not_found`.
 * Codes outside the error ranges (2xx other than success, or garbage) are `malformed_response`:
 * we do not know what happened, and never treat it as success.
 */
export function kindForResponseCode(code: string): FinpayErrorKind {
  if (!/^\d{7}$/.test(code)) return "malformed_response";
  const http = Number(code.slice(0, 3));
  if (http === 404 && code.endsWith("00")) return "rejected";
  return kindForHttpStatus(http);
}

export function kindForHttpStatus(status: number): FinpayErrorKind {
  if (status === 400 || status === 422) return "validation";
  if (status === 401) return "unauthorized";
  if (status === 404) return "not_found";
  if (status === 409) return "conflict";
  if (status === 408) return "timeout";
  if (status >= 400 && status < 500) return "rejected";
  if (status >= 500 && status < 600) return "gateway";
  return "malformed_response";
}

/**
 * Finpay names the field in the message: "Invalid Mandatory Field customer.mobilePhone",
 * "Invalid Field Format order.id" (docs/finpay-reference.md §6, contract). Returns undefined when no field is named.
 */
export function fieldFromMessage(message: string | undefined): string | undefined {
  if (!message) return undefined;
  const match = /^\s*invalid\s+(?:mandatory\s+field|field\s+format)\s+(\S.*?)\s*$/i.exec(message);
  return match?.[1];
}

/**
 * A validation error raised before anything is sent (builder or client pre-send check), from schema
 * issues. `field` is the first issue's path, in Finpay's dotted form, so callers handle our refusals
 * and Finpay's the same way.
 */
export function localValidationError(
  operation: FinpayOperation,
  issues: ReadonlyArray<{ path: readonly PropertyKey[]; message: string }>,
): FinpayError {
  const list: FinpayIssue[] = issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
  const summary = list.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ");
  const first = list[0];
  return new FinpayError({
    kind: "validation",
    operation,
    message: `Finpay ${operation}: invalid request (${summary})`,
    issues: list,
    ...(first?.path ? { field: first.path } : {}),
  });
}
