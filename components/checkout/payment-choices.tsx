"use client";

import { useActionState } from "react";
import { useFormStatus } from "react-dom";
import { FormMessage } from "@/components/ui/form-field";
import { idleState, type ActionState } from "@/lib/action-state";

export type SavedCardChoice = { id: string; label: string; expiry: string | null };

type Props = {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  idempotencyKey: string;
  savedCards: SavedCardChoice[];
  amountLabel: string;
  orderId?: string;
};

/**
 * How to pay: a new card on Finpay's page (optionally saved there), or one click per saved card (two-click:
 * Finpay asks only for the CVV). One form, one idempotency key: a double click or a resubmission starts one payment.
 */
export function PaymentChoices({ action, idempotencyKey, savedCards, amountLabel, orderId }: Props) {
  const [state, formAction] = useActionState(action, idleState);
  return (
    <form action={formAction} className="space-y-5">
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      {orderId ? <input type="hidden" name="orderId" value={orderId} /> : null}
      <FormMessage status={state.status} message={state.message} />
      {savedCards.length > 0 ? (
        <fieldset className="space-y-2">
          <legend className="mb-2 text-sm font-medium text-stone-800">Your saved cards (you will only type the CVV)</legend>
          {savedCards.map((card) => (
            <ChoiceButton key={card.id} value={`card:${card.id}`} label={`Pay with ${card.label}`} hint={card.expiry ? `Expires ${card.expiry}` : undefined} />
          ))}
        </fieldset>
      ) : null}
      <fieldset className="space-y-3 rounded-lg border border-stone-200 p-4">
        <legend className="px-1 text-sm font-medium text-stone-800">A new card</legend>
        <div className="flex items-start gap-2">
          <input id="saveCard" name="saveCard" type="checkbox" className="mt-1 size-4 accent-brand-700" />
          <label htmlFor="saveCard" className="text-sm text-stone-700">
            Save this card for next time <span className="text-stone-600">(Finpay keeps the card; we keep only a reference)</span>
          </label>
        </div>
        <ChoiceButton value="new" label="Pay with a new card" primary />
      </fieldset>
      <p className="text-xs text-stone-600">
        You pay {amountLabel} on Finpay&apos;s secure card page. Card details never pass through this shop.
      </p>
    </form>
  );
}

function ChoiceButton({ value, label, hint, primary = false }: { value: string; label: string; hint?: string; primary?: boolean }) {
  const { pending, data } = useFormStatus();
  const mine = pending && data?.get("choice") === value;
  return (
    <button
      type="submit"
      name="choice"
      value={value}
      disabled={pending}
      aria-disabled={pending}
      className={`flex w-full items-center justify-between gap-3 rounded-md px-4 py-3 text-left text-sm font-medium transition disabled:cursor-not-allowed ${
        primary ? "bg-brand-700 text-white hover:bg-brand-800 disabled:bg-brand-700/60" : "border border-stone-300 bg-white text-stone-900 hover:bg-stone-50 disabled:opacity-60"
      }`}
    >
      <span>{mine ? "Starting payment…" : label}</span>
      {hint && !mine ? <span className="text-xs font-normal text-stone-600">{hint}</span> : null}
      {mine ? <span aria-hidden className="size-4 animate-spin rounded-full border-2 border-current border-t-transparent" /> : null}
    </button>
  );
}
