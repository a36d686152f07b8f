import { NextResponse, type NextRequest } from "next/server";

/**
 * The policy a prerendered shell can live with: the request's nonce for what is rendered per request, 'self' for
 * the shell's bundles (prerendered without a nonce) and the hash of React's one constant inline script in a
 * prerendered shell. No 'strict-dynamic', which would void 'self'. The shop's own policy is the nonce with
 * 'strict-dynamic' (lib/security/headers.ts); this one is what Partial Prerendering would need instead.
 */
export const REACT_SHELL_SCRIPT_HASH = "sha256-7mu4H06fwDCjmnxxr/xNHyuQC6pLTHr4M2E4jXw5WZs=";

export default function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const policy = `default-src 'self'; script-src 'self' 'nonce-${nonce}' '${REACT_SHELL_SCRIPT_HASH}'; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'`;
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = { matcher: ["/((?!_next/).*)"] };
