"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleState } from "@/lib/action-state";
import { deleteProductAction } from "@/lib/catalog/admin-actions";

export type DeleteFormLabels = { explain: string; confirm: string; submit: string; pending: string };

/** Deleting asks for a ticked box first; the server refuses a product that is in any order, and says why. */
export function DeleteForm({ productId, labels }: { productId: number; labels: DeleteFormLabels }) {
  const [state, formAction] = useActionState(deleteProductAction, idleState);
  const error = state.fieldErrors?.confirm;
  return (
    <form action={formAction} className="space-y-3" aria-label={labels.submit}>
      <p className="text-sm text-stone-700">{labels.explain}</p>
      <FormMessage status={state.status} message={error ? undefined : state.message} />
      <input type="hidden" name="productId" value={productId} />
      <div className="space-y-1">
        <label className="flex items-start gap-2 text-sm text-stone-800">
          <input type="checkbox" name="confirm" value="yes" className="mt-0.5 size-4" aria-invalid={error ? true : undefined} aria-describedby={error ? "delete-confirm-error" : undefined} />
          {labels.confirm}
        </label>
        {error ? (
          <p id="delete-confirm-error" role="alert" className="text-sm text-red-700">
            {error}
          </p>
        ) : null}
      </div>
      <SubmitButton pendingLabel={labels.pending} variant="danger" className="border border-red-300">
        {labels.submit}
      </SubmitButton>
    </form>
  );
}
