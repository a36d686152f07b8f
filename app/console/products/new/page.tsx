import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { productFormLabels } from "@/components/console/catalog/labels";
import { ProductForm } from "@/components/console/catalog/product-form";
import { PageSection } from "@/components/ui/page-section";
import { merchantMetadata, requireMerchant } from "@/lib/auth/merchant";
import { PRODUCT_FIELDS } from "@/lib/catalog/admin-limits";
import { listAllCategories } from "@/lib/catalog/admin-queries";
import { localizedName } from "@/lib/catalog/localized";
import { asLocale } from "@/lib/i18n/locales";

export async function generateMetadata(): Promise<Metadata> {
  return merchantMetadata(async () => ({ title: (await getTranslations("consoleCatalog.edit"))("newTitle") }));
}

export default async function NewProductPage() {
  await requireMerchant("/console/products/new");
  const [categories, labels, t, locale] = await Promise.all([listAllCategories(), productFormLabels("create"), getTranslations("consoleCatalog.edit"), getLocale().then(asLocale)]);
  const empty = Object.fromEntries(PRODUCT_FIELDS.map((field) => [field, ""])) as Record<(typeof PRODUCT_FIELDS)[number], string>;
  return (
    <PageSection title={t("newTitle")} intro={t("newIntro")}>
      <Link href="/console/products" className="text-sm text-brand-700 hover:underline">
        ← {t("back")}
      </Link>
      <ProductForm values={empty} categories={categories.map((c) => ({ value: String(c.id), label: localizedName(c, locale) }))} labels={labels} />
    </PageSection>
  );
}
