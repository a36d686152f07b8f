import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, resolveLocale } from "@/lib/i18n/locales";
import { MESSAGES } from "@/messages";

/**
 * next-intl's per-request configuration, without locale segments in the URL: the shopper's ID | EN choice (cookie),
 * else Accept-Language, else Bahasa Indonesia. Times are always WIB.
 */
export default getRequestConfig(async () => {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const locale = resolveLocale(cookieStore.get(LOCALE_COOKIE)?.value, headerList.get("accept-language"));
  return { locale, messages: MESSAGES[locale], timeZone: "Asia/Jakarta" };
});
