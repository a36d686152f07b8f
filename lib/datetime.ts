import { INTL_TAG, type Locale } from "@/lib/i18n/locales";

/**
 * Every date and time the shop shows (pages, console, emails) is Jakarta time (WIB, UTC+7, no daylight saving),
 * written by this one helper in one format per language: "2 Des 2026 14.30 WIB" and "2 Dec 2026, 14:30 WIB".
 */
const FORMATS = {
  dateTime: { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hour12: false },
  date: { day: "numeric", month: "short", year: "numeric" },
  precise: { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

export type WibFormat = keyof typeof FORMATS;

const formatters = new Map<string, Intl.DateTimeFormat>();

export function formatWib(date: Date | string, locale: Locale, format: WibFormat = "dateTime"): string {
  const key = `${locale}:${format}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(INTL_TAG[locale], { ...FORMATS[format], timeZone: "Asia/Jakarta" });
    formatters.set(key, formatter);
  }
  const text = formatter.format(typeof date === "string" ? new Date(date) : date);
  return format === "date" ? text : `${text} WIB`;
}
