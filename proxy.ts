import NextAuth from "next-auth";
import { authConfig } from "./auth.config";

// Redirects signed-out visitors of protected pages to sign-in (with a return path). It reads only the JWT,
// never the database; each protected page and action checks the session again on its own.
export const { auth: proxy } = NextAuth(authConfig);

export const config = {
  matcher: ["/account/:path*", "/checkout/:path*", "/orders/:path*"],
};
