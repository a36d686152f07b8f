import type { Locale } from "@/lib/i18n/locales";
import en from "./en";
import id from "./id";

/** Every UI string of the shop, by language. `satisfies` makes a key missing from one language a type error. */
export const MESSAGES = { id, en } satisfies Record<Locale, typeof en>;
export type Messages = typeof en;
