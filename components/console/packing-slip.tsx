import { getLocale, getTranslations } from "next-intl/server";
import { AddressLines } from "@/components/delivery/address-card";
import type { PackingSlip as Slip } from "@/lib/console/packing-slips";
import { formatWib } from "@/lib/datetime";
import { SHIP_FROM } from "@/lib/delivery/rates";
import { INTL_TAG } from "@/lib/i18n/locales";

/**
 * One packing slip, laid out for an A6 label (105 × 148 mm): the order number large and as a barcode, the
 * recipient and address, the courier service and weight, and what goes in the parcel. On screen it is a card of the
 * same proportions; app/globals.css prints each on its own page.
 */
export async function PackingSlip({ slip }: { slip: Slip }) {
  const [t, tSite, locale] = await Promise.all([getTranslations("fulfilment.slip"), getTranslations("common.site"), getLocale()]);
  const { delivery } = slip;
  const kg = delivery ? (delivery.weightGrams / 1000).toLocaleString(INTL_TAG[locale], { maximumFractionDigits: 2 }) : null;
  return (
    <article data-testid="packing-slip" aria-label={t("order", { number: slip.number })} className="packing-slip w-full max-w-[105mm] space-y-3 rounded-lg border border-stone-300 bg-white p-4 text-[13px] leading-snug text-black sm:min-h-[148mm]">
      <header className="flex items-baseline justify-between gap-2 border-b border-black pb-1">
        <span className="font-semibold">{tSite("name")}</span>
        <span className="text-xs">{t("placed", { date: formatWib(slip.createdAt, locale, "date") })}</span>
      </header>
      <div>
        <p className="text-lg font-bold tracking-wide">{t("order", { number: slip.number })}</p>
        <div role="img" aria-label={t("barcode", { number: slip.number })} data-testid="slip-barcode" className="mt-1 w-full [&>svg]:h-14 [&>svg]:w-full" dangerouslySetInnerHTML={{ __html: slip.barcodeSvg }} />
      </div>
      <div className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-2">
        <p className="text-xs font-semibold uppercase">{t("to")}</p>
        {delivery ? <AddressLines address={delivery.address} /> : <p>{t("noDelivery")}</p>}
        <p className="text-xs font-semibold uppercase">{t("from")}</p>
        <p>
          {tSite("name")}, {SHIP_FROM.city} {SHIP_FROM.postalCode}
        </p>
        {delivery ? (
          <>
            <p className="text-xs font-semibold uppercase">{t("service")}</p>
            <p className="font-semibold">
              {delivery.option.name} · {t("weight", { kg: kg ?? "" })}
            </p>
          </>
        ) : null}
      </div>
      <table className="w-full border-t border-black text-left">
        <caption className="sr-only">{t("items")}</caption>
        <thead>
          <tr>
            <th scope="col" className="py-1 font-semibold">
              {t("item")}
            </th>
            <th scope="col" className="py-1 text-right font-semibold">
              {t("quantity")}
            </th>
          </tr>
        </thead>
        <tbody>
          {slip.items.map((item) => (
            <tr key={item.name} className="border-t border-stone-300">
              <td className="py-1 pr-2">{item.name}</td>
              <td className="py-1 text-right font-semibold tabular-nums">{item.quantity}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}
