"use client";

import Link from "next/link";
import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleState } from "@/lib/action-state";
import { addToCartAction } from "@/lib/cart/actions";

/** The form's words in the shopper's language, from ./add-to-cart-form.tsx. */
export type AddToCartLabels = { quantity: string; submit: string; pending: string; viewCart: string };

export function AddToCartFields({ productId, labels }: { productId: number; labels: AddToCartLabels }) {
  const [state, formAction] = useActionState(addToCartAction, idleState);
  const quantityError = state.fieldErrors?.quantity;
  return (
    <form action={formAction} noValidate className="space-y-3">
      <input type="hidden" name="productId" value={productId} />
      <div className="flex items-end gap-3">
        <div>
          <label htmlFor="quantity" className="block text-sm font-medium text-stone-700">
            {labels.quantity}
          </label>
          <input
            id="quantity"
            name="quantity"
            type="number"
            inputMode="numeric"
            min={1}
            max={99}
            step={1}
            required
            defaultValue={state.values?.quantity ?? "1"}
            key={state.values?.quantity ?? "initial"}
            aria-invalid={quantityError ? true : undefined}
            aria-describedby={quantityError ? "quantity-error" : undefined}
            className="mt-1 w-24 rounded-md border border-stone-300 px-3 py-2 aria-[invalid]:border-red-600"
          />
        </div>
        <SubmitButton pendingLabel={labels.pending}>{labels.submit}</SubmitButton>
      </div>
      {state.status === "error" ? (
        <p id="quantity-error" role="alert" className="text-sm text-red-700">
          {state.message}
        </p>
      ) : null}
      {state.status === "success" ? (
        <p role="status" className="text-sm text-brand-700">
          {state.message}{" "}
          <Link href="/cart" className="font-medium underline">
            {labels.viewCart}
          </Link>
        </p>
      ) : null}
    </form>
  );
}
