import { useTranslations } from "next-intl";
import { AddToCartFields } from "./add-to-cart-fields";

/** "Add to cart" on a product page, in the shopper's language (the form itself is a client component). */
export function AddToCartForm({ productId }: { productId: number }) {
  const t = useTranslations("cart.add");
  return <AddToCartFields productId={productId} labels={{ quantity: t("quantity"), submit: t("submit"), pending: t("pending"), viewCart: t("viewCart") }} />;
}
