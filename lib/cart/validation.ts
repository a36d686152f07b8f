import { z } from "zod";
import { MAX_QUANTITY } from "./limits";

export { MAX_QUANTITY };

const QUANTITY_MESSAGE = `Quantity must be a whole number from 1 to ${MAX_QUANTITY}.`;

// Form fields arrive as strings; only plain decimal digits count ("1e1", "2.0", " 3" are refused).
export const quantitySchema = z
  .string({ error: QUANTITY_MESSAGE })
  .trim()
  .regex(/^\d{1,3}$/, QUANTITY_MESSAGE)
  .transform(Number)
  .pipe(z.number().int().min(1, QUANTITY_MESSAGE).max(MAX_QUANTITY, QUANTITY_MESSAGE));

export const productIdSchema = z
  .string({ error: "Choose a product." })
  .trim()
  .regex(/^[1-9]\d{0,9}$/, "That product does not exist.")
  .transform(Number)
  .pipe(z.number().int().max(2_147_483_647, "That product does not exist."));

export const addToCartSchema = z.object({ productId: productIdSchema, quantity: quantitySchema });
export const setQuantitySchema = z.object({ productId: productIdSchema, quantity: quantitySchema });
export const removeFromCartSchema = z.object({ productId: productIdSchema });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The guest cart cookie holds only a random id; anything else in it is refused. */
export function isValidCartId(value: string): boolean {
  return UUID.test(value);
}
