import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Breadcrumb } from "@/components/catalog/breadcrumb";
import { CategoryNav } from "@/components/catalog/category-nav";
import { ProductListing, searchFormLabels, toCategoryLinks } from "@/components/catalog/product-listing";
import { SearchForm } from "@/components/catalog/search-form";
import { EmptyState } from "@/components/ui/empty-state";
import { parsePage, parseSort } from "@/lib/catalog/browse";
import { localizedName } from "@/lib/catalog/localized";
import { getCatalog, getCategoryBySlug } from "@/lib/catalog/queries";
import { findProducts } from "@/lib/catalog/search";
import { asLocale } from "@/lib/i18n/locales";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [category, t, locale] = await Promise.all([getCategoryBySlug((await params).slug), getTranslations("catalog.categories"), getLocale().then(asLocale)]);
  if (!category) return { title: t("notFound") };
  const name = localizedName(category, locale);
  return { title: name, description: t("metaDescription", { category: name }) };
}

export default async function CategoryPage({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const sort = parseSort(query.sort);
  const [t, locale, catalog, listing] = await Promise.all([
    getTranslations("catalog"),
    getLocale().then(asLocale),
    getCatalog(),
    findProducts({ categorySlug: slug, sort, page: parsePage(query.page) }),
  ]);
  if (!listing.category) notFound();
  const name = localizedName(listing.category, locale);
  return (
    <section aria-labelledby="category-heading" className="space-y-8">
      <div className="space-y-2">
        <Breadcrumb label={t("breadcrumb.label")} trail={[{ href: "/", name: t("breadcrumb.home") }]} current={name} />
        <h1 id="category-heading" className="text-2xl font-semibold tracking-tight">
          {name}
        </h1>
        <p className="text-stone-600">{t("categories.productCount", { count: listing.total })}</p>
      </div>
      <SearchForm labels={searchFormLabels(t)} />
      <CategoryNav heading={t("categories.heading")} categories={toCategoryLinks(catalog.categories, catalog.products, locale, t)} current={slug} />
      {listing.total === 0 ? (
        <EmptyState link={{ href: "/", label: t("breadcrumb.home") }}>{t("categories.empty")}</EmptyState>
      ) : (
        <ProductListing listing={listing} sort={sort} path={`/categories/${slug}`} heading={t("listing.products")} aboveTheFold />
      )}
    </section>
  );
}
