"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { errorState, type ActionState } from "@/lib/action-state";
import { requireMerchant } from "@/lib/auth/merchant";
import { isUserFacingError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { msg, type Translate } from "@/lib/translatable";
import { getTranslate } from "@/lib/translate";
import { formValue } from "@/lib/validation";
import { createProduct, deleteProduct, setPublished, updateProduct, type UpdateResult } from "./admin";
import { parseProductId } from "./admin-queries";
import { parseProductForm, productFormValues, type ParsedProduct } from "./admin-validation";

/**
 * The console's catalog actions: parse (every wrong field at once) -> requireMerchant -> one call to ./admin.ts ->
 * one typed state, in the merchant's language. After a change the shop's pages are revalidated: every instance
 * already shows the change on its next page view (./version.ts); revalidating also drops the pages this
 * merchant's browser keeps in its router cache, so going back to the shop shows the change too.
 */

const FIX_MARKED = msg("validation.form.fixMarked");

function shopChanged() {
  revalidatePath("/", "layout");
}

function invalidForm(tr: Translate, parsed: Extract<ParsedProduct, { ok: false }>, extra: Record<string, string>): ActionState {
  const fieldErrors = Object.fromEntries(Object.entries(parsed.errors).map(([field, text]) => [field, tr(text)]));
  return errorState(tr(FIX_MARKED), fieldErrors, { ...parsed.values, ...extra });
}

function failed(tr: Translate, error: unknown, event: string, values?: Record<string, string>): ActionState {
  if (isUserFacingError(error)) {
    const text = tr(error.text);
    return errorState(text, error.field ? { [error.field]: text } : undefined, values);
  }
  logger.error(event, { error });
  return errorState(tr(msg("consoleCatalog.edit.ourFault")), undefined, values);
}

export async function createProductAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const merchant = await requireMerchant("/console/products/new");
  const tr = await getTranslate();
  const parsed = parseProductForm(formData);
  if (!parsed.ok) return invalidForm(tr, parsed, {});
  let created: { id: number };
  try {
    created = await createProduct(merchant, parsed.data);
  } catch (error) {
    return failed(tr, error, "catalog.product_create_failed", parsed.values);
  }
  redirect(`/console/products/${created.id}?created=1`);
}

/** The hidden fields that tell which version of the product the form was opened with. */
function seenToken(product: { updatedAt: Date; stock: number }): Record<string, string> {
  return { updatedAt: product.updatedAt.toISOString(), stockSeen: String(product.stock) };
}

function updateState(tr: Translate, result: UpdateResult, typed: Record<string, string>): ActionState {
  switch (result.kind) {
    case "saved":
      return { status: "success", message: tr(msg("consoleCatalog.edit.saved")), values: { ...productFormValues(result.product), ...seenToken(result.product) } };
    case "unchanged":
      return { status: "success", message: tr(msg("consoleCatalog.edit.unchanged")), values: { ...typed, ...seenToken(result.product) } };
    case "editedMeanwhile":
      // The typing stays; the token moves on, so that saving again is a deliberate overwrite.
      return errorState(tr(msg("consoleCatalog.edit.editedMeanwhile")), undefined, { ...typed, ...seenToken(result.product) });
    case "stockMoved": {
      const text = tr(msg("consoleCatalog.edit.stockMoved", { seen: result.seen, now: result.now }));
      return errorState(text, { stock: text }, { ...typed, ...seenToken(result.product) });
    }
  }
}

export async function updateProductAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const productId = parseProductId(formValue(formData, "productId") ?? "");
  const merchant = await requireMerchant(productId ? `/console/products/${productId}` : "/console/products");
  const tr = await getTranslate();
  const token = { updatedAt: formValue(formData, "updatedAt") ?? "", stockSeen: formValue(formData, "stockSeen") ?? "" };
  if (productId === undefined) return errorState(tr(msg("consoleCatalog.edit.gone")));
  const parsed = parseProductForm(formData);
  if (!parsed.ok) return invalidForm(tr, parsed, token);
  const typed = { ...parsed.values, ...token };
  try {
    const result = await updateProduct(merchant, productId, parsed.data, { updatedAt: token.updatedAt, stock: Number(token.stockSeen) });
    if (result.kind === "saved") {
      shopChanged();
      revalidatePath(`/console/products/${productId}`);
    }
    return updateState(tr, result, typed);
  } catch (error) {
    return failed(tr, error, "catalog.product_update_failed", typed);
  }
}

export async function setPublishedAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const productId = parseProductId(formValue(formData, "productId") ?? "");
  const merchant = await requireMerchant(productId ? `/console/products/${productId}` : "/console/products");
  const tr = await getTranslate();
  if (productId === undefined) return errorState(tr(msg("consoleCatalog.edit.gone")));
  const publish = formValue(formData, "publish") === "true";
  try {
    const result = await setPublished(merchant, productId, publish);
    revalidatePath(`/console/products/${productId}`);
    if (result.kind === "needsPicture") return errorState(tr(msg("consoleCatalog.publish.needsPicture")));
    if (result.kind === "already") return { status: "success", message: tr(msg("consoleCatalog.publish.already")) };
    shopChanged();
    return { status: "success", message: tr(msg(publish ? "consoleCatalog.publish.published" : "consoleCatalog.publish.unpublished")) };
  } catch (error) {
    return failed(tr, error, "catalog.publish_failed");
  }
}

export async function deleteProductAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const productId = parseProductId(formValue(formData, "productId") ?? "");
  const merchant = await requireMerchant(productId ? `/console/products/${productId}` : "/console/products");
  const tr = await getTranslate();
  if (productId === undefined) return errorState(tr(msg("consoleCatalog.edit.gone")));
  if (formValue(formData, "confirm") !== "yes") {
    const text = tr(msg("consoleCatalog.delete.confirmRequired"));
    return errorState(text, { confirm: text });
  }
  try {
    const result = await deleteProduct(merchant, productId);
    if (result.kind === "hasOrders") {
      revalidatePath(`/console/products/${productId}`);
      const key = result.open > 0 ? "consoleCatalog.delete.openOrders" : "consoleCatalog.delete.pastOrders";
      return errorState(tr(msg(key, { count: result.open > 0 ? result.open : result.past })));
    }
  } catch (error) {
    return failed(tr, error, "catalog.product_delete_failed");
  }
  shopChanged();
  redirect("/console/products?deleted=1");
}
