import Image from "next/image";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { EmptyList, ListTable } from "@/components/console/list-parts";
import type { ConsoleProductRow } from "@/lib/catalog/admin-queries";
import { LOW_STOCK } from "@/lib/catalog/presentation";
import { localizedName } from "@/lib/catalog/localized";
import { formatWib } from "@/lib/datetime";
import { asLocale } from "@/lib/i18n/locales";
import { formatIdr } from "@/lib/money";
import { PublishedBadge } from "./published-badge";

/** The console's products: a table on wide screens, the same cells stacked on a phone. */
export function ProductTable({ rows, emptyText }: { rows: ConsoleProductRow[]; emptyText: string }) {
  const locale = asLocale(useLocale());
  const t = useTranslations("consoleCatalog");
  if (rows.length === 0) return <EmptyList>{emptyText}</EmptyList>;
  return (
    <ListTable
      caption={t("list.caption")}
      columns={[
        { label: t("list.colProduct") },
        { label: t("list.colCategory") },
        { label: t("list.colPrice"), align: "right" },
        { label: t("list.colStock"), align: "right" },
        { label: t("list.colStatus") },
        { label: t("list.colUpdated") },
      ]}
    >
      {rows.map((row) => (
        <tr key={row.id} data-testid="console-product-row" className="grid grid-cols-2 gap-x-3 gap-y-1 px-3 py-3 md:table-row md:p-0">
          <td className="col-span-2 md:px-3 md:py-2">
            <div className="flex items-center gap-3">
              {row.imagePath ? (
                <Image src={row.imagePath} alt="" width={40} height={40} className="size-10 shrink-0 rounded border border-stone-200 object-cover" />
              ) : (
                <span aria-hidden className="size-10 shrink-0 rounded border border-dashed border-stone-300 bg-stone-50" />
              )}
              <div className="min-w-0">
                <Link href={`/console/products/${row.id}`} className="font-medium text-brand-700 hover:underline">
                  {localizedName(row, locale)}
                </Link>
                <span className="block break-all text-xs text-stone-600">{row.slug}</span>
              </div>
            </div>
          </td>
          <td className="text-stone-700 md:px-3 md:py-2">{row.categoryName ? localizedName({ name: row.categoryName, nameEn: row.categoryNameEn }, locale) : t("list.noCategory")}</td>
          <td className="tabular-nums md:px-3 md:py-2 md:text-right" data-testid="console-product-price">
            {formatIdr(row.priceIdr)}
          </td>
          <td className="tabular-nums md:px-3 md:py-2 md:text-right" data-testid="console-product-stock">
            {row.stock}
            {row.stock === 0 ? <span className="ml-2 text-xs font-semibold text-red-800">{t("stock.soldOut")}</span> : row.stock <= LOW_STOCK ? <span className="ml-2 text-xs font-semibold text-amber-800">{t("stock.low")}</span> : null}
          </td>
          <td className="md:px-3 md:py-2">
            <PublishedBadge active={row.active} />
          </td>
          <td className="text-xs text-stone-600 md:px-3 md:py-2">{formatWib(row.updatedAt, locale)}</td>
        </tr>
      ))}
    </ListTable>
  );
}
