import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { FulfilmentBadge } from "@/components/orders/fulfilment-badge";
import type { FulfilmentPanelView } from "@/lib/console/fulfilment-view";
import { formatWib } from "@/lib/datetime";
import { COURIER_IDS, COURIERS, trackingUrl } from "@/lib/delivery/couriers";
import { orderNumber } from "@/lib/payments/ids";
import { FulfilmentStepForm, ShipForm } from "./fulfilment-forms";

/**
 * The console's fulfilment panel of one order: its state, the next steps the vocabulary allows (and the payment
 * rule permits), the shipment with its tracking page, the packing slip, and who did what.
 */
export async function FulfilmentPanel({ view }: { view: FulfilmentPanelView }) {
  const [t, locale] = await Promise.all([getTranslations("fulfilment.panel"), getLocale()]);
  const { order, steps, blockedBy, courierChoice, history } = view;
  const number = orderNumber(order.id);
  const stepLabels = {
    pack: { submit: t("pack"), pending: t("packing") },
    deliver: { submit: t("deliver"), pending: t("delivering") },
    return: { submit: t("return"), pending: t("returning") },
  } as const;
  return (
    <section aria-labelledby="fulfilment-heading" data-testid="fulfilment-panel" className="space-y-4 rounded-lg border border-stone-200 bg-white p-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="fulfilment-heading" className="font-semibold">
          {t("heading")}
        </h2>
        <Link href={`/console/orders/slips?id=${order.id}`} className="rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium text-stone-800 hover:bg-stone-100">
          {t("printSlip")}
        </Link>
      </div>
      <p className="flex flex-wrap items-center gap-2 text-sm" role="status">
        <span className="text-stone-600">{t("state")}</span>
        <FulfilmentBadge status={order.fulfilmentStatus} testId="console-fulfilment-status" />
      </p>
      {order.courier && order.trackingNumber ? (
        <p className="text-sm" data-testid="console-shipment">
          {t("shippedWith", { courier: COURIERS[order.courier].name, resi: order.trackingNumber })} ·{" "}
          <a href={trackingUrl(order.courier, order.trackingNumber)} className="text-brand-700 underline" target="_blank" rel="noopener noreferrer">
            {t("track")}
          </a>
        </p>
      ) : null}
      {blockedBy === "unpaid" ? <p className="text-sm text-stone-600">{t("notPaid")}</p> : null}
      {blockedBy === "refunded" || blockedBy === "voided" ? <p className="text-sm text-stone-600">{t("allBack")}</p> : null}
      {!blockedBy && steps.length === 0 ? <p className="text-sm text-stone-600">{t("done")}</p> : null}
      {steps.length > 0 ? (
        <div className="flex flex-wrap items-start gap-4">
          {steps.map((step) =>
            step === "ship" ? (
              <div key={step} className="w-full max-w-md">
                <ShipForm
                  orderId={order.id}
                  defaultCourier={courierChoice.chosen ?? COURIER_IDS[0]!}
                  couriers={COURIER_IDS.map((id) => ({
                    id,
                    label: id === courierChoice.chosen && courierChoice.service ? t("courierChosen", { courier: COURIERS[id].name, service: courierChoice.service }) : COURIERS[id].name,
                  }))}
                  labels={{
                    form: t("shipForm", { number }),
                    courier: t("courier"),
                    resi: t("resi"),
                    resiHint: Object.fromEntries(COURIER_IDS.map((id) => [id, t("resiHint", { example: COURIERS[id].resiExample })])),
                    submit: t("ship"),
                    pending: t("shipping"),
                  }}
                />
              </div>
            ) : (
              <FulfilmentStepForm key={step} orderId={order.id} step={step} labels={stepLabels[step]} variant={step === "return" ? "secondary" : "primary"} />
            ),
          )}
        </div>
      ) : null}
      <div className="border-t border-stone-200 pt-3">
        <h3 className="mb-2 text-sm font-medium">{t("historyHeading")}</h3>
        {history.length === 0 ? (
          <p className="text-sm text-stone-600">{t("historyEmpty")}</p>
        ) : (
          <ol className="space-y-1 text-sm" data-testid="fulfilment-history">
            {history.map((entry) => (
              <li key={entry.id}>
                {t("historyLine", { date: formatWib(entry.createdAt, locale, "precise"), email: entry.actorEmail, action: t(`action.${entry.action}`) })}
                {entry.detail ? ` · ${entry.detail}` : ""} ·{" "}
                <span className={entry.outcome === "succeeded" ? "text-emerald-800" : "text-red-700"}>{t(`outcome.${entry.outcome}`)}</span>
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}
