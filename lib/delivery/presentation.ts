export type { OrderDeliverySnapshot } from "@/db/schema";
import type { getTranslations } from "next-intl/server";
import { formatIdr } from "@/lib/money";
import { ZONE_NAMES } from "./provinces";
import type { DeliveryProblem } from "./quote";
import type { DeliveryOptionId, OptionQuote, UnavailableWhy } from "./rates";

/**
 * How delivery reads on the checkout, the order page and the order list, in the shopper's language: every function
 * takes the page's translator for `checkout.delivery` (server components and actions only).
 */
export type DeliveryT = Awaited<ReturnType<typeof getTranslations<"checkout.delivery">>>;

/** Items subtotal and shipping, the rows above a total. */
export function deliveryRows(t: DeliveryT, itemsSubtotalIdr: number, optionName: string, shippingIdr: number) {
  return [
    { label: t("rows.items"), value: formatIdr(itemsSubtotalIdr), testId: "items-subtotal" },
    { label: t("rows.shipping", { option: optionName }), value: shippingLabel(t, shippingIdr), testId: "shipping-cost" },
  ];
}

export function shippingLabel(t: DeliveryT, shippingIdr: number): string {
  return shippingIdr === 0 ? t("free") : formatIdr(shippingIdr);
}

/** "next working day", "2-3 working days". */
export function etaText(t: DeliveryT, [fastest, slowest]: readonly [number, number]): string {
  if (slowest === 1) return t("eta.nextDay");
  return fastest === slowest ? t("eta.days", { days: fastest }) : t("eta.range", { fastest, slowest });
}

/**
 * An order's delivery time as its snapshot kept it: the snapshot stores rates.ts's English label ("2-3 working
 * days"), which is read back into days so that it is said in the shopper's language; an unknown label stays as is.
 */
export function snapshotEtaText(t: DeliveryT, etaLabel: string): string {
  if (etaLabel === "next working day") return t("eta.nextDay");
  const match = /^(\d+)(?:-(\d+))? working days$/.exec(etaLabel);
  if (!match) return etaLabel;
  const fastest = Number(match[1]);
  return etaText(t, [fastest, match[2] ? Number(match[2]) : fastest]);
}

const DESCRIPTIONS: Record<DeliveryOptionId, "regular" | "jneYes" | "sicepatBest"> = {
  "jne-reg": "regular",
  "jne-yes": "jneYes",
  "sicepat-best": "sicepatBest",
  "jnt-ez": "regular",
};

function unavailableText(t: DeliveryT, why: UnavailableWhy): string {
  if (why.kind === "zone") return t("unavailable.zone", { zone: ZONE_NAMES[why.zone] });
  return why.zone ? t("unavailable.weightTo", { kg: why.maxKg, zone: ZONE_NAMES[why.zone] }) : t("unavailable.weight", { kg: why.maxKg });
}

/** Each option as the picker shows it: its speed and price, or why it cannot take this parcel. */
export function deliveryOptionChoices(t: DeliveryT, options: readonly OptionQuote[]) {
  return options.map((option) => {
    const base = { id: option.id, name: option.name, description: t(`descriptions.${DESCRIPTIONS[option.id]}`) };
    if (!option.available) return { ...base, available: false, detail: unavailableText(t, option.why), priceLabel: null };
    const eta = etaText(t, option.etaDays);
    return {
      ...base,
      available: true,
      detail: option.free ? t("freeWas", { eta, price: formatIdr(option.listPriceIdr) }) : eta,
      priceLabel: shippingLabel(t, option.costIdr),
    };
  });
}

/** Why nothing (or not this) can be delivered, in the shopper's language. */
export function deliveryProblemText(t: DeliveryT, problem: DeliveryProblem): string {
  switch (problem.key) {
    case "noCourier":
      return t("problems.noCourier", { kg: problem.kg, province: problem.province, zone: problem.zone });
    case "optionCannot":
      return t("problems.optionCannot", { option: problem.option });
    default:
      return t(`problems.${problem.key}`);
  }
}
