import Link from "next/link";
import { useTranslations } from "next-intl";
import { productListHref, type ProductFilters } from "@/lib/catalog/admin-queries";

const LINK = "rounded-md border border-stone-300 bg-white px-3 py-1.5 hover:bg-stone-100";

/** "Page 2 of 4 · 63 products", with the previous and next pages as plain links (the filters stay in the address). */
export function ProductPager({ filters, page, pageCount, total }: { filters: ProductFilters; page: number; pageCount: number; total: number }) {
  const t = useTranslations("consoleCatalog.list");
  if (total === 0) return null;
  return (
    <nav aria-label={t("pages")} className="flex flex-wrap items-center gap-3 text-sm">
      <p className="text-stone-700" data-testid="product-page-of">
        {t("pageOf", { page, pages: pageCount, total })}
      </p>
      {page > 1 ? (
        <Link href={productListHref(filters, page - 1)} className={LINK} rel="prev">
          {t("previous")}
        </Link>
      ) : null}
      {page < pageCount ? (
        <Link href={productListHref(filters, page + 1)} className={LINK} rel="next">
          {t("next")}
        </Link>
      ) : null}
    </nav>
  );
}
