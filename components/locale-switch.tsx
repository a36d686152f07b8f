import { useLocale, useTranslations } from "next-intl";
import { switchLocaleAction } from "@/lib/i18n/actions";
import { LOCALES } from "@/lib/i18n/locales";

/** ID | EN: a plain form per language, so it works before (and without) JavaScript. */
export function LocaleSwitch() {
  const current = useLocale();
  const t = useTranslations("common.localeSwitch");
  return (
    <form action={switchLocaleAction} aria-label={t("label")} className="flex items-center rounded-md border border-stone-300 text-xs font-semibold">
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          lang={locale}
          aria-label={t(locale)}
          aria-pressed={locale === current}
          className="px-2 py-1 uppercase first:rounded-l-md last:rounded-r-md aria-pressed:bg-brand-700 aria-pressed:text-white hover:text-brand-700 aria-pressed:hover:text-white"
        >
          {locale}
        </button>
      ))}
    </form>
  );
}
