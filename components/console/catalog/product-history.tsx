import { useLocale, useTranslations } from "next-intl";
import type { ProductHistoryEntry } from "@/lib/catalog/admin-queries";
import { formatWib } from "@/lib/datetime";
import { asLocale } from "@/lib/i18n/locales";
import { formatIdr } from "@/lib/money";

/** The product row's names for the form's labels (`consoleCatalog.fields`). */
const LABEL_OF: Record<string, string> = { priceIdr: "price", weightGrams: "weight", imagePath: "picture" };
const SHOWN_CHARACTERS = 80;

/** The product's audit trail: who did what, when, and each changed field before and after. */
export function ProductHistory({ entries, categoryNames }: { entries: ProductHistoryEntry[]; categoryNames: Map<number, string> }) {
  const t = useTranslations("consoleCatalog");
  const locale = asLocale(useLocale());
  if (entries.length === 0)
    return (
      <p className="text-sm text-stone-600" data-testid="product-history">
        {t("history.empty")}
      </p>
    );
  const show = (field: string, value: unknown): string => {
    if (value === null || value === "" || (Array.isArray(value) && value.length === 0)) return t("history.empty_value");
    if (field === "priceIdr" && typeof value === "number") return formatIdr(value);
    if (field === "categoryId" && typeof value === "number") return categoryNames.get(value) ?? String(value);
    if (field === "active") return value ? t("status.published") : t("status.unpublished");
    const text = Array.isArray(value) ? value.join("; ") : String(value);
    return text.length > SHOWN_CHARACTERS ? `${text.slice(0, SHOWN_CHARACTERS - 1)}…` : text;
  };
  // The reasons lib/catalog/admin.ts records with a refusal.
  const refusal = (detail: string | null): string => {
    const orders = /^(open|past)_orders:(\d+)$/.exec(detail ?? "");
    if (orders) return t(orders[1] === "open" ? "delete.openOrders" : "delete.pastOrders", { count: Number(orders[2]) });
    return detail === "no_picture" ? t("publish.needsPicture") : (detail ?? "");
  };
  return (
    <ol className="space-y-3 text-sm" data-testid="product-history">
      {entries.map((entry) => (
        <li key={entry.id} className="rounded-md border border-stone-200 bg-white p-3">
          <p className="font-medium text-stone-800">
            {t("history.by", { action: t(`history.actions.${entry.action as "product_update"}`), email: entry.actorEmail })}
            {entry.outcome === "refused" ? <span className="ml-1 text-red-800">— {t("history.refused", { detail: refusal(entry.detail) })}</span> : null}
          </p>
          <p className="text-xs text-stone-600">{formatWib(entry.createdAt, locale)}</p>
          {entry.changes && entry.action !== "product_delete" ? (
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
              {Object.entries(entry.changes).map(([field, change]) => (
                <div key={field} className="contents">
                  <dt className="text-stone-600">{t(`fields.${(LABEL_OF[field] ?? field) as "price"}`)}</dt>
                  <dd className="break-words">
                    {show(field, change.from)} → {show(field, change.to)}
                  </dd>
                </div>
              ))}
            </dl>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
