"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleState } from "@/lib/action-state";
import { removeSavedCardAction } from "@/lib/payments/actions";

type Card = {
  id: string;
  label: string;
  /** "visa · expires 12/29 · added 2 Dec 2026 · not used yet", written by the server in the shopper's language. */
  details: string;
  /** "Remove Visa •••• 1111", the button's accessible name. */
  removeLabel: string;
};

export type SavedCardListLabels = { remove: string; removing: string };

export function SavedCardList({ cards, labels }: { cards: Card[]; labels: SavedCardListLabels }) {
  return (
    <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
      {cards.map((card) => (
        <SavedCardRow key={card.id} card={card} labels={labels} />
      ))}
    </ul>
  );
}

function SavedCardRow({ card, labels }: { card: Card; labels: SavedCardListLabels }) {
  const [state, formAction] = useActionState(removeSavedCardAction, idleState);
  return (
    <li data-testid="saved-card" className="flex flex-wrap items-center justify-between gap-3 px-5 py-4">
      <div>
        <p className="font-medium">{card.label}</p>
        <p className="text-sm text-stone-600">{card.details}</p>
      </div>
      <form action={formAction}>
        <input type="hidden" name="cardId" value={card.id} />
        <SubmitButton variant="danger" pendingLabel={labels.removing} aria-label={card.removeLabel}>
          {labels.remove}
        </SubmitButton>
      </form>
      <div className="basis-full">
        <FormMessage status={state.status} message={state.message} />
      </div>
    </li>
  );
}
