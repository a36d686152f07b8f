import { randomUUID } from "node:crypto";
import { callbackRetryOffsets, isRetriedCallbackAnswer, type CallbackRetrySpacing } from "../lib/finpay/callback-retries";
import type { SandboxClock } from "./clock";
import type { Logger } from "./logger";
import { sleep } from "./time";

/**
 * Delivers callbacks to the merchant's url.callbackUrl as Finpay does (lib/finpay/callback-retries.ts): the first
 * try at once, then, after a 5xx, a timeout or a refused connection, one retry at each minute of the schedule,
 * measured on the sandbox clock from the first try (1, 6, 21, 51 and 111 minutes with the default waits). A 2xx
 * ends it, delivered; a 4xx ends it too. Retries wait on the sandbox clock, so moving the clock forward through the
 * control API delivers them at once. Every delivery is recorded for the control API.
 */

export type CallbackKind = "notification" | "duplicate" | "forged";
/** "pending": a try is in flight or a retry is scheduled; "failed": the schedule ran out, or a 4xx ended it. */
export type DeliveryState = "pending" | "delivered" | "failed" | "dropped";

export interface CallbackAttempt {
  /** On the sandbox clock. */
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
  /** When the next retry is due on the sandbox clock; null when none is scheduled. */
  nextAttemptAt: string | null;
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
  /** Finpay's retry minutes (lib/finpay/callback-retries.ts), or a test's own. */
  retryMinutes: readonly number[];
  /** How to read those minutes: the quirk switch of the control API. */
  retrySpacing: () => CallbackRetrySpacing;
  clock: SandboxClock;
  logger: Logger;
  /** Aborted when the sandbox closes: stops pending retries and in-flight posts. */
  shutdown: AbortSignal;
}

const MAX_RECORDS = 1_000;

/** A delivery waiting for its next try on the sandbox clock. */
interface ScheduledRetry {
  record: CallbackRecord;
  dueAt: number;
  /** The try that comes next, 2 for the first retry. */
  tryNumber: number;
  retry: boolean;
  firstDone: () => void;
}

export class CallbackDispatcher {
  private records: CallbackRecord[] = [];
  private fault: CallbackFault | null = null;
  private inFlight = new Set<Promise<void>>();
  private scheduled = new Map<string, ScheduledRetry>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: DispatcherOptions) {
    options.clock.onAdvance(() => this.startDue());
    options.shutdown.addEventListener("abort", () => {
      clearTimeout(this.timer);
      this.scheduled.clear();
    });
  }

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
    this.scheduled.clear();
    this.arm();
  }

  /**
   * Resolves when no try is in flight and none is due on the sandbox clock. A retry scheduled for later does not
   * count: move the clock (POST /__sandbox/clock) to deliver it.
   */
  async idle(): Promise<void> {
    for (;;) {
      this.startDue();
      if (this.inFlight.size === 0) return;
      await Promise.all([...this.inFlight]);
    }
  }

  /** When the earliest scheduled retry is due (sandbox clock, ms), or null. */
  nextDueAt(): number | null {
    if (this.scheduled.size === 0) return null;
    return Math.min(...[...this.scheduled.values()].map((retry) => retry.dueAt));
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
      createdAt: this.options.clock.now().toISOString(),
      state: "pending",
      delayedMs: 0,
      attempts: [],
      nextAttemptAt: null,
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
    const { shutdown } = this.options;
    const first = (async () => {
      if (record.delayedMs > 0) await sleep(record.delayedMs, shutdown);
      if (!shutdown.aborted) await this.attempt({ record, dueAt: 0, tryNumber: 1, retry: options.retry, firstDone });
    })();
    this.track(first.finally(firstDone));
    return { record, firstAttempt, delayed: record.delayedMs > 0 };
  }

  private track(work: Promise<void>): void {
    const tracked = work.finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
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

  /** One try; afterwards the delivery is over or its next try is scheduled on the sandbox clock. */
  private async attempt(next: ScheduledRetry): Promise<void> {
    const { record, tryNumber, retry, firstDone } = next;
    const { logger, retryMinutes, retrySpacing } = this.options;
    const attempt = await this.post(record);
    record.attempts.push(attempt);
    logger.info("callback.attempt", {
      orderId: record.orderId,
      status: record.paymentStatus,
      kind: record.kind,
      attempt: tryNumber,
      httpStatus: attempt.httpStatus,
      error: attempt.error,
      durationMs: attempt.durationMs,
    });
    firstDone();
    if (attempt.httpStatus !== null && attempt.httpStatus >= 200 && attempt.httpStatus < 300) {
      record.state = "delivered";
      return;
    }
    const offsets = retry ? callbackRetryOffsets(retrySpacing(), retryMinutes) : [];
    const minutesAfterFirst = offsets[tryNumber - 1];
    if (!isRetriedCallbackAnswer(attempt.httpStatus) || minutesAfterFirst === undefined || this.options.shutdown.aborted) {
      record.state = "failed";
      logger.warn("callback.gave_up", { orderId: record.orderId, status: record.paymentStatus, attempts: record.attempts.length, lastHttpStatus: attempt.httpStatus });
      return;
    }
    const firstAt = Date.parse(record.attempts[0]!.at);
    const dueAt = firstAt + minutesAfterFirst * 60_000;
    record.nextAttemptAt = new Date(dueAt).toISOString();
    this.scheduled.set(record.id, { ...next, dueAt, tryNumber: tryNumber + 1 });
    this.startDue();
  }

  /** Starts every retry that is due on the sandbox clock, and sets a real timer for the next one. */
  private startDue(): void {
    const now = this.options.clock.now().getTime();
    for (const [id, retry] of this.scheduled) {
      if (retry.dueAt > now) continue;
      this.scheduled.delete(id);
      retry.record.nextAttemptAt = null;
      this.track(this.attempt(retry));
    }
    this.arm();
  }

  private arm(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.scheduled.size === 0 || this.options.shutdown.aborted) return;
    const next = this.nextDueAt() ?? 0;
    const wait = Math.min(Math.max(next - this.options.clock.now().getTime(), 0), 2 ** 31 - 1);
    this.timer = setTimeout(() => this.startDue(), wait);
    // A retry an hour away must not keep a test process alive.
    this.timer.unref();
  }

  private async post(record: CallbackRecord): Promise<CallbackAttempt> {
    const started = performance.now();
    const at = this.options.clock.now().toISOString();
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
