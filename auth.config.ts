import type { NextAuthConfig } from "next-auth";
import { resolveAuthSecret } from "./lib/auth/secret";
import { readEnvVariable } from "./lib/env-schema";

/** Paths that need a signed-in customer. proxy.ts guards them; pages check again with requireUser(). */
export const PROTECTED_PREFIXES = ["/account", "/checkout", "/orders"] as const;

export function isProtectedPath(pathname: string): boolean {
  return PROTECTED_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

/** Where a signed-out visitor of a protected page goes: sign-in, with the path to come back to. */
export function signInUrlFor(url: URL): URL {
  const signIn = new URL("/sign-in", url);
  signIn.searchParams.set("callbackUrl", `${url.pathname}${url.search}`);
  return signIn;
}

/** The database-free half of the Auth.js configuration, shared by proxy.ts and auth.ts. */
export const authConfig = {
  secret: resolveAuthSecret(),
  // Behind `next start` on any host name; AUTH_TRUST_HOST=false turns it off when a fixed AUTH_URL is preferred.
  trustHost: readEnvVariable("AUTH_TRUST_HOST"),
  session: { strategy: "jwt", maxAge: 7 * 24 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
} satisfies NextAuthConfig;
