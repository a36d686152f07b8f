import type { Metadata } from "next";
import Image from "next/image";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AddToCartForm } from "@/components/cart/add-to-cart-form";
import { Breadcrumb } from "@/components/catalog/breadcrumb";
import { localized, localizedName } from "@/lib/catalog/localized";
import { formatWeight, stockLevel } from "@/lib/catalog/presentation";
import { getActiveProductBySlug, listCategories } from "@/lib/catalog/queries";
import { asLocale } from "@/lib/i18n/locales";
import { formatIdr } from "@/lib/money";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [product, t, locale] = await Promise.all([getActiveProductBySlug((await params).slug), getTranslations("catalog.product"), getLocale().then(asLocale)]);
  if (!product) return { title: t("notFound") };
  const texts = localized(product, locale);
  return { title: texts.name, description: texts.description };
}

export default async function ProductPage({ params }: Props) {
  const [product, categories, t, locale] = await Promise.all([
    params.then(({ slug }) => getActiveProductBySlug(slug)),
    listCategories(),
    getTranslations("catalog"),
    getLocale().then(asLocale),
  ]);
  if (!product) notFound();
  const texts = localized(product, locale);
  const category = categories.find((c) => c.id === product.categoryId);
  const level = stockLevel(product.stock);
  const availability = level.kind === "soldOut" ? t("product.soldOut") : level.kind === "low" ? t("product.onlyLeft", { count: level.left }) : t("product.inStock");
  const origin = [product.origin, product.maker].filter(Boolean).join(" · ");
  return (
    <article className="space-y-6">
      <Breadcrumb
        label={t("breadcrumb.label")}
        trail={[{ href: "/", name: t("breadcrumb.home") }, ...(category ? [{ href: `/categories/${category.slug}`, name: localizedName(category, locale) }] : [])]}
      />
      <div className="grid gap-8 md:grid-cols-2">
        {/* The heading beside it names the product; the picture is decoration for a screen reader. */}
        <Image
          src={product.imagePath}
          alt=""
          width={600}
          height={600}
          sizes="(min-width: 1024px) 540px, (min-width: 768px) 50vw, 100vw"
          preload
          className="w-full rounded-lg border border-stone-200"
        />
        <div className="space-y-5">
          <div className="space-y-2">
            <h1 className="text-3xl font-semibold tracking-tight">{texts.name}</h1>
            {/* Where it is from and who made it: "Aceh Tengah · Koperasi Kopi Gayo" (proper names, the same in both languages). */}
            {origin ? <p className="text-stone-600">{origin}</p> : null}
          </div>
          <p className="text-2xl font-semibold text-stone-800">{formatIdr(product.priceIdr)}</p>
          <p className="leading-relaxed text-stone-700">{texts.description}</p>
          <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 rounded-lg border border-stone-200 bg-white p-4 text-sm">
            <dt className="text-stone-600">{t("product.weight")}</dt>
            <dd>{formatWeight(product.weightGrams, locale)}</dd>
            <dt className="text-stone-600">{t("product.stock")}</dt>
            <dd data-testid="product-stock" className={level.kind === "inStock" ? "text-brand-700" : "font-semibold text-amber-800"}>
              {availability}
            </dd>
          </dl>
          {level.kind === "soldOut" ? (
            <div className="space-y-2">
              <button type="button" disabled className="cursor-not-allowed rounded-md bg-stone-300 px-4 py-2 text-sm font-medium text-stone-700">
                {t("product.addToCart")}
              </button>
              <p className="text-sm text-stone-700">{t("product.soldOutNote")}</p>
            </div>
          ) : (
            <AddToCartForm productId={product.id} />
          )}
          {texts.details.length > 0 ? (
            <section aria-labelledby="details-heading" className="space-y-2">
              <h2 id="details-heading" className="font-semibold">
                {t("product.details")}
              </h2>
              <ul className="list-disc space-y-1 pl-5 text-stone-700">
                {texts.details.map((detail) => (
                  <li key={detail}>{detail}</li>
                ))}
              </ul>
            </section>
          ) : null}
        </div>
      </div>
    </article>
  );
}
