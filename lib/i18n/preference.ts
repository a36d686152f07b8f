import "server-only";
import { cookies } from "next/headers";
import { env } from "@/lib/env";
import { asLocale, isLocale, LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE_S, type Locale } from "./locales";

/** Keeps the language in this browser (read by i18n/request.ts on every request). Only from actions and routes. */
export async function rememberLocale(locale: string | null | undefined): Promise<Locale> {
  const chosen = asLocale(locale);
  (await cookies()).set(LOCALE_COOKIE, chosen, {
    maxAge: LOCALE_COOKIE_MAX_AGE_S,
    sameSite: "lax",
    path: "/",
    httpOnly: true,
    secure: env().APP_BASE_URL.startsWith("https:"),
  });
  return chosen;
}

/**
 * At sign-in, the latest explicit choice wins: a language chosen in this browser (the switch's cookie) is kept and
 * saved to the profile; without one, the browser takes the profile's language (a customer who chose English on
 * another device gets it here too). A profile without a language (nobody chose one, as for the seeded demo
 * accounts) changes nothing: the browser keeps the language it asked for. Returns the language the profile should
 * now hold, or null when there is none to save.
 */
export async function settleLocaleAtSignIn(profileLocale: string | null): Promise<{ locale: Locale | null; profileChanged: boolean }> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return { locale: chosen, profileChanged: chosen !== profileLocale };
  if (!isLocale(profileLocale)) return { locale: null, profileChanged: false };
  return { locale: await rememberLocale(profileLocale), profileChanged: false };
}
