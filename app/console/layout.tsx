import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ConsoleNav } from "@/components/console/console-nav";
import { notFound } from "next/navigation";
import { findMerchant } from "@/lib/auth/merchant";
import { getSessionUserId } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("console.layout");
  return { title: { default: t("title"), template: t("titleTemplate") }, robots: { index: false } };
}

/**
 * Merchants only. A customer gets the 404 here already; a signed-out visitor is sent to sign-in by the page's own
 * requireMerchant(), which knows the exact address to come back to. Each page and action checks: a layout is not
 * re-run on every navigation.
 */
export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const userId = await getSessionUserId();
  if (!userId) return children;
  const merchant = await findMerchant(userId);
  if (!merchant) notFound();
  const t = await getTranslations("console");
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">{t("layout.kicker")}</p>
        <p className="text-sm text-stone-600">{t("layout.signedInAs", { email: merchant.email })}</p>
      </div>
      <ConsoleNav labels={{ nav: t("nav.label"), overview: t("nav.overview"), orders: t("nav.orders"), callbacks: t("nav.callbacks"), products: t("nav.products") }} />
      {children}
    </div>
  );
}
