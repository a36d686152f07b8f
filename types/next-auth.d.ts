import type { DefaultSession } from "next-auth";

declare module "next-auth" {
  interface Session {
    user: { id: string } & DefaultSession["user"];
    /** The server-side session row (lib/auth/sessions.ts) this JWT belongs to. */
    sessionId?: string;
  }
}
