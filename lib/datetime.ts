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

/**
 * An instant as Jakarta wall-clock time with its offset, for files read by machines and people alike (the CSV
 * export): "2026-12-02T14:30:05+07:00". Jakarta has no daylight saving, so the offset is always +07:00.
 */
export function jakartaIso(date: Date): string {
  return `${new Date(date.getTime() + 7 * 3_600_000).toISOString().slice(0, 19)}+07:00`;
}

/** "2026-12-02-1430": a Jakarta date and minute for file names. */
export function jakartaFileStamp(date: Date): string {
  return jakartaIso(date).slice(0, 16).replace("T", "-").replace(":", "");
}
