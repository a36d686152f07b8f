import { randomUUID } from "node:crypto";
import type { Logger } from "./logger";
import { sleep } from "./time";

/**
 * Delivers callbacks to the merchant's url.callbackUrl. A non-2xx answer, a network error or a timeout is
 * retried with exponential backoff up to a bounded number of attempts (Finpay's own policy is unknown,
 * docs/finpay-reference.md §5.3). Every delivery is recorded for the control API.
 */

export type CallbackKind = "notification" | "duplicate" | "forged";
export type DeliveryState = "pending" | "delivered" | "failed" | "dropped";

export interface CallbackAttempt {
  at: string;
  durationMs: number;
  httpStatus: number | null;
  error: string | null;
  /** The start of the merchant's answer, for debugging a receiver that refuses the callback. */
  responseBody: string | null;
}

export interface CallbackRecord {
  id: string;
  orderId: string;
  /** result.payment.status carried by this callback. */
  paymentStatus: string;
  kind: CallbackKind;
  url: string;
  /** The Content-Type header sent: application/json unless a callback variant asked for another. */
  contentType: string;
  /** The exact bytes POSTed. */
  body: string;
  signatureValid: boolean;
  createdAt: string;
  state: DeliveryState;
  delayedMs: number;
  attempts: CallbackAttempt[];
}

/** A fault set through the control API, applied to the next `remaining` callbacks (null = until cleared). */
export interface CallbackFault {
  mode: "delay" | "drop";
  delayMs: number;
  remaining: number | null;
}

export interface DispatchOptions {
  orderId: string;
  paymentStatus: string;
  url: string;
  /** Default application/json. */
  contentType?: string;
  body: string;
  kind: CallbackKind;
  signatureValid: boolean;
  /** Forged callbacks are sent once: retrying a deliberately bad request would only add noise. */
  retry: boolean;
}

export interface Dispatch {
  record: CallbackRecord;
  /** Settles after the first attempt (or at once when the callback is dropped or delayed). */
  firstAttempt: Promise<CallbackRecord>;
  /** True when a delay fault holds this callback back, so callers should not wait for it. */
  delayed: boolean;
}

export interface DispatcherOptions {
  timeoutMs: number;
  maxAttempts: number;
  backoffMs: number;
  logger: Logger;
  /** Aborted when the sandbox closes: stops pending retries and in-flight posts. */
  shutdown: AbortSignal;
}

const MAX_RECORDS = 1_000;

export class CallbackDispatcher {
  private records: CallbackRecord[] = [];
  private fault: CallbackFault | null = null;
  private inFlight = new Set<Promise<void>>();

  constructor(private readonly options: DispatcherOptions) {}

  list(orderId?: string): CallbackRecord[] {
    return orderId ? this.records.filter((r) => r.orderId === orderId) : [...this.records];
  }

  setFault(fault: CallbackFault | null): void {
    this.fault = fault;
  }

  getFault(): CallbackFault | null {
    return this.fault;
  }

  clearRecords(): void {
    this.records = [];
  }

  /** Resolves when every delivery started so far has finished retrying (tests use it to settle). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  dispatch(options: DispatchOptions): Dispatch {
    const record: CallbackRecord = {
      id: randomUUID(),
      orderId: options.orderId,
      paymentStatus: options.paymentStatus,
      kind: options.kind,
      url: options.url,
      contentType: options.contentType ?? "application/json",
      body: options.body,
      signatureValid: options.signatureValid,
      createdAt: new Date().toISOString(),
      state: "pending",
      delayedMs: 0,
      attempts: [],
    };
    this.records.push(record);
    if (this.records.length > MAX_RECORDS) this.records.splice(0, this.records.length - MAX_RECORDS);

    const fault = this.takeFault();
    if (fault?.mode === "drop") {
      record.state = "dropped";
      this.options.logger.info("callback.dropped", { orderId: record.orderId, status: record.paymentStatus });
      return { record, firstAttempt: Promise.resolve(record), delayed: false };
    }
    record.delayedMs = fault?.mode === "delay" ? fault.delayMs : 0;

    let firstDone: () => void = () => {};
    const firstAttempt = new Promise<CallbackRecord>((resolve) => {
      firstDone = () => resolve(record);
    });
    const run = this.deliver(record, options.retry, firstDone).finally(() => {
      firstDone();
      this.inFlight.delete(run);
    });
    this.inFlight.add(run);
    return { record, firstAttempt, delayed: record.delayedMs > 0 };
  }

  private takeFault(): CallbackFault | null {
    const fault = this.fault;
    if (!fault) return null;
    if (fault.remaining !== null) {
      fault.remaining -= 1;
      if (fault.remaining <= 0) this.fault = null;
    }
    return fault;
  }

  private async deliver(record: CallbackRecord, retry: boolean, firstDone: () => void): Promise<void> {
    const { maxAttempts, backoffMs, shutdown, logger } = this.options;
    if (record.delayedMs > 0) await sleep(record.delayedMs, shutdown);
    const attempts = retry ? maxAttempts : 1;
    for (let n = 1; n <= attempts && !shutdown.aborted; n++) {
      if (n > 1) await sleep(backoffMs * 2 ** (n - 2), shutdown);
      if (shutdown.aborted) break;
      const attempt = await this.post(record);
      record.attempts.push(attempt);
      const ok = attempt.httpStatus !== null && attempt.httpStatus >= 200 && attempt.httpStatus < 300;
      logger.info("callback.attempt", {
        orderId: record.orderId,
        status: record.paymentStatus,
        kind: record.kind,
        attempt: n,
        httpStatus: attempt.httpStatus,
        error: attempt.error,
        durationMs: attempt.durationMs,
      });
      if (ok) {
        record.state = "delivered";
        firstDone();
        return;
      }
      if (n === 1) firstDone();
    }
    record.state = "failed";
    logger.warn("callback.gave_up", { orderId: record.orderId, status: record.paymentStatus, attempts: record.attempts.length });
  }

  private async post(record: CallbackRecord): Promise<CallbackAttempt> {
    const started = performance.now();
    const at = new Date().toISOString();
    const { timeoutMs, shutdown } = this.options;
    try {
      const response = await fetch(record.url, {
        method: "POST",
        headers: { "content-type": record.contentType, accept: "application/json", "user-agent": "finpay-sandbox/1.0" },
        body: record.body,
        redirect: "manual",
        signal: AbortSignal.any([AbortSignal.timeout(timeoutMs), shutdown]),
      });
      const text = await response.text();
      return {
        at,
        durationMs: Math.round(performance.now() - started),
        httpStatus: response.status,
        error: null,
        responseBody: text.slice(0, 500),
      };
    } catch (error) {
      const timedOut = error instanceof DOMException && error.name === "TimeoutError";
      return {
        at,
        durationMs: Math.round(performance.now() - started),
        httpStatus: null,
        error: timedOut ? `timeout after ${timeoutMs} ms` : describeError(error),
        responseBody: null,
      };
    }
  }
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
    return `${error.message}${cause}`;
  }
  return String(error);
}
