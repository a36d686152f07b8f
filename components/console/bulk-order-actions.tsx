"use client";

import { useActionState } from "react";
import { useFormStatus } from "react-dom";
import { FormMessage } from "@/components/ui/form-field";
import { idleState } from "@/lib/action-state";
import { bulkOrdersAction } from "@/lib/delivery/fulfilment-actions";

export type BulkLabels = { form: string; selectAll: string; pack: string; packing: string; print: string; printing: string };

/**
 * The bar above the order list: "mark packed" and "print slips" for the orders ticked in the list. The rows'
 * checkboxes belong to this form through their `form` attribute, so the table stays a server component.
 */
export function BulkOrderActions({ formId, labels }: { formId: string; labels: BulkLabels }) {
  const [state, formAction] = useActionState(bulkOrdersAction, idleState);
  const selectAll = (checked: boolean) => {
    for (const box of document.querySelectorAll<HTMLInputElement>(`input[form="${formId}"][name="orderId"]`)) box.checked = checked;
  };
  return (
    <form id={formId} action={formAction} aria-label={labels.form} className="space-y-2 rounded-lg border border-stone-200 bg-white p-3">
      <div className="flex flex-wrap items-center gap-3">
        <label className="flex items-center gap-2 text-sm text-stone-800">
          <input type="checkbox" className="size-4 accent-brand-700" onChange={(event) => selectAll(event.target.checked)} />
          {labels.selectAll}
        </label>
        <BulkButton intent="pack" label={labels.pack} pendingLabel={labels.packing} primary />
        <BulkButton intent="print" label={labels.print} pendingLabel={labels.printing} />
      </div>
      <FormMessage status={state.status} message={state.message} />
    </form>
  );
}

/** A submit of the bar that shows it is working only when it is the one pressed. */
function BulkButton({ intent, label, pendingLabel, primary = false }: { intent: "pack" | "print"; label: string; pendingLabel: string; primary?: boolean }) {
  const { pending, data } = useFormStatus();
  const mine = pending && data?.get("intent") === intent;
  return (
    <button
      type="submit"
      name="intent"
      value={intent}
      disabled={pending}
      aria-disabled={pending}
      className={`inline-flex items-center gap-2 rounded-md px-4 py-2 text-sm font-medium disabled:cursor-not-allowed ${primary ? "bg-brand-700 text-white hover:bg-brand-800 disabled:bg-brand-700/60" : "border border-stone-300 bg-white text-stone-800 hover:bg-stone-100 disabled:text-stone-500"}`}
    >
      {mine ? <span aria-hidden className="size-3.5 animate-spin rounded-full border-2 border-current border-t-transparent" /> : null}
      {mine ? pendingLabel : label}
    </button>
  );
}
