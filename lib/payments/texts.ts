import "server-only";
import { getTranslations } from "next-intl/server";
import type { StockShortfall } from "@/lib/catalog/stock";
import { deliveryProblemText } from "@/lib/delivery/presentation";
import type { PaymentText } from "./messages";

type StockT = Awaited<ReturnType<typeof getTranslations<"checkout.stock">>>;

/** "Only 2 left of Kain Uji. Change the quantity in your cart to continue." in the shopper's language. */
export function shortfallText(t: StockT, shortfalls: readonly StockShortfall[]): string {
  const each = shortfalls.map((s) => (s.stock === 0 ? t("soldOut", { name: s.name }) : t("onlyLeft", { count: s.stock, name: s.name })));
  return [...each, t("change")].join(" ");
}

/** A refusal from lib/payments in the language of the request (server actions and pages only). */
export async function paymentTextOf(text: PaymentText): Promise<string> {
  switch (text.kind) {
    case "refusal":
      return (await getTranslations("payments.refusals"))(text.key);
    case "failure":
      return (await getTranslations("payments.failures"))(text.key);
    case "delivery":
      return deliveryProblemText(await getTranslations("checkout.delivery"), text.problem);
    case "stock":
      return shortfallText(await getTranslations("checkout.stock"), text.shortfalls);
  }
}
