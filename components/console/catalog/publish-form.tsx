"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleState } from "@/lib/action-state";
import { setPublishedAction } from "@/lib/catalog/admin-actions";

export type PublishFormLabels = { state: string; submit: string; pending: string };

/** Publish or unpublish: one button, whose words say which (the page passes them for the product's current state). */
export function PublishForm({ productId, active, labels }: { productId: number; active: boolean; labels: PublishFormLabels }) {
  const [state, formAction] = useActionState(setPublishedAction, idleState);
  return (
    <form action={formAction} className="space-y-3" aria-label={labels.submit}>
      <FormMessage status={state.status} message={state.message} />
      <p className="text-sm text-stone-700" data-testid="publish-state">
        {labels.state}
      </p>
      <input type="hidden" name="productId" value={productId} />
      <input type="hidden" name="publish" value={active ? "false" : "true"} />
      <SubmitButton pendingLabel={labels.pending} variant={active ? "secondary" : "primary"}>
        {labels.submit}
      </SubmitButton>
    </form>
  );
}
