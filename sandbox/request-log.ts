import { randomUUID } from "node:crypto";
import { maskPan } from "./cards";
import { tokenTail } from "./logger";

/** The API requests the sandbox received, newest last, for GET /__sandbox/requests. Kept in memory only. */
export interface RequestRecord {
  id: string;
  at: string;
  method: string;
  path: string;
  /** Whether the Basic credentials matched (false also when they were missing). */
  authorized: boolean;
  /** The order the request was about, when there is one. */
  orderId: string | null;
  /** The JSON body with card secrets redacted, or the raw text when it was not JSON. */
  body: unknown;
  httpStatus: number;
  responseCode: string | null;
  responseMessage: string | null;
  /** Set when a control-API fault produced this answer. */
  fault: string | null;
}

const MAX_RECORDS = 1_000;

export class RequestLog {
  private records: RequestRecord[] = [];

  add(record: Omit<RequestRecord, "id" | "at">): RequestRecord {
    const full = { id: randomUUID(), at: new Date().toISOString(), ...record };
    this.records.push(full);
    if (this.records.length > MAX_RECORDS) this.records.splice(0, this.records.length - MAX_RECORDS);
    return full;
  }

  list(orderId?: string): RequestRecord[] {
    return orderId ? this.records.filter((r) => r.orderId === orderId) : [...this.records];
  }

  clear(): void {
    this.records = [];
  }
}

/** A copy of a request body safe to show and log: no PAN, CVV or full card token. */
export function redactBody(body: unknown): unknown {
  if (body === null || typeof body !== "object" || Array.isArray(body)) return body;
  const copy: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  const card = copy.card;
  if (card !== null && typeof card === "object" && !Array.isArray(card)) {
    const redacted: Record<string, unknown> = { ...(card as Record<string, unknown>) };
    if (typeof redacted.number === "string") redacted.number = maskPan(redacted.number);
    if ("cvv" in redacted) redacted.cvv = "***";
    if (typeof redacted.token === "string") redacted.token = tokenTail(redacted.token);
    copy.card = redacted;
  }
  return copy;
}
