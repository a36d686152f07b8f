import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LocaleSwitch } from "@/components/locale-switch";
import { SubmitButton } from "@/components/ui/submit-button";
import { signOutAction } from "@/lib/account/actions";
import { findMerchant } from "@/lib/auth/merchant";
import { getSessionUserId } from "@/lib/auth/session";
import { getCurrentCartId } from "@/lib/cart/current-cart";
import { getCartItemCount } from "@/lib/cart/queries";

const linkClass = "rounded px-2 py-1 text-stone-700 hover:text-brand-700";

export async function SiteHeader() {
  const [count, userId, t] = await Promise.all([getCurrentCartId().then(getCartItemCount), getSessionUserId(), getTranslations("common")]);
  const merchant = userId ? await findMerchant(userId) : undefined;
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-4 sm:px-6">
        <Link href="/" className="text-lg font-semibold tracking-tight text-brand-800">
          {t("site.name")}
        </Link>
        <nav aria-label={t("nav.label")} className="flex flex-wrap items-center gap-1 text-sm sm:gap-3">
          <Link href="/" className={linkClass}>
            {t("nav.catalog")}
          </Link>
          {merchant ? (
            <Link href="/console" className={linkClass}>
              {t("nav.console")}
            </Link>
          ) : null}
          {userId ? (
            <>
              <Link href="/account" className={linkClass}>
                {t("nav.account")}
              </Link>
              <form action={signOutAction}>
                <SubmitButton variant="secondary" pendingLabel={t("nav.signingOut")} className="!px-2 !py-1">
                  {t("nav.signOut")}
                </SubmitButton>
              </form>
            </>
          ) : (
            <>
              <Link href="/sign-in" className={linkClass}>
                {t("nav.signIn")}
              </Link>
              <Link href="/sign-up" className={linkClass}>
                {t("nav.signUp")}
              </Link>
            </>
          )}
          <Link href="/cart" className={`flex items-center gap-2 ${linkClass}`} aria-label={t("nav.cartLabel", { count })}>
            {t("nav.cart")}
            <span data-testid="cart-count" className="min-w-6 rounded-full bg-brand-700 px-2 py-0.5 text-center text-xs font-semibold text-white">
              {count}
            </span>
          </Link>
          <LocaleSwitch />
        </nav>
      </div>
    </header>
  );
}
