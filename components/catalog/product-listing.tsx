import { getLocale, getTranslations } from "next-intl/server";
import { listHref, PAGE_SIZE, SORTS, type Page, type Sort } from "@/lib/catalog/browse";
import { localized, localizedName } from "@/lib/catalog/localized";
import { stockLevel } from "@/lib/catalog/presentation";
import type { CatalogCategory, CatalogProduct } from "@/lib/catalog/queries";
import { asLocale, type Locale } from "@/lib/i18n/locales";
import type { CategoryLinkData } from "./category-nav";
import { Pagination } from "./pagination";
import { ProductGrid, type ProductCardData } from "./product-card";
import type { SearchFormLabels } from "./search-form";
import { SortLinks } from "./sort-links";

type CatalogT = Awaited<ReturnType<typeof getTranslations<"catalog">>>;

/** Catalog products as cards, in the shopper's language, with "Habis" / "Tersisa 3" where it matters. */
export function toCards(products: readonly CatalogProduct[], locale: Locale, t: CatalogT): ProductCardData[] {
  return products.map((product) => {
    const level = stockLevel(product.stock);
    const stockNote =
      level.kind === "soldOut" ? { text: t("card.soldOut"), soldOut: true } : level.kind === "low" ? { text: t("card.onlyLeft", { count: level.left }), soldOut: false } : undefined;
    return { id: product.id, slug: product.slug, name: localized(product, locale).name, priceIdr: product.priceIdr, imagePath: product.imagePath, stockNote };
  });
}

export function toCategoryLinks(categories: readonly CatalogCategory[], products: readonly CatalogProduct[], locale: Locale, t: CatalogT): CategoryLinkData[] {
  return categories.map((category) => ({
    slug: category.slug,
    name: localizedName(category, locale),
    count: t("categories.productCount", { count: products.filter((p) => p.categoryId === category.id).length }),
  }));
}

export function searchFormLabels(t: CatalogT): SearchFormLabels {
  return { label: t("search.label"), placeholder: t("search.placeholder"), submit: t("search.submit") };
}

/**
 * One page of a product list (home, a category, search results): sorting links, "Menampilkan 1–12 dari 13 produk",
 * the cards and the page links. `path` and `query` make the links keep everything but what they change.
 */
export async function ProductListing({
  listing,
  sort,
  path,
  query,
  heading,
  aboveTheFold = false,
}: {
  listing: Page<CatalogProduct>;
  sort: Sort;
  path: string;
  query?: string;
  /** An h2 over the list (then the cards are h3); without it the cards are h2 under the page's h1. */
  heading?: string;
  aboveTheFold?: boolean;
}) {
  const [t, locale] = await Promise.all([getTranslations("catalog"), getLocale().then(asLocale)]);
  const from = (listing.page - 1) * PAGE_SIZE + 1;
  return (
    <section aria-labelledby={heading ? "listing-heading" : undefined} aria-label={heading ? undefined : t("listing.products")} className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        {heading ? (
          <h2 id="listing-heading" className="text-lg font-semibold">
            {heading}
          </h2>
        ) : null}
        <SortLinks
          label={t("sort.label")}
          options={SORTS.map((option) => ({ label: t(`sort.${option}`), href: listHref(path, { query, sort: option, page: 1 }), current: option === sort }))}
        />
      </div>
      <p className="text-sm text-stone-600" data-testid="listing-range">
        {t("pagination.showing", { from, to: from + listing.items.length - 1, total: listing.total })}
      </p>
      <ProductGrid products={toCards(listing.items, locale, t)} aboveTheFold={aboveTheFold} headingLevel={heading ? 3 : 2} />
      <Pagination
        labels={{ label: t("pagination.label"), previous: t("pagination.previous"), next: t("pagination.next"), page: (n) => t("pagination.page", { page: n }) }}
        page={listing.page}
        pageCount={listing.pageCount}
        hrefFor={(n) => listHref(path, { query, sort, page: n })}
      />
    </section>
  );
}
