import { timingSafeEqual } from "node:crypto";
import { signCallback } from "../lib/finpay/signature";

/**
 * A callback receiver built into the sandbox (POST /__sandbox/inbox), so a developer can try the whole flow with
 * curl and a browser before the app exists: point url.callbackUrl at it and read what arrived, with the
 * signature checked the way a PHP merchant checks it (re-encode without `signature`, HMAC-SHA512).
 */
export interface InboxEntry {
  receivedAt: string;
  orderId: string | null;
  status: string | null;
  signatureValid: boolean;
  body: string;
}

const MAX_ENTRIES = 500;

export class CallbackInbox {
  private entries: InboxEntry[] = [];

  constructor(private readonly merchantKey: string) {}

  receive(body: string): InboxEntry {
    const parsed = parseObject(body);
    const entry: InboxEntry = {
      receivedAt: new Date().toISOString(),
      orderId: pick(parsed, "order", "id"),
      status: pick(parsed, "result", "payment", "status"),
      signatureValid: parsed ? hasValidSignature(parsed, this.merchantKey) : false,
      body,
    };
    this.entries.push(entry);
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
    return entry;
  }

  list(orderId?: string): InboxEntry[] {
    return orderId ? this.entries.filter((e) => e.orderId === orderId) : [...this.entries];
  }

  clear(): void {
    this.entries = [];
  }
}

function parseObject(body: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(body);
    return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function hasValidSignature(payload: Record<string, unknown>, key: string): boolean {
  const given = payload.signature;
  if (typeof given !== "string" || !/^[0-9a-f]{128}$/.test(given)) return false;
  return timingSafeEqual(Buffer.from(signCallback(payload, key), "hex"), Buffer.from(given, "hex"));
}

function pick(value: unknown, ...path: string[]): string | null {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== "object") return null;
    current = (current as Record<string, unknown>)[key];
  }
  return typeof current === "string" ? current : null;
}
