/**
 * Checks on incoming requests that run before Next.js parses them (proxy.ts, route handlers). Pure functions,
 * free of `server-only` and env parsing, for the same reason as ./headers.ts.
 */

/**
 * Largest body a page POST (a server action) may carry. The largest real form, sign-up, is under 2 kB. Next.js
 * enforces the same limit (next.config.ts) but answers a 500; proxy.ts answers 413 from Content-Length first.
 */
export const MAX_ACTION_BODY_BYTES = 64 * 1024;

/** Auth.js's endpoints take a handful of short form fields. */
export const MAX_AUTH_BODY_BYTES = 16 * 1024;

/** True when the request declares a body larger than `limit` (a body without Content-Length is read with a limit). */
export function declaresBodyOver(headers: Headers, limit: number): boolean {
  const declared = Number(headers.get("content-length"));
  return Number.isFinite(declared) && declared > limit;
}

/**
 * The host Next.js compares a server action's Origin with (`parseHostHeader` in
 * next/dist/server/app-render/action-handler.js, Next.js 16): the first X-Forwarded-Host entry when there is one,
 * else Host, compared exactly. proxy.ts checks the same host, so an action it lets through is never one Next.js then
 * aborts with a 500.
 */
export function actionHost(headers: Headers): string | null {
  const forwarded = headers.get(FORWARDED_HOST_HEADER)?.split(",")[0]?.trim();
  return forwarded || headers.get("host");
}

/**
 * A POST to a page is a server action (pages accept nothing else). One sent from another site's page carries that
 * site's Origin; Next.js refuses it too, but only after parsing it and with a 500, so proxy.ts answers 403 first.
 * No Origin at all is a hand-made request (curl, a script): it carries no browser's cookies, so Next lets it
 * through, and so do we. `host` is actionHost() of the headers Next.js will see.
 */
export function isCrossSiteOrigin(origin: string | null, host: string | null): boolean {
  if (origin === null) return false;
  if (origin === "null") return true;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return true;
  }
  return host === null || originHost !== host;
}

export const FORWARDED_HOST_HEADER = "x-forwarded-host";

/**
 * The request headers Next.js, Auth.js and the pages get. X-Forwarded-Host names the host the browser asked for, and
 * only a proxy of ours can say that: from anyone else (any client when TRUSTED_PROXIES is unset) it is removed, so
 * Next.js sets it from Host itself (base-server.js: `x-forwarded-host ??= host`) and nothing downstream believes a
 * client's own value. Returns null when nothing needs removing.
 */
export function withoutUntrustedForwardedHost(headers: Headers, fromTrustedProxy: boolean): Headers | null {
  if (fromTrustedProxy || !headers.has(FORWARDED_HOST_HEADER)) return null;
  const cleaned = new Headers(headers);
  cleaned.delete(FORWARDED_HOST_HEADER);
  return cleaned;
}

/**
 * True when a path carries percent-encoding that does not decode (`%ZZ`, a truncated `%E0%A4%A`). Next.js throws
 * while matching such a path to a dynamic route and answers 500; proxy.ts answers it as the address it is: not found.
 */
export function hasMalformedPercentEncoding(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

/**
 * Fields of a server action body that React decodes as JSON: the argument rows ("0", "1", ...) of a fetch action, and
 * the bound arguments ("$ACTION_1:0") of a form posted without JavaScript. Next.js parses them after routing and
 * answers a malformed one with a 500, so proxy.ts checks them first.
 */
const JSON_FIELD = /^(\d+|\$ACTION_\d+:\d+)$/;

/**
 * True when a server action body (at most MAX_ACTION_BODY_BYTES, already read) cannot be React's encoding of an
 * argument list: argument JSON that does not parse, a root that is not an array, a reference to a row that was not
 * sent, or (for a fetch action, `Next-Action` header) a content type React never sends. A `text/plain` body is
 * React's encoding of plain arguments: the whole body is one JSON array.
 */
export async function hasMalformedActionArguments(contentType: string | null, body: Uint8Array, isFetchAction = true): Promise<boolean> {
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (type === "text/plain") return !isArgumentList(new TextDecoder().decode(body), new Set());
  // React sends a fetch action as text (plain arguments) or multipart (with FormData); anything else is hand-made.
  if (isFetchAction && type !== "multipart/form-data") return true;
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), { headers: { "content-type": contentType! } }).formData();
  } catch {
    return true; // not a readable multipart body at all
  }
  const fields = new Set(form.keys());
  for (const [name, value] of form.entries()) {
    if (JSON_FIELD.test(name) && typeof value === "string" && !isJson(value)) return true;
  }
  // A fetch action's field "0" is the argument list; each row it refers to must have been sent.
  const root = form.get("0");
  return isFetchAction && typeof root === "string" && !isArgumentList(root, fields);
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

// React's reply references to other rows: "$<hex id>" and typed ones ("$@", "$F", "$Q", "$W", "$B", "$i", streams).
// They name a form field by its decimal id; user strings that start with "$" are escaped as "$$".
const ROW_REFERENCE = /^\$(?:[@FQWBiRrXx])?([0-9a-f]+)$/;

/** True when `text` is a JSON array (the action's arguments) whose row references all exist in `fields`. */
function isArgumentList(text: string, fields: Set<string>): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text, (_key, value: unknown) => {
      const id = typeof value === "string" ? ROW_REFERENCE.exec(value)?.[1] : undefined;
      if (id !== undefined && !fields.has(String(parseInt(id, 16)))) throw new Error("dangling reference");
      return value;
    });
  } catch {
    return false;
  }
  return Array.isArray(parsed);
}
