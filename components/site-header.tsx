import Link from "next/link";
import { getCartItemCount } from "@/lib/cart/queries";
import { getCurrentCartId } from "@/lib/cart/current-cart";

export async function SiteHeader() {
  const count = await getCartItemCount(await getCurrentCartId());
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-4 sm:px-6">
        <Link href="/" className="text-lg font-semibold tracking-tight text-brand-800">
          Toko Nusantara
        </Link>
        <nav aria-label="Main" className="flex items-center gap-1 text-sm sm:gap-4">
          <Link href="/" className="rounded px-2 py-1 text-stone-700 hover:text-brand-700">
            Catalog
          </Link>
          <Link
            href="/cart"
            className="flex items-center gap-2 rounded px-2 py-1 text-stone-700 hover:text-brand-700"
            aria-label={`Cart, ${count} ${count === 1 ? "item" : "items"}`}
          >
            Cart
            <span data-testid="cart-count" className="min-w-6 rounded-full bg-brand-700 px-2 py-0.5 text-center text-xs font-semibold text-white">
              {count}
            </span>
          </Link>
        </nav>
      </div>
    </header>
  );
}
