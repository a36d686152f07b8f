import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { asLocale } from "@/lib/i18n/locales";
import { localizedName } from "./localized";
import type { StockLimitError } from "./stock";

/** The cart's stock refusal in the shopper's language (called by the cart's server actions, inside a request). */
export async function describeStockLimit(error: StockLimitError): Promise<string> {
  const [t, locale] = await Promise.all([getTranslations("catalog.stock.cart"), getLocale()]);
  return t(error.reason, { name: localizedName(error.product, asLocale(locale)), stock: error.stock, inCart: error.inCart });
}
