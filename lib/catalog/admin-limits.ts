/**
 * The product form's limits and fields, in a module of their own so that the client form can use them without pulling
 * zod into the browser bundle (see lib/cart/limits.ts).
 */

export const PRODUCT_LIMITS = {
  // The smallest sensible price, and the largest for which 99 units (the cart's limit) still fit an order's total.
  minPriceIdr: 1_000,
  maxPriceIdr: 20_000_000,
  maxStock: 100_000,
  // The heaviest parcel any courier in lib/delivery/rates.ts takes: heavier could never be shipped.
  maxWeightGrams: 30_000,
  nameMax: 127,
  descriptionMax: 2_000,
  placeMax: 80,
  detailsMaxLines: 10,
  detailMax: 100,
} as const;

/** The fields the merchant types, in form order. */
export const PRODUCT_FIELDS = ["name", "description", "details", "nameEn", "descriptionEn", "detailsEn", "categoryId", "origin", "maker", "price", "stock", "weight"] as const;
export type ProductField = (typeof PRODUCT_FIELDS)[number];
