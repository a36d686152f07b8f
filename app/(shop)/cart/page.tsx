import type { Metadata } from "next";
import Link from "next/link";
import { CartLines } from "@/components/cart/cart-lines";
import { getCurrentCartId } from "@/lib/cart/current-cart";
import { getCartView } from "@/lib/cart/queries";
import { formatIdr } from "@/lib/money";

export const metadata: Metadata = { title: "Cart" };

export default async function CartPage() {
  const cart = await getCartView(await getCurrentCartId());
  return (
    <section aria-labelledby="cart-heading" className="space-y-6">
      <h1 id="cart-heading" className="text-2xl font-semibold tracking-tight">
        Your cart
      </h1>
      {cart.lines.length === 0 ? (
        <div className="rounded-lg border border-dashed border-stone-300 bg-white p-10 text-center">
          <p className="text-stone-700">Your cart is empty.</p>
          <Link href="/" className="mt-4 inline-block rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">
            Browse the catalog
          </Link>
        </div>
      ) : (
        <div className="grid gap-6 lg:grid-cols-[1fr_320px]">
          <CartLines lines={cart.lines} />
          <aside aria-labelledby="summary-heading" className="h-fit space-y-4 rounded-lg border border-stone-200 bg-white p-5">
            <h2 id="summary-heading" className="font-semibold">
              Summary
            </h2>
            <dl className="space-y-2 text-sm">
              <div className="flex justify-between">
                <dt>Items</dt>
                <dd data-testid="cart-item-count">{cart.itemCount}</dd>
              </div>
              <div className="flex justify-between border-t border-stone-200 pt-2 text-base font-semibold">
                <dt>Total</dt>
                <dd data-testid="cart-total">{formatIdr(cart.totalIdr)}</dd>
              </div>
            </dl>
            {cart.lines.some((line) => !line.available) ? (
              <p className="text-sm text-amber-900">Remove the products that are no longer available to check out.</p>
            ) : (
              <Link href="/checkout" className="block rounded-md bg-brand-700 px-4 py-2 text-center text-sm font-medium text-white hover:bg-brand-800">
                Checkout
              </Link>
            )}
          </aside>
        </div>
      )}
    </section>
  );
}
