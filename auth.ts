import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "./auth.config";
import { authenticate } from "./lib/account/users";
import { signInSchema } from "./lib/account/validation";
import { clientIp } from "./lib/auth/client-ip";

/** Thrown when the account or address is locked by too many failed sign-ins (see lib/auth/throttle.ts). */
export class ThrottledSignIn extends CredentialsSignin {
  code = "throttled";
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
        if (result.reason === "throttled") throw new ThrottledSignIn();
        return null;
      },
    }),
  ],
});
