/**
 * HTTP client for Finpay's card API. Basic auth, one timeout per call, every answer parsed by a
 * schema, every failure a FinpayError. Uses the global fetch (Node 18+), no framework.
 */
import type { z } from "zod";
import { DEFAULT_TIMEOUT_MS, FINPAY_PATHS, FINPAY_SUCCESS_CODE, isLoopbackUrl, resolveFinpayBaseUrl } from "./config";
import {
  FinpayError,
  fieldFromMessage,
  kindForHttpStatus,
  kindForResponseCode,
  localValidationError,
  type FinpayErrorKind,
  type FinpayOperation,
} from "./errors";
import { redactBody, redactTokenInUrl } from "./redact";
import {
  ALPHA_DASH_PATTERN,
  CARD_TOKEN_PATTERN,
  ackResponseSchema,
  checkStatusResponseSchema,
  errorResponseSchema,
  initiateRequestSchema,
  initiateResponseSchema,
  type FinpayAckResponse,
  type FinpayCheckStatusResponse,
  type FinpayInitiateRequest,
  type FinpayInitiateResponse,
} from "./schemas";
import { retrieveStoredCardsPath, storedCardsResponseSchema, toStoredCards, type StoredCard } from "./stored-cards";
import {
  buildRefundRequest,
  DEFAULT_VOID_FORM,
  REFUND_PATH,
  refundRequestSchema,
  refundResponseSchema,
  VOID_FORMS,
  voidCall,
  voidResponseSchema,
  type FinpayMoneyBackResponse,
  type FinpayVoidForm,
} from "./money-back";

export type FinpayLogLevel = "info" | "warn" | "error";
export type FinpayLogger = (level: FinpayLogLevel, event: string, fields: Record<string, unknown>) => void;

/** One HTTP call, as the payment inspector stores it. Never holds the Authorization header or key. */
export interface FinpayExchange {
  operation: FinpayOperation;
  method: "GET" | "POST";
  /** Full URL; a card token in the path is shortened. */
  url: string;
  /** The body sent, with card tokens shortened; null for GET. */
  requestBody: unknown;
  /** null when no response arrived. */
  httpStatus: number | null;
  /** Parsed JSON when it was JSON, else the raw text; null when no response arrived. Tokens shortened. */
  responseBody: unknown;
  durationMs: number;
  error?: { kind: FinpayErrorKind; message: string };
  startedAt: Date;
}

export interface FinpayClientConfig {
  /** FINPAY_HOSTS.development, FINPAY_HOSTS.production, the local sandbox URL, or "development"/"production". */
  baseUrl: string;
  merchantId: string;
  merchantKey: string;
  /** Per call, covering connect, headers and body. Default 15 000. */
  timeoutMs?: number;
  logger?: FinpayLogger;
  /** Awaited once per HTTP call; errors it throws are logged and otherwise ignored. */
  onExchange?: (exchange: FinpayExchange) => void | Promise<void>;
  /** Which of the two void forms this host takes (money-back.ts). Default: the documented POST. */
  voidForm?: FinpayVoidForm;
}

export interface FinpayClient {
  readonly baseUrl: string;
  /** The void form this client sends (money-back.ts). */
  readonly voidForm: FinpayVoidForm;
  /** POST /pg/payment/card/initiate. A timeout or network error is NOT retry-safe: check status first. */
  initiate(request: FinpayInitiateRequest): Promise<FinpayInitiateResponse>;
  /** GET /pg/payment/card/check/{orderId}. */
  checkStatus(orderId: string): Promise<FinpayCheckStatusResponse>;
  /** GET /pg/payment/card/cancel/{orderId}. A paid/expired/cancelled order answers kind "rejected". */
  cancel(orderId: string): Promise<FinpayAckResponse>;
  /** The stored cards of a customer id. Path and shape are assumed: see stored-cards.ts. */
  retrieveStoredCards(customerId: string): Promise<StoredCard[]>;
  /** GET /pg/payment/card/customer/delete/{token}. */
  deleteStoredCard(token: string): Promise<FinpayAckResponse>;
  /** Reverses a paid payment before settlement, in full, in the configured form. Body and answer are assumed: see money-back.ts. */
  void(orderId: string): Promise<FinpayMoneyBackResponse>;
  /** Gives back `amountIdr` of a paid payment. NOT retry-safe after a timeout. Assumed: see money-back.ts. */
  refund(orderId: string, amountIdr: number): Promise<FinpayMoneyBackResponse>;
}

