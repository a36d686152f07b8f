import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "./auth.config";
import { authenticate } from "./lib/account/users";
import { signInSchema } from "./lib/account/validation";
import { clientIp } from "./lib/auth/client-ip";
import { createSession, endSession, isSessionLive } from "./lib/auth/sessions";

/** Thrown when the sign-in must wait (see lib/auth/throttle.ts); carries how long. */
export class ThrottledSignIn extends CredentialsSignin {
  code = "throttled";
  constructor(readonly retryAfterSeconds: number) {
    super();
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const result = await authenticate(parsed.data.email, parsed.data.password, clientIp(request.headers));
        if (result.ok) return { id: result.user.id, email: result.user.email, name: result.user.firstName };
        if (result.reason === "throttled") throw new ThrottledSignIn(result.retryAfterSeconds);
        return null;
      },
    }),
  ],
  callbacks: {
    ...authConfig.callbacks,
    /**
     * A new sign-in gets a session row (lib/auth/sessions.ts) whose id the JWT carries; every later read of the
     * session checks that row, and a JWT whose session was ended (sign-out, sign out everywhere, password change) is
     * no session at all: Auth.js then clears the cookie. proxy.ts reads the JWT without this check (it has no
     * database) and only decides whether to send a visitor to sign-in; every page and action checks here.
     */
    async jwt({ token, user }) {
      if (user?.id) return { ...token, sub: user.id, sid: await createSession(user.id) };
      if (typeof token.sid !== "string" || !token.sub || !(await isSessionLive(token.sid, token.sub))) return null;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      if (typeof token.sid === "string") session.sessionId = token.sid;
      return session;
    },
  },
  events: {
    // Sign-out ends the session on the server too, so a copy of the cookie is worth nothing afterwards.
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string") await endSession(sid);
    },
  },
});
