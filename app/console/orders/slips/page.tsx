import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PackingSlip } from "@/components/console/packing-slip";
import { PrintButton } from "@/components/console/print-button";
import { merchantMetadata, requireMerchant } from "@/lib/auth/merchant";
import { getPackingSlips, parseSlipIds } from "@/lib/console/packing-slips";

export async function generateMetadata(): Promise<Metadata> {
  return merchantMetadata(async () => ({ title: (await getTranslations("fulfilment.slip"))("title") }));
}

type Props = { searchParams: Promise<{ id?: string | string[] }> };

/** GET /console/orders/slips?id=…&id=…: printable packing slips, one A6 page each. Merchants only. */
export default async function PackingSlipsPage({ searchParams }: Props) {
  const { id } = await searchParams;
  const ids = parseSlipIds(id);
  await requireMerchant(`/console/orders/slips${ids ? `?${ids.map((value) => `id=${value}`).join("&")}` : ""}`);
  const [t, locale] = await Promise.all([getTranslations("fulfilment.slip"), getLocale()]);
  const { slips, missing } = ids ? await getPackingSlips(ids, locale) : { slips: [], missing: 0 };
  return (
    <section className="space-y-4" aria-labelledby="slips-heading">
      <div className="flex flex-wrap items-center justify-between gap-3 print:hidden">
        <div>
          <Link href="/console/orders" className="text-sm text-brand-700 hover:underline">
            {t("back")}
          </Link>
          <h1 id="slips-heading" className="mt-1 text-2xl font-semibold tracking-tight">
            {t("heading", { count: slips.length })}
          </h1>
          <p className="text-sm text-stone-600">{t("hint")}</p>
        </div>
        {slips.length > 0 ? <PrintButton label={t("print")} /> : null}
      </div>
      {!ids ? <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{t("invalid")}</p> : null}
      {missing > 0 ? <p role="alert" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("missing", { count: missing })}</p> : null}
      {ids && slips.length === 0 ? <p className="rounded-lg border border-dashed border-stone-300 bg-white px-4 py-8 text-center text-sm text-stone-600">{t("empty")}</p> : null}
      <div className="packing-slips flex flex-wrap gap-4">
        {slips.map((slip) => (
          <PackingSlip key={slip.id} slip={slip} />
        ))}
      </div>
    </section>
  );
}