export function createFinpayClient(config: FinpayClientConfig): FinpayClient {
  const baseUrl = resolveFinpayBaseUrl(config.baseUrl);
  if (!config.merchantId || config.merchantId.includes(":")) {
    throw new TypeError("Finpay merchantId must be non-empty and contain no ':'");
  }
  if (!config.merchantKey) throw new TypeError("Finpay merchantKey must be non-empty");
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new TypeError("Finpay timeoutMs must be a positive number");
  const voidForm = config.voidForm ?? DEFAULT_VOID_FORM;
  if (!VOID_FORMS.includes(voidForm)) throw new TypeError(`Finpay voidForm must be one of ${VOID_FORMS.join(", ")}`);

  // Built once; the only place the key is used. Never logged, never part of an exchange.
  const authorization = `Basic ${Buffer.from(`${config.merchantId}:${config.merchantKey}`, "utf8").toString("base64")}`;

  const log: FinpayLogger = (level, event, fields) => {
    try {
      config.logger?.(level, event, fields);
    } catch {
      // A broken logger must not break a payment.
    }
  };

  if (baseUrl.startsWith("http:") && !isLoopbackUrl(baseUrl)) {
    log("warn", "finpay.insecure_base_url", { baseUrl, note: "Basic credentials travel in clear text" });
  }

  interface CallSpec<T> {
    operation: FinpayOperation;
    method: "GET" | "POST";
    path: string;
    body?: unknown;
    schema: z.ZodType<T>;
    /** A token in the path, to shorten in logs and exchanges. */
    pathToken?: string;
  }

  async function call<T>(spec: CallSpec<T>): Promise<T> {
    const url = `${baseUrl}${spec.path}`;
    const shownUrl = spec.pathToken ? redactTokenInUrl(url, spec.pathToken) : url;
    const shownRequest = spec.body === undefined ? null : redactBody(spec.body);
    const startedAt = new Date();
    const t0 = performance.now();

    const outcome = await send(spec, url);

    const durationMs = Math.round(performance.now() - t0);
    const exchange: FinpayExchange = {
      operation: spec.operation,
      method: spec.method,
      url: shownUrl,
      requestBody: shownRequest,
      httpStatus: outcome.httpStatus,
      responseBody: outcome.responseBody === null ? null : redactBody(outcome.responseBody),
      durationMs,
      startedAt,
      ...(outcome.error ? { error: { kind: outcome.error.kind, message: outcome.error.message } } : {}),
    };

    const fields: Record<string, unknown> = {
      operation: spec.operation,
      method: spec.method,
      url: shownUrl,
      httpStatus: outcome.httpStatus,
      durationMs,
      requestBody: shownRequest,
    };
    if (outcome.error) {
      const e = outcome.error;
      const serious = e.kind === "gateway" || e.kind === "timeout" || e.kind === "network" || e.kind === "unauthorized" || e.kind === "malformed_response";
      log(serious ? "error" : "warn", "finpay.call_failed", {
        ...fields,
        kind: e.kind,
        retryable: e.retryable,
        responseCode: e.responseCode,
        responseMessage: e.responseMessage,
        field: e.field,
        message: e.message,
      });
    } else {
      log("info", "finpay.call", fields);
    }

    if (config.onExchange) {
      try {
        await config.onExchange(exchange);
      } catch (cause) {
        log("warn", "finpay.on_exchange_failed", { operation: spec.operation, message: String(cause) });
      }
    }

    if (outcome.error) throw outcome.error;
    return outcome.value as T;
  }

  interface Outcome {
    httpStatus: number | null;
    responseBody: unknown;
    value?: unknown;
    error?: FinpayError;
  }

  async function send<T>(spec: CallSpec<T>, url: string): Promise<Outcome> {
    const headers: Record<string, string> = { Accept: "application/json", Authorization: authorization };
    if (spec.body !== undefined) headers["Content-Type"] = "application/json";

    // Our own timer rather than AbortSignal.timeout, so a timeout is told apart from other aborts for certain.
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);

    let httpStatus: number | null = null;
    let raw: string;
    try {
      const response = await fetch(url, {
        method: spec.method,
        headers,
        ...(spec.body === undefined ? {} : { body: JSON.stringify(spec.body) }),
        signal: controller.signal,
        // A redirect from an API endpoint is not part of Finpay's contract; do not carry credentials along.
        redirect: "manual",
      });
      httpStatus = response.status;
      raw = await response.text(); // under the same timer: a stalled body is a timeout too
    } catch (cause) {
      const kind = timedOut ? "timeout" : "network";
      const message = timedOut
        ? `Finpay ${spec.operation}: no complete answer within ${timeoutMs} ms`
        : `Finpay ${spec.operation}: ${describeNetworkError(cause)}`;
      const error = new FinpayError({
        kind,
        operation: spec.operation,
        message,
        cause,
        ...(httpStatus === null ? {} : { httpStatus }),
      });
      return { httpStatus, responseBody: null, error };
    } finally {
      clearTimeout(timer);
    }

    const json = parseJson(raw);
    const responseBody = json.ok ? json.value : raw;
    return { httpStatus, responseBody, ...interpret(spec, httpStatus, json) };
  }

  function interpret<T>(
    spec: CallSpec<T>,
    httpStatus: number,
    json: { ok: true; value: unknown } | { ok: false },
  ): { value: T } | { error: FinpayError } {
    const op = spec.operation;
    const envelope = json.ok ? errorResponseSchema.safeParse(json.value) : undefined;
    const code = envelope?.success ? envelope.data.responseCode : undefined;
    const message = envelope?.success ? (envelope.data.responseMessage ?? undefined) : undefined;
    const traceId = envelope?.success ? (envelope.data.traceId ?? undefined) : undefined;
    const is2xx = httpStatus >= 200 && httpStatus < 300;

    if (is2xx && code === FINPAY_SUCCESS_CODE) {
      const parsed = spec.schema.safeParse(json.ok ? json.value : undefined);
      if (parsed.success) return { value: parsed.data };
      const detail = parsed.error.issues.map((i) => `${i.path.map(String).join(".") || "(root)"}: ${i.message}`).join("; ");
      return {
        error: new FinpayError({
          kind: "malformed_response",
          operation: op,
          httpStatus,
          responseCode: code,
          message: `Finpay ${op}: success response does not match the expected shape (${detail})`,
          ...(traceId ? { traceId } : {}),
        }),
      };
    }

    if (is2xx && code === undefined) {
      return {
        error: new FinpayError({
          kind: "malformed_response",
          operation: op,
          httpStatus,
          message: json.ok
            ? `Finpay ${op}: HTTP ${httpStatus} without a response code`
            : `Finpay ${op}: HTTP ${httpStatus} with a body that is not JSON`,
        }),
      };
    }

    // An error: the body's code says most (HTTP 200 with 4000002 happens), the HTTP status is the fallback.
    // A non-2xx status wins over a body that claims success.
    const kind: FinpayErrorKind =
      code !== undefined && code !== FINPAY_SUCCESS_CODE ? kindForResponseCode(code) : kindForHttpStatus(httpStatus);
    const field = kind === "validation" ? fieldFromMessage(message) : undefined;
    return {
      error: new FinpayError({
        kind,
        operation: op,
        httpStatus,
        message: `Finpay ${op} failed: HTTP ${httpStatus}${code ? ` ${code}` : ""}${message ? ` ${message}` : ""}`,
        ...(code !== undefined ? { responseCode: code } : {}),
        ...(message !== undefined ? { responseMessage: message } : {}),
        ...(field !== undefined ? { field } : {}),
        ...(traceId ? { traceId } : {}),
      }),
    };
  }

  /** Refuses a call locally, before any HTTP, when an id could not be valid (and would change the path). */
  function refuse(operation: FinpayOperation, field: string, message: string): never {
    const error = localValidationError(operation, [{ path: [field], message }]);
    log("warn", "finpay.call_refused", { operation, field, message });
    throw error;
  }

  function checkOrderId(operation: FinpayOperation, orderId: string): void {
    if (typeof orderId !== "string" || orderId.length === 0 || orderId.length > 30 || !ALPHA_DASH_PATTERN.test(orderId)) {
      refuse(operation, "orderId", "Expected 1 to 30 letters, digits, '-' or '_'");
    }
  }

  return {
    baseUrl,
    voidForm,

    async initiate(request) {
      const checked = initiateRequestSchema.safeParse(request);
      if (!checked.success) {
        const error = localValidationError("initiate", checked.error.issues);
        log("warn", "finpay.call_refused", { operation: "initiate", field: error.field, message: error.message });
        throw error;
      }
      // Send the caller's object, not zod's output, to keep its member order.
      return call({ operation: "initiate", method: "POST", path: FINPAY_PATHS.initiate, body: request, schema: initiateResponseSchema });
    },

    async checkStatus(orderId) {
      checkOrderId("checkStatus", orderId);
      return call({ operation: "checkStatus", method: "GET", path: FINPAY_PATHS.checkStatus(orderId), schema: checkStatusResponseSchema });
    },

    async cancel(orderId) {
      checkOrderId("cancel", orderId);
      return call({ operation: "cancel", method: "GET", path: FINPAY_PATHS.cancel(orderId), schema: ackResponseSchema });
    },

    async retrieveStoredCards(customerId) {
      if (typeof customerId !== "string" || customerId.length === 0 || customerId.length > 320) {
        refuse("retrieveStoredCards", "customerId", "Expected 1 to 320 characters");
      }
      const response = await call({
        operation: "retrieveStoredCards",
        method: "GET",
        path: retrieveStoredCardsPath(customerId),
        schema: storedCardsResponseSchema,
      });
      return toStoredCards(response);
    },

    async deleteStoredCard(token) {
      if (typeof token !== "string" || !CARD_TOKEN_PATTERN.test(token)) {
        refuse("deleteStoredCard", "token", "Expected a 64-character lowercase hex token");
      }
      return call({
        operation: "deleteStoredCard",
        method: "GET",
        path: FINPAY_PATHS.deleteStoredCard(token),
        schema: ackResponseSchema,
        pathToken: token,
      });
    },

    async void(orderId) {
      checkOrderId("void", orderId);
      return call({ operation: "void", ...voidCall(voidForm, orderId), schema: voidResponseSchema });
    },

    async refund(orderId, amountIdr) {
      if (!Number.isSafeInteger(amountIdr) || amountIdr <= 0) refuse("refund", "order.amount", "Expected a positive whole number of rupiah");
      const body = buildRefundRequest(orderId, amountIdr);
      const checked = refundRequestSchema.safeParse(body);
      if (!checked.success) {
        const error = localValidationError("refund", checked.error.issues);
        log("warn", "finpay.call_refused", { operation: "refund", field: error.field, message: error.message });
        throw error;
      }
      return call({ operation: "refund", method: "POST", path: REFUND_PATH, body, schema: refundResponseSchema });
    },
  };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === "") return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** undici wraps the useful part ("ECONNREFUSED 127.0.0.1:9") in `cause`. */
function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause;
  if (cause instanceof Error) {
    const code = (cause as Error & { code?: unknown }).code;
    return `${error.message} (${typeof code === "string" ? `${code}: ` : ""}${cause.message})`;
  }
  return error.message;
}
