import "server-only";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { orders, paymentAttempts, savedCards, users } from "@/db/schema";
import { isFinpayError, type StoredCard } from "@/lib/finpay";
import { UserFacingError } from "@/lib/errors";
import { QUEUES } from "@/lib/jobs/queues";
import { logger } from "@/lib/logger";
import { finpayFor } from "./gateway";

/** What the browser may see of a saved card: never the token. */
export type SavedCardView = {
  id: string;
  /** "Mastercard •••• 0008" */
  label: string;
  /** Finpay's card.info.type when it is one the shop can name in the shopper's language. */
  cardType: CardType | null;
  /** "12/29", from Finpay's YYMM, when known */
  expiry: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
};

/**
 * The card types Finpay reports in card.info.type ("CREDIT", "DEBIT"; "PREPAID" [INFER:card-type-prepaid]), each worded in
 * account.cards.types. A type outside this list is not shown: the gateway's own English word would stand out on an
 * Indonesian page.
 */
export const CARD_TYPES = ["credit", "debit", "prepaid"] as const;
export type CardType = (typeof CARD_TYPES)[number];

export function knownCardType(value: string | null | undefined): CardType | null {
  const type = value?.trim().toLowerCase();
  return (CARD_TYPES as readonly string[]).includes(type ?? "") ? (type as CardType) : null;
}

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
    cardType: knownCardType(card.cardType),
    expiry: expiryLabel(card.expiry),
    createdAt: card.createdAt,
    lastUsedAt: card.lastUsedAt,
  }));
}

/**
 * After a card payment is paid: Finpay may have stored the card (we asked with TO_BE_STORED, or the customer ticked
 * "save" on Finpay's page). Finpay does not put the token in the callback, so we ask for the customer's stored cards.
 * The `payments.sync-saved-cards` job runs this (lib/jobs): a failure throws, and the queue retries with backoff.
 */
export async function fetchStoredCardsAfterPayment(attemptId: string): Promise<number> {
  const db = await getDb();
  const [owner] = await db
    .select({ userId: users.id, customerId: users.finpayCustomerId })
    .from(paymentAttempts)
    .innerJoin(orders, eq(orders.id, paymentAttempts.orderId))
    .innerJoin(users, eq(users.id, orders.userId))
    .where(eq(paymentAttempts.id, attemptId));
  if (!owner) return 0;
  const cards = await finpayFor(attemptId).retrieveStoredCards(owner.customerId);
  for (const card of cards) {
    await db
      .insert(savedCards)
      .values({ userId: owner.userId, token: card.token, ...describe(card) })
      .onConflictDoUpdate({ target: [savedCards.userId, savedCards.token], set: { ...describe(card), removedAt: null } });
  }
  return cards.length;
}

/**
 * A card fetch is still queued or running for one of the customer's payments (or waiting to retry): the cards page
 * says so and refreshes itself until it is done, since a card saved at Finpay shows up here a moment after paying.
 */
export async function isCardFetchPending(userId: string): Promise<boolean> {
  const db = await getDb();
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(sql`pgboss.job j`)
    .innerJoin(paymentAttempts, sql`${paymentAttempts.id}::text = j.data->>'attemptId'`)
    .innerJoin(orders, eq(orders.id, paymentAttempts.orderId))
    .where(and(sql`j.name = ${QUEUES.syncSavedCards} and j.state in ('created', 'retry', 'active')`, eq(orders.userId, userId)))
    .limit(1);
  return Boolean(row);
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
