import { getLocale, getTranslations } from "next-intl/server";
import { formatWib } from "@/lib/datetime";
import { COURIERS, trackingUrl } from "@/lib/delivery/couriers";
import type { OrderTimeline } from "@/lib/delivery/timeline";
import { timelineSteps } from "@/lib/delivery/timeline";

/**
 * The customer's view of an order's way to them: ordered, paid, packed, shipped (with the courier, and the resi
 * as a link to the courier's own tracking page), delivered; a return or a cancelled shipment where one happened.
 */
export async function FulfilmentTimeline({ order }: { order: OrderTimeline }) {
  const [t, locale] = await Promise.all([getTranslations("fulfilment.timeline"), getLocale()]);
  const steps = timelineSteps(order);
  const current = steps.findLast((step) => step.at)?.key;
  return (
    <section aria-labelledby="timeline-heading" data-testid="order-timeline" className="rounded-lg border border-stone-200 bg-white p-5">
      <h2 id="timeline-heading" className="mb-3 font-semibold">
        {t("heading")}
      </h2>
      <ol className="space-y-3">
        {steps.map((step) => (
          <li key={step.key} data-testid={`timeline-${step.key}`} data-done={step.at ? "true" : "false"} aria-current={step.key === current ? "step" : undefined} className="flex gap-3">
            <span
              aria-hidden
              className={`mt-0.5 flex size-5 shrink-0 items-center justify-center rounded-full text-xs font-bold ${step.at ? (step.key === "cancelled" || step.key === "returned" ? "bg-stone-500 text-white" : "bg-brand-700 text-white") : "border-2 border-stone-300 bg-white"}`}
            >
              {step.at ? "✓" : ""}
            </span>
            <div className="text-sm">
              <p className={step.at ? "font-medium text-stone-900" : "text-stone-600"}>
                {t(step.key)} <span className="font-normal text-stone-600">· {step.at ? formatWib(step.at, locale) : t("notYet")}</span>
              </p>
              {step.key === "shipped" && order.courier && order.trackingNumber ? (
                <p className="text-stone-700" data-testid="timeline-shipment">
                  {t("shippedWith", { courier: COURIERS[order.courier].name, resi: order.trackingNumber })}
                  <br />
                  <a href={trackingUrl(order.courier, order.trackingNumber)} target="_blank" rel="noopener noreferrer" className="text-brand-700 underline">
                    {t("track", { courier: COURIERS[order.courier].name })}
                    <span className="sr-only"> {t("newTab")}</span>
                  </a>
                </p>
              ) : null}
              {step.key === "cancelled" ? <p className="text-stone-700">{t("cancelledNote")}</p> : null}
              {step.key === "returned" ? <p className="text-stone-700">{t("returnedNote")}</p> : null}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
