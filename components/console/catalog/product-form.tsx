"use client";

import { useActionState } from "react";
import { FormField, FormMessage } from "@/components/ui/form-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleState } from "@/lib/action-state";
import { createProductAction, updateProductAction } from "@/lib/catalog/admin-actions";
import { PRODUCT_LIMITS, type ProductField } from "@/lib/catalog/admin-limits";
import { SelectField, TextAreaField } from "./fields";

/** The form's words, already in the merchant's language (client components get their words as props). */
export type ProductFormLabels = {
  fields: Record<ProductField, string>;
  hints: Partial<Record<ProductField, string>>;
  sections: { sale: string; indonesian: string; english: string; about: string };
  chooseCategory: string;
  submit: string;
  pending: string;
};

type Props = {
  /** Absent: a new product. */
  product?: { id: number; updatedAt: string; stock: number };
  values: Record<ProductField, string>;
  categories: { value: string; label: string }[];
  labels: ProductFormLabels;
};

/**
 * Create or edit a product: price, stock and weight; the texts in Bahasa Indonesia and in English; category, origin and
 * maker. A refused save names every wrong field and keeps what was typed.
 */
export function ProductForm({ product, values, categories, labels }: Props) {
  const [state, formAction] = useActionState(product ? updateProductAction : createProductAction, idleState);
  const v: Record<string, string> = { ...values, ...(product ? { updatedAt: product.updatedAt, stockSeen: String(product.stock) } : {}), ...state.values };
  const e = state.fieldErrors ?? {};
  const field = (name: ProductField, extra: { inputMode?: "numeric"; required?: boolean; maxLength?: number } = {}) => (
    <FormField name={name} label={labels.fields[name]} hint={labels.hints[name]} defaultValue={v[name]} error={e[name]} {...extra} />
  );
  const area = (name: ProductField, rows: number, required = true) => (
    <TextAreaField name={name} label={labels.fields[name]} hint={labels.hints[name]} defaultValue={v[name]} error={e[name]} rows={rows} required={required} />
  );
  return (
    <form action={formAction} noValidate className="space-y-6" aria-label={labels.submit}>
      <FormMessage status={state.status} message={state.message} />
      {product ? (
        <>
          <input type="hidden" name="productId" value={product.id} />
          <input type="hidden" name="updatedAt" value={v.updatedAt} />
          <input type="hidden" name="stockSeen" value={v.stockSeen} />
        </>
      ) : null}
      <fieldset className="grid gap-4 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-3">
        <legend className="px-1 text-sm font-semibold text-stone-800">{labels.sections.sale}</legend>
        {field("price", { inputMode: "numeric" })}
        {field("stock", { inputMode: "numeric" })}
        {field("weight", { inputMode: "numeric" })}
      </fieldset>
      <div className="grid gap-6 lg:grid-cols-2">
        <fieldset className="space-y-4 rounded-lg border border-stone-200 bg-white p-4">
          <legend className="px-1 text-sm font-semibold text-stone-800">{labels.sections.indonesian}</legend>
          {field("name", { maxLength: PRODUCT_LIMITS.nameMax })}
          {area("description", 5)}
          {area("details", 4, false)}
        </fieldset>
        <fieldset className="space-y-4 rounded-lg border border-stone-200 bg-white p-4">
          <legend className="px-1 text-sm font-semibold text-stone-800">{labels.sections.english}</legend>
          {field("nameEn", { required: false, maxLength: PRODUCT_LIMITS.nameMax })}
          {area("descriptionEn", 5, false)}
          {area("detailsEn", 4, false)}
        </fieldset>
      </div>
      <fieldset className="grid gap-4 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-3">
        <legend className="px-1 text-sm font-semibold text-stone-800">{labels.sections.about}</legend>
        <SelectField name="categoryId" label={labels.fields.categoryId} defaultValue={v.categoryId} error={e.categoryId} options={categories} placeholder={labels.chooseCategory} />
        {field("origin", { required: false, maxLength: PRODUCT_LIMITS.placeMax })}
        {field("maker", { required: false, maxLength: PRODUCT_LIMITS.placeMax })}
      </fieldset>
      <SubmitButton pendingLabel={labels.pending}>{labels.submit}</SubmitButton>
    </form>
  );
}
