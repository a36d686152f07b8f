import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { CatalogView } from "@/components/catalog/catalog-view";
import { CategoryNav } from "@/components/catalog/category-nav";
import { ProductListing, searchFormLabels, toCategoryLinks } from "@/components/catalog/product-listing";
import { SearchForm } from "@/components/catalog/search-form";
import { EmptyState } from "@/components/ui/empty-state";
import { parsePage, parseSort } from "@/lib/catalog/browse";
import { getCatalog } from "@/lib/catalog/queries";
import { findProducts } from "@/lib/catalog/search";
import { asLocale } from "@/lib/i18n/locales";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("catalog.home");
  return { title: t("metaTitle"), description: t("intro") };
}

export default async function CatalogPage({ searchParams }: Props) {
  await connection(); // rendered per request: the build never opens the (single-process) embedded database
  const params = await searchParams;
  const sort = parseSort(params.sort);
  const [t, locale, catalog, listing] = await Promise.all([
    getTranslations("catalog"),
    getLocale().then(asLocale),
    getCatalog(),
    findProducts({ sort, page: parsePage(params.page) }),
  ]);
  return (
    <CatalogView title={t("home.title")} intro={t("home.intro")}>
      <SearchForm labels={searchFormLabels(t)} />
      {catalog.products.length === 0 ? (
        <EmptyState>{t.rich("home.emptyCatalog", { code: (chunks) => <code>{chunks}</code> })}</EmptyState>
      ) : (
        <>
          <CategoryNav heading={t("categories.heading")} categories={toCategoryLinks(catalog.categories, catalog.products, locale, t)} />
          <ProductListing listing={listing} sort={sort} path="/" heading={t("home.allProducts")} aboveTheFold />
        </>
      )}
    </CatalogView>
  );
}
