import { useTranslations } from "next-intl";

export function SiteFooter() {
  const t = useTranslations("common.footer");
  return (
    <footer className="border-t border-stone-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-col gap-1 px-4 py-6 text-sm text-stone-600 sm:flex-row sm:justify-between sm:px-6">
        <p>{t("about")}</p>
        <p>{t("prices")}</p>
      </div>
    </footer>
  );
}
