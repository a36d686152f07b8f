import { getLocale, getTranslations } from "next-intl/server";
import { AddressLines } from "@/components/delivery/address-card";
import { INTL_TAG } from "@/lib/i18n/locales";
import { snapshotEtaText, type OrderDeliverySnapshot } from "@/lib/delivery/presentation";

/** Where the order goes and how, as it was when the order was made, in the shopper's language. */
export async function OrderDelivery({ delivery }: { delivery: OrderDeliverySnapshot }) {
  const [t, tDelivery, locale] = await Promise.all([getTranslations("orders.delivery"), getTranslations("checkout.delivery"), getLocale()]);
  const kg = (delivery.weightGrams / 1000).toLocaleString(INTL_TAG[locale], { maximumFractionDigits: 2 });
  return (
    <div data-testid="order-delivery" className="space-y-2 rounded-lg border border-stone-200 bg-white p-5">
      <h2 className="font-semibold">{t("heading")}</h2>
      <AddressLines address={delivery.address} />
      <p className="text-sm text-stone-700">
        {delivery.option.name} · {snapshotEtaText(tDelivery, delivery.option.etaLabel)} · {t("weight", { kg })}
      </p>
    </div>
  );
}
