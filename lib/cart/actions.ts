"use server";

import { revalidatePath } from "next/cache";
import { errorState, type ActionState } from "@/lib/action-state";
import { isUserFacingError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { parseForm } from "@/lib/validation";
import { getCartIdForWrite, getExistingCartId } from "./current-cart";
import { addItem, assertProductPurchasable, removeItem, setQuantity } from "./service";
import { addToCartSchema, removeFromCartSchema, setQuantitySchema } from "./validation";

function failure(error: unknown, action: string, values?: Record<string, string>): ActionState {
  if (isUserFacingError(error)) {
    return errorState(error.message, error.field ? { [error.field]: error.message } : undefined, values);
  }
  logger.error("cart.action_failed", { action, error });
  return errorState("Something went wrong on our side. Your cart was not changed; please try again.", undefined, values);
}

export async function addToCartAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = parseForm(addToCartSchema, formData, ["productId", "quantity"]);
  if (!parsed.ok) return errorState(Object.values(parsed.fieldErrors)[0]!, parsed.fieldErrors, parsed.values);
  try {
    // Checked before the cart is created, so a refused add leaves nothing behind.
    await assertProductPurchasable(parsed.data.productId);
    const cartId = await getCartIdForWrite();
    const quantity = await addItem(cartId, parsed.data.productId, parsed.data.quantity);
    revalidatePath("/", "layout");
    return { status: "success", message: `Added to cart. You now have ${quantity} in your cart.` };
  } catch (error) {
    return failure(error, "add", { quantity: String(parsed.data.quantity) });
  }
}

export async function setCartQuantityAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = parseForm(setQuantitySchema, formData, ["productId", "quantity"]);
  if (!parsed.ok) return errorState(Object.values(parsed.fieldErrors)[0]!, parsed.fieldErrors, parsed.values);
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
  if (!parsed.ok) return errorState(Object.values(parsed.fieldErrors)[0]!, parsed.fieldErrors);
  try {
    await removeItem(await getExistingCartId(), parsed.data.productId);
    revalidatePath("/", "layout");
    return { status: "success" };
  } catch (error) {
    return failure(error, "remove");
  }
}
