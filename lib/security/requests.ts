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
 * A POST to a page is a server action (pages accept nothing else). One sent from another site's page carries that
 * site's Origin; Next.js refuses it too, but only after parsing it and with a 500, so proxy.ts answers 403 first.
 * No Origin at all is a hand-made request (curl, a script): it carries no browser's cookies, so Next lets it
 * through, and so do we. `hosts` are the request's X-Forwarded-Host and Host, as Next.js compares them.
 */
export function isCrossSiteOrigin(origin: string | null, hosts: (string | null)[]): boolean {
  if (origin === null) return false;
  if (origin === "null") return true;
  let originHost: string;
  try {
    originHost = new URL(origin).host.toLowerCase();
  } catch {
    return true;
  }
  return !hosts.some((host) => host !== null && host.split(",")[0]!.trim().toLowerCase() === originHost);
}
