import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { CategoryNav } from "@/components/catalog/category-nav";
import { ProductGrid } from "@/components/catalog/product-card";
import { ProductListing, searchFormLabels, toCards, toCategoryLinks } from "@/components/catalog/product-listing";
import { SearchForm } from "@/components/catalog/search-form";
import { parsePage, parseSort } from "@/lib/catalog/browse";
import { getCatalog } from "@/lib/catalog/queries";
import { findProducts } from "@/lib/catalog/search";
import { cleanQueryText } from "@/lib/http/query-text";
import { asLocale } from "@/lib/i18n/locales";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** What was searched for: the first `q`, bounded like the form's input, control characters made spaces. */
function searchQuery(params: Record<string, string | string[] | undefined>): string {
  return cleanQueryText(params.q, 100);
}

/** Suggestions for an empty search: the shop's first picks. */
const PICKS = 4;

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const [query, t] = await Promise.all([searchParams.then(searchQuery), getTranslations("catalog.search")]);
  // Result pages are not worth indexing: every query would be a page of its own.
  return { title: query ? t("metaTitle", { query }) : t("title"), robots: { index: false } };
}

export default async function SearchPage({ searchParams }: Props) {
  await connection();
  const params = await searchParams;
  const query = searchQuery(params);
  const sort = parseSort(params.sort);
  const [t, locale, catalog, listing] = await Promise.all([
    getTranslations("catalog"),
    getLocale().then(asLocale),
    getCatalog(),
    query ? findProducts({ query, sort, page: parsePage(params.page) }) : undefined,
  ]);
  const found = listing && listing.total > 0;
  return (
    <section aria-labelledby="search-heading" className="space-y-8">
      <div className="space-y-3">
        <h1 id="search-heading" className="text-2xl font-semibold tracking-tight">
          {query ? t("search.resultsTitle", { query }) : t("search.title")}
        </h1>
        <SearchForm labels={searchFormLabels(t)} defaultValue={query} />
        {listing ? (
          <p role="status" className="text-stone-700">
            {t("search.resultCount", { count: listing.total })}
          </p>
        ) : null}
      </div>
      {found ? (
        <ProductListing listing={listing} sort={sort} path="/search" query={query} aboveTheFold />
      ) : (
        <div className="space-y-8" data-testid="search-suggestions">
          <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-stone-700">{query ? t("search.noResults", { query }) : t("search.prompt")}</p>
          <CategoryNav heading={t("search.browseCategories")} categories={toCategoryLinks(catalog.categories, catalog.products, locale, t)} />
          <section aria-labelledby="picks-heading" className="space-y-3">
            <h2 id="picks-heading" className="text-lg font-semibold">
              {t("search.picks")}
            </h2>
            <ProductGrid products={toCards(catalog.products.slice(0, PICKS), locale, t)} headingLevel={3} />
          </section>
        </div>
      )}
    </section>
  );
}
