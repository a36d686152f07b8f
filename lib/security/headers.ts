/**
 * The security headers of every response. Pure functions of their inputs, with no `server-only` and no env
 * parsing, because next.config.ts and proxy.ts (built apart from the app) both use them.
 */

export type HeaderList = { key: string; value: string }[];

/** Headers that do not depend on the request: next.config.ts sends them with every response, static files too. */
export function staticSecurityHeaders(options: { production: boolean }): HeaderList {
  const headers: HeaderList = [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    // frame-ancestors 'none' in the CSP says the same to current browsers; this is for older ones.
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), browsing-topics=()" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  ];
  // Browsers ignore HSTS over plain http, so sending it from every production server is safe; in development it
  // would pin localhost to https for a year.
  if (options.production) headers.push({ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" });
  return headers;
}

export interface CspOptions {
  /** Fresh per response; Next.js reads it back from the request's CSP header and puts it on its own scripts. */
  nonce: string;
  development: boolean;
  /** FINPAY_BASE_URL: the hosted card page a checkout form may end up on. */
  finpayBaseUrl: string | undefined;
  /** APP_BASE_URL: https turns on upgrade-insecure-requests. */
  appBaseUrl: string | undefined;
}

/**
 * Where Finpay's hosted card pages live, for `form-action`: a checkout posted without JavaScript is answered with a
 * redirect there, and browsers check form-action on that redirect. The local sandbox serves its pages from its
 * own origin; real Finpay serves them from finpay.id ([INFER:hosted-pages-host] from the redirecturl samples, e.g. devo.finpay.id).
 */
function finpayPageSources(finpayBaseUrl: string | undefined): string[] {
  const base = finpayBaseUrl ?? "http://localhost:4010";
  let origin: string;
  try {
    origin = new URL(base).origin;
  } catch {
    return [];
  }
  return /(^|\.)finnet\.co\.id$/i.test(new URL(base).hostname) ? [origin, "https://*.finpay.id"] : [origin];
}

/**
 * The page CSP. Scripts run only with this response's nonce ('strict-dynamic' lets those scripts load Next's
 * chunks), so an injected <script> or inline handler does not run. Styles: the stylesheet and nonce'd <style>
 * only; `style-src-attr` allows style="" attributes, which React and next/image write (CSS cannot run script).
 */
export function contentSecurityPolicy({ nonce, development, finpayBaseUrl, appBaseUrl }: CspOptions): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    // React's development build uses eval() to rebuild server error stacks; the production build never does.
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    // Next's development overlay injects <style> elements without a nonce; a nonce would switch 'unsafe-inline' off.
    ["style-src", "'self'", ...(development ? ["'unsafe-inline'"] : [`'nonce-${nonce}'`])],
    ["style-src-attr", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'", ...finpayPageSources(finpayBaseUrl)],
    ["frame-ancestors", "'none'"],
  ];
  if (appBaseUrl?.startsWith("https:")) directives.push(["upgrade-insecure-requests"]);
  return directives.map((directive) => directive.join(" ")).join("; ");
}

/** 128 random bits, base64: unguessable and fresh for every page response. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
