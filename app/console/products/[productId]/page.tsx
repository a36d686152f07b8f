import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ProductEditor } from "@/components/console/catalog/product-editor";
import { merchantMetadata, requireMerchant } from "@/lib/auth/merchant";
import { getProductForConsole, listAllCategories, listProductHistory, parseProductId } from "@/lib/catalog/admin-queries";

type Props = { params: Promise<{ productId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return merchantMetadata(async () => {
    const productId = parseProductId((await params).productId);
    const [product, t] = await Promise.all([productId === undefined ? undefined : getProductForConsole(productId), getTranslations("consoleCatalog")]);
    return { title: product ? t("edit.title", { name: product.name }) : t("notFound") };
  });
}

export default async function ConsoleProductPage({ params, searchParams }: Props) {
  const { productId: raw } = await params;
  await requireMerchant(`/console/products/${encodeURIComponent(raw)}`);
  const productId = parseProductId(raw);
  if (productId === undefined) notFound();
  const [product, categories, history, query] = await Promise.all([getProductForConsole(productId), listAllCategories(), listProductHistory(productId), searchParams]);
  if (!product) notFound();
  return <ProductEditor product={product} categories={categories} history={history} justCreated={query.created === "1"} />;
}
