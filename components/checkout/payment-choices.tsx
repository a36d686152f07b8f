"use client";

import { useActionState } from "react";
import { useFormStatus } from "react-dom";
import { FormMessage } from "@/components/ui/form-field";
import { idleState, type ActionState } from "@/lib/action-state";

/** A saved card as its button reads: "Pay with Mastercard •••• 0008", "Expires 12/29". */
export type SavedCardChoice = { id: string; label: string; hint?: string };

/** The form's words in the shopper's language, from ./payment-options.tsx. */
export type PaymentChoicesLabels = {
  savedCards: string;
  newCard: string;
  saveCard: string;
  saveCardHint: string;
  payNew: string;
  starting: string;
  /** "You pay Rp 105.000 on Finpay's secure card page…" */
  note: string;
  /** How long the payment page stays open (PAYMENT_LINK_MINUTES, the timeout sent to Finpay). */
  linkLifetime: string;
};

type Props = {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  idempotencyKey: string;
  savedCards: SavedCardChoice[];
  labels: PaymentChoicesLabels;
  orderId?: string;
  /** Checkout's delivery: the chosen address id and option id (never a price: the server prices them). */
  delivery?: { addressId: string; optionId: string };
};

/**
 * How to pay: a new card on Finpay's page (optionally saved there), or one click per saved card (two-click:
 * Finpay asks only for the CVV). One form, one idempotency key: a double click or a resubmission starts one payment.
 */
export function PaymentChoices({ action, idempotencyKey, savedCards, labels, orderId, delivery }: Props) {
  const [state, formAction] = useActionState(action, idleState);
  return (
    <form action={formAction} className="space-y-5">
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      {orderId ? <input type="hidden" name="orderId" value={orderId} /> : null}
      {delivery ? (
        <>
          <input type="hidden" name="addressId" value={delivery.addressId} />
          <input type="hidden" name="optionId" value={delivery.optionId} />
        </>
      ) : null}
      <FormMessage status={state.status} message={state.message} />
      {savedCards.length > 0 ? (
        <fieldset className="space-y-2">
          <legend className="mb-2 text-sm font-medium text-stone-800">{labels.savedCards}</legend>
          {savedCards.map((card) => (
            <ChoiceButton key={card.id} value={`card:${card.id}`} label={card.label} hint={card.hint} startingLabel={labels.starting} />
          ))}
        </fieldset>
      ) : null}
      <fieldset className="space-y-3 rounded-lg border border-stone-200 p-4">
        <legend className="px-1 text-sm font-medium text-stone-800">{labels.newCard}</legend>
        <div className="flex items-start gap-2">
          <input id="saveCard" name="saveCard" type="checkbox" className="mt-1 size-4 accent-brand-700" />
          <label htmlFor="saveCard" className="text-sm text-stone-700">
            {labels.saveCard} <span className="text-stone-600">{labels.saveCardHint}</span>
          </label>
        </div>
        <ChoiceButton value="new" label={labels.payNew} startingLabel={labels.starting} primary />
      </fieldset>
      <p className="text-xs text-stone-600">{labels.note}</p>
      <p className="text-xs text-stone-600" data-testid="link-lifetime">
        {labels.linkLifetime}
      </p>
    </form>
  );
}

function ChoiceButton({ value, label, hint, startingLabel, primary = false }: { value: string; label: string; hint?: string; startingLabel: string; primary?: boolean }) {
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
      <span>{mine ? startingLabel : label}</span>
      {hint && !mine ? <span className="text-xs font-normal text-stone-600">{hint}</span> : null}
      {mine ? <span aria-hidden className="size-4 animate-spin rounded-full border-2 border-current border-t-transparent" /> : null}
    </button>
  );
}
