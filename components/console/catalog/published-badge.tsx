import { useTranslations } from "next-intl";

/** Published (in the shop) or not, as a badge. */
export function PublishedBadge({ active }: { active: boolean }) {
  const t = useTranslations("consoleCatalog.status");
  return (
    <span
      data-testid="product-status"
      className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${active ? "bg-brand-50 text-brand-800 ring-1 ring-brand-100" : "bg-stone-100 text-stone-700 ring-1 ring-stone-300"}`}
    >
      {active ? t("published") : t("unpublished")}
    </span>
  );
}
