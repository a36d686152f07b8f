import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { FormMessage } from "@/components/ui/form-field";
import { productFormValues } from "@/lib/catalog/admin-validation";
import { localizedName } from "@/lib/catalog/localized";
import { asLocale } from "@/lib/i18n/locales";
import { PICTURE_RULES } from "@/lib/media/picture";
import type { ConsoleCategory, ConsoleProduct, ProductHistoryEntry } from "@/lib/catalog/admin-queries";
import { DeleteForm } from "./delete-form";
import { pictureFormLabels, productFormLabels } from "./labels";
import { PictureForm } from "./picture-form";
import { ProductForm } from "./product-form";
import { ProductHistory } from "./product-history";
import { PublishForm } from "./publish-form";
import { PublishedBadge } from "./published-badge";

function Panel({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
      <h2 id={id} className="font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** The console's product page: the edit form, then picture, publishing, deletion and the change history beside it. */
export async function ProductEditor({ product, categories, history, justCreated }: { product: ConsoleProduct; categories: ConsoleCategory[]; history: ProductHistoryEntry[]; justCreated: boolean }) {
  const [t, locale, formLabels, pictureLabels] = await Promise.all([getTranslations("consoleCatalog"), getLocale().then(asLocale), productFormLabels("edit"), pictureFormLabels()]);
  const shopPath = `/products/${product.slug}`;
  return (
    <section className="space-y-6" aria-labelledby="product-heading">
      <div className="space-y-2">
        <Link href="/console/products" className="text-sm text-brand-700 hover:underline">
          ← {t("edit.back")}
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <h1 id="product-heading" className="text-2xl font-semibold tracking-tight">
            {t("edit.title", { name: localizedName(product, locale) })}
          </h1>
          <PublishedBadge active={product.active} />
        </div>
        <p className="text-sm text-stone-600">
          {product.active ? (
            <Link href={shopPath} className="text-brand-700 hover:underline">
              {t("edit.viewInShop")}
            </Link>
          ) : (
            t("edit.address", { path: shopPath })
          )}
        </p>
      </div>
      {justCreated ? <FormMessage status="success" message={t("edit.created")} /> : null}
      <div className="grid gap-6 xl:grid-cols-[1fr_22rem]">
        <ProductForm
          product={{ id: product.id, updatedAt: product.updatedAt.toISOString(), stock: product.stock }}
          values={productFormValues(product)}
          categories={categories.map((c) => ({ value: String(c.id), label: localizedName(c, locale) }))}
          labels={formLabels}
        />
        <div className="space-y-6">
          <Panel id="picture-heading" title={t("picture.heading")}>
            <PictureForm productId={product.id} imagePath={product.imagePath} maxBytes={PICTURE_RULES.maxBytes} labels={pictureLabels} />
          </Panel>
          <Panel id="publish-heading" title={t("publish.heading")}>
            <PublishForm
              productId={product.id}
              active={product.active}
              labels={
                product.active
                  ? { state: t("publish.isPublished"), submit: t("publish.unpublish"), pending: t("publish.unpublishing") }
                  : { state: t("publish.isUnpublished"), submit: t("publish.publish"), pending: t("publish.publishing") }
              }
            />
          </Panel>
          <Panel id="delete-heading" title={t("delete.heading")}>
            <DeleteForm productId={product.id} labels={{ explain: t("delete.explain"), confirm: t("delete.confirm"), submit: t("delete.button"), pending: t("delete.deleting") }} />
          </Panel>
          <Panel id="history-heading" title={t("history.heading")}>
            <ProductHistory entries={history} categoryNames={new Map(categories.map((c) => [c.id, localizedName(c, locale)]))} />
          </Panel>
        </div>
      </div>
    </section>
  );
}
