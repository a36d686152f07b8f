import type { Metadata } from "next";
import { SavedCardList } from "@/components/account/saved-card-list";
import { requireUser } from "@/lib/auth/session";
import { listSavedCards } from "@/lib/payments/saved-cards";

export const metadata: Metadata = { title: "Saved cards" };

export default async function SavedCardsPage() {
  const user = await requireUser("/account/cards");
  const cards = await listSavedCards(user.id);
  return (
    <section className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Saved cards</h1>
        <p className="mt-1 text-sm text-stone-600">
          Finpay keeps your card; this shop keeps only a reference. With a saved card you type just the CVV at checkout.
        </p>
      </div>
      {cards.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 bg-white p-8 text-center text-stone-700">
          No saved cards. Tick &ldquo;Save this card for next time&rdquo; when you pay with a new card.
        </p>
      ) : (
        <SavedCardList cards={cards.map((c) => ({ ...c, createdAt: c.createdAt.toISOString(), lastUsedAt: c.lastUsedAt?.toISOString() ?? null }))} />
      )}
    </section>
  );
}
