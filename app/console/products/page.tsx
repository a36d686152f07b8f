import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ProductPager } from "@/components/console/catalog/product-pager";
import { ProductTable } from "@/components/console/catalog/product-table";
import { FilterForm } from "@/components/console/filter-form";
import { withAny } from "@/components/console/list-parts";
import { FormMessage } from "@/components/ui/form-field";
import { merchantMetadata, requireMerchant } from "@/lib/auth/merchant";
import { listAllCategories, listConsoleProducts, parseProductFilters, productListHref, PRODUCT_STATUSES } from "@/lib/catalog/admin-queries";
import { localizedName } from "@/lib/catalog/localized";
import { asLocale } from "@/lib/i18n/locales";

export async function generateMetadata(): Promise<Metadata> {
  return merchantMetadata(async () => ({ title: (await getTranslations("consoleCatalog.list"))("title") }));
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ConsoleProductsPage({ searchParams }: Props) {
  const params = await searchParams;
  const filters = parseProductFilters(params);
  await requireMerchant(productListHref(filters));
  const [page, categories, t, c, locale] = await Promise.all([listConsoleProducts(filters), listAllCategories(), getTranslations("consoleCatalog"), getTranslations("console"), getLocale().then(asLocale)]);
  const filtered = Boolean(filters.q || filters.status || filters.categoryId !== undefined);
  return (
    <section className="space-y-4" aria-labelledby="products-heading">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 id="products-heading" className="text-2xl font-semibold tracking-tight">
            {t("list.title")}
          </h1>
          <p className="mt-1 text-sm text-stone-600">{t("list.intro")}</p>
        </div>
        <Link href="/console/products/new" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">
          {t("list.new")}
        </Link>
      </div>
      {params.deleted === "1" ? <FormMessage status="success" message={t("list.deleted")} /> : null}
      <FilterForm
        action="/console/products"
        values={{ q: filters.q, status: filters.status ?? "", category: filters.categoryId === undefined ? "" : String(filters.categoryId) }}
        errors={{}}
        labels={{ apply: c("filters.apply"), applying: c("filters.applying"), clear: c("filters.clear") }}
        fields={[
          { kind: "text", name: "q", label: t("list.search"), placeholder: t("list.searchPlaceholder") },
          { kind: "select", name: "status", label: t("list.status"), options: withAny(t("list.anyStatus"), PRODUCT_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))) },
          { kind: "select", name: "category", label: t("list.category"), options: withAny(t("list.anyCategory"), categories.map((cat) => ({ value: String(cat.id), label: localizedName(cat, locale) }))) },
        ]}
      />
      <ProductTable rows={page.rows} emptyText={filtered ? t("list.empty") : t("list.emptyCatalog")} />
      <ProductPager filters={filters} page={page.page} pageCount={page.pageCount} total={page.total} />
    </section>
  );
}
