import "server-only";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { orders, savedCards, users, type PaymentAttempt } from "@/db/schema";
import { isFinpayError, type StoredCard } from "@/lib/finpay";
import { UserFacingError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { finpayFor } from "./gateway";

/** What the browser may see of a saved card: never the token. */
export type SavedCardView = {
  id: string;
  /** "Mastercard •••• 0008" */
  label: string;
  cardType: string | null;
  /** "12/29", from Finpay's YYMM, when known */
  expiry: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
};

export function cardLabel(brand: string, mask: string): string {
  const name = brand.charAt(0).toUpperCase() + brand.slice(1).toLowerCase();
  return `${name} •••• ${mask.slice(-4)}`;
}

function expiryLabel(yymm: string | null): string | null {
  return yymm && /^\d{4}$/.test(yymm) ? `${yymm.slice(2)}/${yymm.slice(0, 2)}` : null;
}

export async function listSavedCards(userId: string): Promise<SavedCardView[]> {
  const db = await getDb();
  const rows = await db
    .select()
    .from(savedCards)
    .where(and(eq(savedCards.userId, userId), isNull(savedCards.removedAt)))
    .orderBy(desc(sql`coalesce(${savedCards.lastUsedAt}, ${savedCards.createdAt})`));
  return rows.map((card) => ({
    id: card.id,
    label: cardLabel(card.brand, card.mask),
    cardType: card.cardType,
    expiry: expiryLabel(card.expiry),
    createdAt: card.createdAt,
    lastUsedAt: card.lastUsedAt,
  }));
}

/**
 * After a card payment is paid: Finpay may have stored the card (we asked with TO_BE_STORED, or the customer ticked
 * "save" on Finpay's page). Finpay does not put the token in the callback, so we ask for the customer's stored cards.
 * Best effort: a failure here must not fail the callback; the next successful payment syncs again.
 */
export async function syncSavedCardsAfterPayment(attempt: Pick<PaymentAttempt, "id" | "orderId" | "method" | "savedCardId">): Promise<void> {
  if (attempt.method === "two_click") {
    if (attempt.savedCardId) {
      const db = await getDb();
      await db.update(savedCards).set({ lastUsedAt: new Date() }).where(eq(savedCards.id, attempt.savedCardId));
    }
    return;
  }
  try {
    const db = await getDb();
    const [owner] = await db
      .select({ userId: users.id, customerId: users.finpayCustomerId })
      .from(orders)
      .innerJoin(users, eq(users.id, orders.userId))
      .where(eq(orders.id, attempt.orderId));
    if (!owner) return;
    const cards = await finpayFor(attempt.id).retrieveStoredCards(owner.customerId);
    for (const card of cards) {
      await db
        .insert(savedCards)
        .values({ userId: owner.userId, token: card.token, ...describe(card) })
        .onConflictDoUpdate({ target: [savedCards.userId, savedCards.token], set: { ...describe(card), removedAt: null } });
    }
  } catch (error) {
    logger.warn("payment.saved_cards_sync_failed", { attemptId: attempt.id, error });
  }
}

function describe(card: StoredCard) {
  return { mask: card.mask, brand: card.info?.brand ?? "CARD", cardType: card.info?.type ?? null, expiry: card.expiryDate };
}

/** Removes a saved card: first at Finpay (so the token can no longer be charged), then here. */
export async function removeSavedCard(userId: string, savedCardId: string): Promise<void> {
  const db = await getDb();
  const [card] = await db
    .select()
    .from(savedCards)
    .where(and(eq(savedCards.id, savedCardId), eq(savedCards.userId, userId), isNull(savedCards.removedAt)));
  if (!card) throw new UserFacingError("That card is not saved on your account.", "not_found");
  try {
    await finpayFor(null).deleteStoredCard(card.token);
  } catch (error) {
    // Already gone at Finpay: removing it here is what is left to do.
    if (!(isFinpayError(error) && error.kind === "not_found")) {
      logger.warn("payment.card_delete_failed", { savedCardId, error });
      throw new UserFacingError("Finpay could not remove the card right now. Please try again.", "unavailable");
    }
  }
  await db.update(savedCards).set({ removedAt: new Date() }).where(eq(savedCards.id, card.id));
}
