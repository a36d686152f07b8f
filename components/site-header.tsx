import Link from "next/link";
import { SubmitButton } from "@/components/ui/submit-button";
import { signOutAction } from "@/lib/account/actions";
import { getSessionUserId } from "@/lib/auth/session";
import { getCurrentCartId } from "@/lib/cart/current-cart";
import { getCartItemCount } from "@/lib/cart/queries";

const linkClass = "rounded px-2 py-1 text-stone-700 hover:text-brand-700";

export async function SiteHeader() {
  const [count, userId] = await Promise.all([getCurrentCartId().then(getCartItemCount), getSessionUserId()]);
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-4 sm:px-6">
        <Link href="/" className="text-lg font-semibold tracking-tight text-brand-800">
          Toko Nusantara
        </Link>
        <nav aria-label="Main" className="flex flex-wrap items-center gap-1 text-sm sm:gap-3">
          <Link href="/" className={linkClass}>
            Catalog
          </Link>
          {userId ? (
            <>
              <Link href="/account" className={linkClass}>
                Account
              </Link>
              <form action={signOutAction}>
                <SubmitButton variant="secondary" pendingLabel="Signing out…" className="!px-2 !py-1">
                  Sign out
                </SubmitButton>
              </form>
            </>
          ) : (
            <Link href="/sign-in" className={linkClass}>
              Sign in
            </Link>
          )}
          <Link href="/cart" className={`flex items-center gap-2 ${linkClass}`} aria-label={`Cart, ${count} ${count === 1 ? "item" : "items"}`}>
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
