/**
 * What may leave this module for logs and the payment inspector. A stored-card token is a bearer
 * credential for two-click payments, so it is cut to its last 6 characters behind an ellipsis:
 * "…9fd9ab". That is enough to tell cards apart in a log, not enough to pay with.
 * Card data a PCI merchant might send (card.number, card.cvv) is reduced the same way, so a raw
 * request can never reach a log either.
 */
export const REDACTION_PREFIX = "…";

export function shortenToken(token: string): string {
  return `${REDACTION_PREFIX}${token.slice(-6)}`;
}

/** A deep copy of a request or response body with secrets shortened. Non-objects pass through. */
export function redactBody(value: unknown): unknown {
  return redact(value, undefined);
}

function redact(value: unknown, parentKey: string | undefined): unknown {
  if (Array.isArray(value)) return value.map((v) => redact(v, parentKey));
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  const inCard = parentKey === "card" || parentKey === "cards";
  for (const [key, v] of Object.entries(value)) {
    if (key === "token" && typeof v === "string") out[key] = shortenToken(v);
    else if (inCard && key === "number" && typeof v === "string") out[key] = `${REDACTION_PREFIX}${v.slice(-4)}`;
    else if (inCard && key === "cvv") out[key] = "***";
    else out[key] = redact(v, key);
  }
  return out;
}

/** Replaces every occurrence of `token` (raw or URL-encoded) in a URL with its short form. */
export function redactTokenInUrl(url: string, token: string): string {
  if (token.length === 0) return url;
  const forms = [...new Set([encodeURIComponent(token), token])].map(escapeRegExp);
  // One pass, so the short form (which ends with part of the token) is never replaced again.
  return url.replace(new RegExp(forms.join("|"), "g"), shortenToken(token));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
