import { vi } from "vitest";

/**
 * Server actions read cookies through next/headers, which only exists inside a Next.js request.
 * Tests replace that seam (cookies, and the session read from the Auth.js JWT) with in-memory stand-ins;
 * everything behind it (validation, queries, the database) is real.
 */
export class CookieJar {
  private readonly values = new Map<string, string>();
  get(name: string) {
    const value = this.values.get(name);
    return value === undefined ? undefined : { name, value };
  }
  set(name: string, value: string) {
    this.values.set(name, value);
  }
  delete(name: string) {
    this.values.delete(name);
  }
  has(name: string) {
    return this.values.has(name);
  }
  clear() {
    this.values.clear();
  }
}

export const cookieJar = new CookieJar();

// Importing this module installs the mocks (Vitest hoists them to the top of the module).
vi.mock("next/headers", () => ({ cookies: async () => cookieJar, headers: async () => requestHeaders }));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

/** The signed-in customer of the simulated request (null = signed out); replaces the JWT read by Auth.js. */
export const session: { userId: string | null } = { userId: null };
vi.mock("@/lib/auth/session", () => ({ getSessionUserId: async () => session.userId }));

/** Headers of the simulated request, e.g. x-forwarded-for for throttling tests. */
export const requestHeaders = new Headers();
