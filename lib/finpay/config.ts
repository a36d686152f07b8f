/** Finpay's API hosts (docs/finpay-reference.md §0). The hosted card pages live on finpay.id; callers never build those URLs. */
export const FINPAY_HOSTS = {
  development: "https://devo.finnet.co.id",
  production: "https://live.finnet.co.id",
} as const;

export type FinpayEnvironment = keyof typeof FINPAY_HOSTS;

export const DEFAULT_TIMEOUT_MS = 15_000;

/** The response code of every successful call (docs/finpay-reference.md §6). Anything else is an error. */
export const FINPAY_SUCCESS_CODE = "2000000";

/**
 * Paths relative to the base URL (docs/finpay-reference.md §2). Path parameters are URL-encoded here so that an id can
 * never change which endpoint is called. The stored-card retrieval path is an assumption and lives in
 * ./stored-cards.ts on its own.
 */
export const FINPAY_PATHS = {
  initiate: "/pg/payment/card/initiate",
  checkStatus: (orderId: string) => `/pg/payment/card/check/${encodeURIComponent(orderId)}`,
  cancel: (orderId: string) => `/pg/payment/card/cancel/${encodeURIComponent(orderId)}`,
  deleteStoredCard: (token: string) => `/pg/payment/card/customer/delete/${encodeURIComponent(token)}`,
} as const;

/**
 * Accepts "development", "production", or an http(s) URL such as the local sandbox
 * (http://localhost:4010). Returns the origin plus any path prefix, without a trailing slash.
 */
export function resolveFinpayBaseUrl(target: FinpayEnvironment | string): string {
  if (target === "development" || target === "production") return FINPAY_HOSTS[target];
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    throw new TypeError(`Finpay base URL is not a URL: ${JSON.stringify(target)}`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new TypeError(`Finpay base URL must be http(s): ${JSON.stringify(target)}`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new TypeError("Finpay base URL must not carry a query, fragment or credentials");
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, "");
}

/** True for hosts where plain http cannot leak the Basic credentials off the machine. */
export function isLoopbackUrl(baseUrl: string): boolean {
  const { hostname } = new URL(baseUrl);
  return hostname === "localhost" || hostname === "::1" || hostname === "[::1]" || hostname.startsWith("127.");
}
