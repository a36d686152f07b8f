/**
 * The shop's languages: one vocabulary for the UI, the customer's profile (`users.locale`) and emails.
 * Bahasa Indonesia first: it is the default when neither a choice nor the browser says otherwise.
 */
export const LOCALES = ["id", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "id";

/** The shopper's explicit choice (the ID | EN switch), kept for a year. Same name next-intl's routing would use. */
export const LOCALE_COOKIE = "NEXT_LOCALE";
export const LOCALE_COOKIE_MAX_AGE_S = 365 * 24 * 60 * 60;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export function asLocale(value: string | null | undefined): Locale {
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

/** BCP 47 tag for Intl (dates, numbers): `id-ID` writes "2 Des 2026", `en-GB` "2 Dec 2026". */
export const INTL_TAG: Record<Locale, string> = { id: "id-ID", en: "en-GB" };

/**
 * The best of our locales for an Accept-Language header (`id-ID,id;q=0.9,en;q=0.8`), by quality then order;
 * undefined when none of them is acceptable. Only the primary subtag counts: `en-US` and `en-GB` are both "en".
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale | undefined {
  if (!acceptLanguage) return undefined;
  const ranges = acceptLanguage
    .split(",")
    .slice(0, 20)
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return { primary: tag.trim().toLowerCase().split("-")[0] ?? "", quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((range) => range.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const range of ranges) {
    if (isLocale(range.primary)) return range.primary;
    if (range.primary === "in") return "id"; // the withdrawn ISO 639 code some older systems still send
  }
  return undefined;
}

/** The shopper's choice, else the browser's, else Bahasa Indonesia. */
export function resolveLocale(cookieValue: string | undefined, acceptLanguage: string | null | undefined): Locale {
  if (isLocale(cookieValue)) return cookieValue;
  return negotiateLocale(acceptLanguage) ?? DEFAULT_LOCALE;
}
