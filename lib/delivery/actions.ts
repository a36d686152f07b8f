"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { errorState, type ActionState } from "@/lib/action-state";
import { requireUser } from "@/lib/auth/session";
import { isUserFacingError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { msg, type Text, type Translate } from "@/lib/translatable";
import { getTranslate } from "@/lib/translate";
import { parseForm } from "@/lib/validation";
import { createAddress, deleteAddress, setDefaultAddress, updateAddress } from "./addresses";
import { ADDRESS_FIELDS, addressSchema } from "./address-validation";

const BOOK = "/account/addresses";

/** Where a saved address sends the customer: back to checkout with it chosen, or back to the address book. */
function afterSave(returnTo: FormDataEntryValue | null, addressId: string): string {
  return returnTo === "/checkout" ? `/checkout?address=${addressId}` : `${BOOK}?saved=1`;
}

function failed(tr: Translate, error: unknown, event: string, values?: Record<string, string>): ActionState {
  if (isUserFacingError(error)) return errorState(tr(error.text), undefined, values);
  logger.error(event, { error });
  return errorState(tr(msg("validation.form.ourFault")), undefined, values);
}

/** Adds an address, or edits one when the form carries its id. Every wrong field is named; what was typed stays. */
export async function saveAddressAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const returnTo = formData.get("returnTo");
  const user = await requireUser(returnTo === "/checkout" ? "/checkout" : BOOK);
  const addressId = formData.get("addressId");
  const tr = await getTranslate();
  const parsed = parseForm(addressSchema, formData, ADDRESS_FIELDS, tr);
  if (!parsed.ok) return errorState(tr(msg("validation.form.fixMarked")), parsed.fieldErrors, parsed.values);
  let savedId: string;
  try {
    const saved = typeof addressId === "string" && addressId ? await updateAddress(user.id, addressId, parsed.data) : await createAddress(user.id, parsed.data);
    savedId = saved.id;
  } catch (error) {
    return failed(tr, error, "delivery.address_save_failed", Object.fromEntries(ADDRESS_FIELDS.map((f) => [f, String(formData.get(f) ?? "")])));
  }
  revalidatePath(BOOK);
  revalidatePath("/checkout");
  redirect(afterSave(returnTo, savedId));
}

/** Delete and "set as default": one address id from the form, one change, one confirmation. */
async function changeAddress(formData: FormData, change: (userId: string, addressId: string) => Promise<void>, done: Text, event: string): Promise<ActionState> {
  const user = await requireUser(BOOK);
  const tr = await getTranslate();
  try {
    await change(user.id, String(formData.get("addressId") ?? ""));
  } catch (error) {
    return failed(tr, error, event);
  }
  revalidatePath(BOOK);
  return { status: "success", message: tr(done) };
}

export async function deleteAddressAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return changeAddress(formData, deleteAddress, msg("delivery.book.deleted"), "delivery.address_delete_failed");
}

export async function setDefaultAddressAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return changeAddress(formData, setDefaultAddress, msg("delivery.book.defaultChanged"), "delivery.address_default_failed");
}
