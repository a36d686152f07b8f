import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { authConfig, isProtectedPath, signInUrlFor } from "./auth.config";
import { contentSecurityPolicy, newNonce } from "./lib/security/headers";
import { declaresBodyOver, isCrossSiteOrigin, MAX_ACTION_BODY_BYTES } from "./lib/security/requests";

/**
 * Runs before every page (not API routes or static files), for three things:
 *
 * 1. A server action POSTed from another site's page (foreign Origin) is refused with 403, and one declaring a
 *    body over the action limit with 413, before Next.js parses either.
 * 2. Sends signed-out visitors of protected pages to sign-in with a return path. It only reads the Auth.js JWT
 *    (no database); pages and actions check the session again with requireUser().
 * 3. Gives the page a Content-Security-Policy with a fresh nonce. Next.js reads the nonce from the request's CSP
 *    header and puts it on its own scripts, which is why the policy is set on the request as well as the response.
 *
 * Read-only on purpose: Auth.js's own proxy wrapper re-issues the session cookie on every request, so a link
 * prefetch answered just after sign-out would put the session cookie back and sign the customer in again.
 */
export default async function proxy(request: NextRequest) {
  if (request.method === "POST") {
    if (isCrossSiteOrigin(request.headers.get("origin"), [request.headers.get("x-forwarded-host"), request.headers.get("host")])) {
      return NextResponse.json({ error: "Cross-site request refused" }, { status: 403 });
    }
    if (declaresBodyOver(request.headers, MAX_ACTION_BODY_BYTES)) {
      return NextResponse.json({ error: `Request body larger than ${MAX_ACTION_BODY_BYTES} bytes` }, { status: 413 });
    }
  }
  if (isProtectedPath(request.nextUrl.pathname)) {
    const token = await getToken({
      req: request,
      secret: authConfig.secret,
      secureCookie: request.nextUrl.protocol === "https:",
    });
    if (!token?.sub) return NextResponse.redirect(signInUrlFor(request.nextUrl));
  }
  return withContentSecurityPolicy(request);
}

function withContentSecurityPolicy(request: NextRequest): NextResponse {
  const policy = contentSecurityPolicy({
    nonce: newNonce(),
    development: process.env.NODE_ENV === "development",
    finpayBaseUrl: process.env.FINPAY_BASE_URL,
    appBaseUrl: process.env.APP_BASE_URL,
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Every page; not API routes (JSON, and Finpay's callback), Next's static files or the product images in public/.
  matcher: ["/((?!api/|_next/static/|_next/image|favicon\\.ico|.*\\.svg).*)"],
};
