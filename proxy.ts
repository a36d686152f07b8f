import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { authConfig, isProtectedPath, signInUrlFor } from "./auth.config";

/**
 * Sends signed-out visitors of protected pages to sign-in with a return path. It only reads the Auth.js JWT
 * (no database); pages and actions check the session again with requireUser().
 *
 * Read-only on purpose: Auth.js's own proxy wrapper re-issues the session cookie on every request, so a link
 * prefetch answered just after sign-out would put the session cookie back and sign the customer in again.
 */
export default async function proxy(request: NextRequest) {
  if (!isProtectedPath(request.nextUrl.pathname)) return NextResponse.next();
  const token = await getToken({
    req: request,
    secret: authConfig.secret,
    secureCookie: request.nextUrl.protocol === "https:",
  });
  if (token?.sub) return NextResponse.next();
  return NextResponse.redirect(signInUrlFor(request.nextUrl));
}

export const config = {
  matcher: ["/account/:path*", "/checkout/:path*", "/orders/:path*"],
};
