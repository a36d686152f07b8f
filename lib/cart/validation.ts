import { z } from "zod";
import { isUuid } from "@/lib/uuid";
import type { Messages } from "@/messages";
import { MAX_QUANTITY } from "./limits";

export { MAX_QUANTITY };

/** Messages are keys of cart.errors (every one may use {max}); lib/cart/actions.ts translates them. */
export type CartErrorKey = keyof Messages["cart"]["errors"];
const QUANTITY_MESSAGE = "quantity" satisfies CartErrorKey;

// Form fields arrive as strings; only plain decimal digits count ("1e1", "2.0", " 3" are refused).
export const quantitySchema = z
  .string({ error: QUANTITY_MESSAGE })
  .trim()
  .regex(/^\d{1,3}$/, QUANTITY_MESSAGE)
  .transform(Number)
  .pipe(z.number().int().min(1, QUANTITY_MESSAGE).max(MAX_QUANTITY, QUANTITY_MESSAGE));

export const productIdSchema = z
  .string({ error: "chooseProduct" satisfies CartErrorKey })
  .trim()
  .regex(/^[1-9]\d{0,9}$/, "productMissing" satisfies CartErrorKey)
  .transform(Number)
  .pipe(z.number().int().max(2_147_483_647, "productMissing" satisfies CartErrorKey));

export const addToCartSchema = z.object({ productId: productIdSchema, quantity: quantitySchema });
export const setQuantitySchema = z.object({ productId: productIdSchema, quantity: quantitySchema });
export const removeFromCartSchema = z.object({ productId: productIdSchema });

/** The guest cart cookie holds only a random id; anything else in it is refused. */
export function isValidCartId(value: string): boolean {
  return isUuid(value);
}

const CART_ERROR_KEYS = new Set<string>(["quantity", "chooseProduct", "productMissing", "productUnavailable", "maxPerProduct", "notInCart", "cartUnrecognised", "cartEmpty", "failed"] satisfies CartErrorKey[]);

export function isCartErrorKey(value: string): value is CartErrorKey {
  return CART_ERROR_KEYS.has(value);
}
