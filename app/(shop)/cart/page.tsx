import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { CartLines, type CartLineLabels } from "@/components/cart/cart-lines";
import { EmptyState } from "@/components/ui/empty-state";
import { getCurrentCartId } from "@/lib/cart/current-cart";
import { getCartView } from "@/lib/cart/queries";
import { formatIdr } from "@/lib/money";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("cart.meta");
  return { title: t("title") };
}

export default async function CartPage() {
  const locale = await getLocale();
  const [cart, t] = await Promise.all([getCurrentCartId().then((cartId) => getCartView(cartId, locale)), getTranslations("cart")]);
  // Each line's words, with its product's name in them: the client component only shows them.
  const labels: Record<number, CartLineLabels> = Object.fromEntries(
    cart.lines.map((line) => [
      line.productId,
      {
        each: t("line.each", { price: formatIdr(line.unitPriceIdr) }),
        unavailable: t("line.unavailable"),
        decrease: t("line.decrease", { name: line.name }),
        increase: t("line.increase", { name: line.name }),
        quantityOf: t("line.quantityOf", { name: line.name }),
        remove: t("line.remove"),
        removeLabel: t("line.removeLabel", { name: line.name }),
        removing: t("line.removing"),
      },
    ]),
  );
  return (
    <section aria-labelledby="cart-heading" className="space-y-6">
      <h1 id="cart-heading" className="text-2xl font-semibold tracking-tight">
        {t("heading")}
      </h1>
      {cart.lines.length === 0 ? (
        <EmptyState link={{ href: "/", label: t("browse") }}>{t("empty")}</EmptyState>
      ) : (
        <div className="grid gap-6 lg:grid-cols-[1fr_320px]">
          <CartLines lines={cart.lines} labels={labels} />
          <aside aria-labelledby="summary-heading" className="h-fit space-y-4 rounded-lg border border-stone-200 bg-white p-5">
            <h2 id="summary-heading" className="font-semibold">
              {t("summary.heading")}
            </h2>
            <dl className="space-y-2 text-sm">
              <div className="flex justify-between">
                <dt>{t("summary.items")}</dt>
                <dd data-testid="cart-item-count">{cart.itemCount}</dd>
              </div>
              <div className="flex justify-between border-t border-stone-200 pt-2 text-base font-semibold">
                <dt>{t("summary.total")}</dt>
                <dd data-testid="cart-total">{formatIdr(cart.totalIdr)}</dd>
              </div>
            </dl>
            {cart.lines.some((line) => !line.available) ? (
              <p className="text-sm text-amber-900">{t("summary.removeUnavailable")}</p>
            ) : (
              <Link href="/checkout" className="block rounded-md bg-brand-700 px-4 py-2 text-center text-sm font-medium text-white hover:bg-brand-800">
                {t("summary.checkout")}
              </Link>
            )}
          </aside>
        </div>
      )}
    </section>
  );
}
