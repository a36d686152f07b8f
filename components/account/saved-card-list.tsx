"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleState } from "@/lib/action-state";
import { removeSavedCardAction } from "@/lib/payments/actions";

type Card = { id: string; label: string; expiry: string | null; cardType: string | null; createdAt: string; lastUsedAt: string | null };

const day = (iso: string) => new Date(iso).toLocaleDateString("en-GB", { timeZone: "Asia/Jakarta", day: "numeric", month: "short", year: "numeric" });

export function SavedCardList({ cards }: { cards: Card[] }) {
  return (
    <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
      {cards.map((card) => (
        <SavedCardRow key={card.id} card={card} />
      ))}
    </ul>
  );
}

function SavedCardRow({ card }: { card: Card }) {
  const [state, formAction] = useActionState(removeSavedCardAction, idleState);
  return (
    <li data-testid="saved-card" className="flex flex-wrap items-center justify-between gap-3 px-5 py-4">
      <div>
        <p className="font-medium">{card.label}</p>
        <p className="text-sm text-stone-600">
          {[card.cardType?.toLowerCase(), card.expiry ? `expires ${card.expiry}` : null].filter(Boolean).join(" · ")}
          {" · "}added {day(card.createdAt)} · {card.lastUsedAt ? `last used ${day(card.lastUsedAt)}` : "not used yet"}
        </p>
      </div>
      <form action={formAction}>
        <input type="hidden" name="cardId" value={card.id} />
        <SubmitButton variant="danger" pendingLabel="Removing…" aria-label={`Remove ${card.label}`}>
          Remove
        </SubmitButton>
      </form>
      <div className="basis-full">
        <FormMessage status={state.status} message={state.message} />
      </div>
    </li>
  );
}
