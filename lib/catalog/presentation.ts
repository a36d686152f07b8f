import { INTL_TAG, type Locale } from "@/lib/i18n/locales";

/** Below this many units a product says how many are left ("Tersisa 3"). */
export const LOW_STOCK = 5;

export type StockLevel = { kind: "soldOut" } | { kind: "low"; left: number } | { kind: "inStock" };

export function stockLevel(stock: number): StockLevel {
  if (stock <= 0) return { kind: "soldOut" };
  if (stock <= LOW_STOCK) return { kind: "low", left: stock };
  return { kind: "inStock" };
}

/** Packed weight as a shopper reads it: "300 g", from a kilogram up "1,5 kg" (id) / "1.5 kg" (en). */
export function formatWeight(grams: number, locale: Locale): string {
  const tag = INTL_TAG[locale];
  if (grams < 1000) return new Intl.NumberFormat(tag, { style: "unit", unit: "gram" }).format(grams);
  return new Intl.NumberFormat(tag, { style: "unit", unit: "kilogram", maximumFractionDigits: 1 }).format(grams / 1000);
}
