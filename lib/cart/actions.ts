"use server";

import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { errorState, type ActionState } from "@/lib/action-state";
import { StockLimitError } from "@/lib/catalog/stock";
import { describeStockLimit } from "@/lib/catalog/stock-message";
import { isUserFacingError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { parseForm } from "@/lib/validation";
import { getCartIdForWrite, getExistingCartId } from "./current-cart";
import { MAX_QUANTITY } from "./limits";
import { getCartItemCount } from "./queries";
import { addItem, assertProductPurchasable, removeItem, setQuantity } from "./service";
import { addToCartSchema, isCartErrorKey, removeFromCartSchema, setQuantitySchema, type CartErrorKey } from "./validation";

/** The cart's refusals (schema messages and service errors are keys of cart.errors) in the shopper's language. */
async function cartErrors() {
  const t = await getTranslations("cart.errors");
  return (key: string) => (isCartErrorKey(key) ? t(key satisfies CartErrorKey, { max: MAX_QUANTITY }) : t("failed"));
}

/** Every wrong field named, in words; the first one also as the form's message. */
async function invalidForm(fieldErrors: Record<string, string>, values?: Record<string, string>): Promise<ActionState> {
  const say = await cartErrors();
  const translated = Object.fromEntries(Object.entries(fieldErrors).map(([field, key]) => [field, say(key)]));
  return errorState(Object.values(translated)[0]!, translated, values);
}

async function failure(error: unknown, action: string, values?: Record<string, string>): Promise<ActionState> {
  if (error instanceof StockLimitError) {
    const message = await describeStockLimit(error);
    return errorState(message, { quantity: message }, values);
  }
  const say = await cartErrors();
  if (isUserFacingError(error) && isCartErrorKey(error.message)) {
    const message = say(error.message);
    return errorState(message, error.field ? { [error.field]: message } : undefined, values);
  }
  logger.error("cart.action_failed", { action, error });
  return errorState(say("failed"), undefined, values);
}

export async function addToCartAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = parseForm(addToCartSchema, formData, ["productId", "quantity"]);
  if (!parsed.ok) return invalidForm(parsed.fieldErrors, parsed.values);
  try {
    // Checked before the cart is created, so a refused add leaves nothing behind.
    await assertProductPurchasable(parsed.data.productId);
    const cartId = await getCartIdForWrite();
    const quantity = await addItem(cartId, parsed.data.productId, parsed.data.quantity);
    revalidatePath("/", "layout");
    // Both counts: this product's, and the whole cart's (what the header badge shows).
    const items = await getCartItemCount(cartId);
    return { status: "success", message: (await getTranslations("cart.add"))("added", { quantity, items }) };
  } catch (error) {
    return failure(error, "add", { quantity: String(parsed.data.quantity) });
  }
}

export async function setCartQuantityAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = parseForm(setQuantitySchema, formData, ["productId", "quantity"]);
  if (!parsed.ok) return invalidForm(parsed.fieldErrors, parsed.values);
  try {
    await setQuantity(await getExistingCartId(), parsed.data.productId, parsed.data.quantity);
    revalidatePath("/", "layout");
    return { status: "success" };
  } catch (error) {
    return failure(error, "set_quantity");
  }
}

export async function removeFromCartAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = parseForm(removeFromCartSchema, formData, ["productId"]);
  if (!parsed.ok) return invalidForm(parsed.fieldErrors);
  try {
    await removeItem(await getExistingCartId(), parsed.data.productId);
    revalidatePath("/", "layout");
    return { status: "success" };
  } catch (error) {
    return failure(error, "remove");
  }
}
