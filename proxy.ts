import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { authConfig, isProtectedPath, signInUrlFor } from "./auth.config";
import { readEnvVariable } from "./lib/env-schema";
import { arrivedFromTrustedProxy } from "./lib/security/addresses";
import { contentSecurityPolicy, newNonce } from "./lib/security/headers";
import { readBodyBytesWithLimit } from "./lib/http/read-body";
import {
  actionHost,
  declaresBodyOver,
  hasMalformedActionArguments,
  hasMalformedPercentEncoding,
  isCrossSiteOrigin,
  MAX_ACTION_BODY_BYTES,
  withoutUntrustedForwardedHost,
} from "./lib/security/requests";

/**
 * Runs before every page (not API routes other than Auth.js's, nor static files), for four things, after
 * removing X-Forwarded-Host unless a trusted proxy (TRUSTED_PROXIES) sent the request, so that neither Next.js's
 * server action check nor Auth.js believes a host a client made up (lib/security/requests.ts):
 *
 * 0. An address whose percent-encoding does not decode (`/products/%ZZ`) is answered as not found (the 404 page;
 *    JSON 400 under /api/auth): Next.js would throw while matching it to a dynamic route and answer 500.
 * 1. A server action POSTed from another site's page (an Origin that is not the host Next.js will compare it with,
 *    X-Forwarded-Host from a trusted proxy or else Host) is refused with 403; one whose body is over
 *    the action limit with 413 (declared by Content-Length, or counted while reading a chunked body); one whose
 *    argument JSON does not parse with 400. All before Next.js parses it, which would answer these with a 500.
 * 2. Sends signed-out visitors of protected pages to sign-in with a return path. It only reads the Auth.js JWT
 *    (no database); pages and actions check the session again with requireUser().
 * 3. Gives the page a Content-Security-Policy with a fresh nonce. Next.js reads the nonce from the request's CSP
 *    header and puts it on its own scripts, which is why the policy is set on the request as well as the response.
 *
 * Read-only on purpose: Auth.js's own proxy wrapper re-issues the session cookie on every request, so a link
 * prefetch answered just after sign-out would put the session cookie back and sign the customer in again.
 */
export default async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const cleaned = withoutUntrustedForwardedHost(request.headers, arrivedFromTrustedProxy(request.headers, trustedProxies()));
  const headers = cleaned ?? request.headers;
  if (pathname.startsWith("/api/")) {
    // Only Auth.js's endpoints come here (see the matcher), for the encoding check and the forwarded host alone.
    if (hasMalformedPercentEncoding(pathname)) return NextResponse.json({ error: "Malformed address" }, { status: 400 });
    return cleaned ? NextResponse.next({ request: { headers: cleaned } }) : NextResponse.next();
  }
  if (hasMalformedPercentEncoding(pathname)) return withContentSecurityPolicy(request, headers, MALFORMED_ADDRESS_PAGE);
  if (request.method === "POST") {
    const refusal = await refuseBadActionPost(request, headers);
    if (refusal) return refusal;
  }
  if (isProtectedPath(request.nextUrl.pathname)) {
    const token = await getToken({
      req: request,
      secret: authConfig.secret,
      secureCookie: request.nextUrl.protocol === "https:",
    });
    if (!token?.sub) return NextResponse.redirect(signInUrlFor(request.nextUrl));
  }
  return withContentSecurityPolicy(request, headers);
}

let trusted: readonly string[] | undefined;
/** TRUSTED_PROXIES, parsed once (lib/startup-check.ts has already refused to start with a malformed value). */
function trustedProxies(): readonly string[] {
  trusted ??= readEnvVariable("TRUSTED_PROXIES");
  return trusted;
}

// No page lives here, so rendering it gives the shop's own 404 page, with status 404.
const MALFORMED_ADDRESS_PAGE = "/_malformed-address";

/** A page POST is a server action: refused before Next.js parses it when it is cross-site, too large or malformed. */
async function refuseBadActionPost(request: NextRequest, headers: Headers): Promise<NextResponse | undefined> {
  if (isCrossSiteOrigin(headers.get("origin"), actionHost(headers))) {
    return NextResponse.json({ error: "Cross-site request refused" }, { status: 403 });
  }
  const tooLarge = NextResponse.json({ error: `Request body larger than ${MAX_ACTION_BODY_BYTES} bytes` }, { status: 413 });
  if (declaresBodyOver(request.headers, MAX_ACTION_BODY_BYTES)) return tooLarge;
  // The proxy is given a copy of the body; Next.js keeps its own for the action. Nothing past the limit is kept.
  const body = await readBodyBytesWithLimit(request, MAX_ACTION_BODY_BYTES, { drain: true });
  if (!body.ok) return tooLarge;
  const isFetchAction = request.headers.has("next-action");
  if (await hasMalformedActionArguments(request.headers.get("content-type"), body.bytes, isFetchAction)) {
    return NextResponse.json({ error: "Malformed server action arguments" }, { status: 400 });
  }
  return undefined;
}

function withContentSecurityPolicy(request: NextRequest, headers: Headers, rewriteTo?: string): NextResponse {
  const policy = contentSecurityPolicy({
    nonce: newNonce(),
    development: process.env.NODE_ENV === "development",
    finpayBaseUrl: process.env.FINPAY_BASE_URL,
    appBaseUrl: process.env.APP_BASE_URL,
  });
  const requestHeaders = new Headers(headers);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = rewriteTo
    ? NextResponse.rewrite(new URL(rewriteTo, request.url), { request: { headers: requestHeaders } })
    : NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  // Names the instance that answered, for operators and the cluster test behind a load balancer; unset, no header.
  if (process.env.INSTANCE_NAME) response.headers.set("X-Instance", process.env.INSTANCE_NAME);
  return response;
}

export const config = {
  // Every page; not API routes (JSON, and Finpay's callback), Next's static files or the product images in public/.
  // Auth.js's endpoints only for the malformed-address check (a catch-all route, where Next.js would throw too).
  matcher: ["/((?!api/|_next/static/|_next/image|favicon\\.ico|.*\\.svg).*)", "/api/auth/:path*"],
};
