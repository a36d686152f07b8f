import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ConsoleNav } from "@/components/console/console-nav";
import { merchantMetadata, requireMerchant } from "@/lib/auth/merchant";

export async function generateMetadata(): Promise<Metadata> {
  return merchantMetadata(async () => {
    const t = await getTranslations("console.layout");
    return { title: { default: t("title"), template: t("titleTemplate") }, robots: { index: false } };
  });
}

/** Merchants only; anyone else gets the shop's 404. Each page and action checks too: a layout is not re-run on every navigation. */
export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const merchant = await requireMerchant();
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
