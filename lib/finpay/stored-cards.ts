/**
 * Retrieve Stored Card: THE ASSUMPTION LIVES HERE, AND ONLY HERE.
 *
 * Finpay's docs link a "Retrieve Stored Card API" (…/save-card/retrieve-stored-card.md) that could not
 * be read (docs/finpay-reference.md §2, §7, §8 item 2). Path, method, request and response below are our guess
 * [INFER:stored-cards-api], shared with the local sandbox through docs/finpay-contract.md:
 *
 *   GET /pg/payment/card/customer/{customerId}
 *   → {"responseCode":"2000000","responseMessage":"Success",
 *      "data":{"customer":{"id"},"cards":[{"token","mask","expiryDate":"YYMM","info":{…},"storedAt"}]},
 *      "processingTime":…}
 *
 * When the real page is known, change this file; callers only see StoredCard.
 */
import { z } from "zod";
import { CARD_TOKEN_PATTERN, cardInfoSchema, responseCodeSchema, type FinpayCardInfo } from "./schemas";

export function retrieveStoredCardsPath(customerId: string): string {
  return `/pg/payment/card/customer/${encodeURIComponent(customerId)}`;
}

const storedCardWireSchema = z.looseObject({
  token: z.string().regex(CARD_TOKEN_PATTERN, "Expected a 64-character lowercase hex token"),
  mask: z.string().min(1),
  expiryDate: z.string().regex(/^\d{4}$/, "Expected YYMM").nullish(),
  info: cardInfoSchema.nullish(),
  storedAt: z.string().nullish(),
});

/** [INFER:stored-cards-api] the whole response shape; see the file comment. */
export const storedCardsResponseSchema = z.looseObject({
  responseCode: responseCodeSchema,
  responseMessage: z.string(),
  data: z.looseObject({
    customer: z.looseObject({ id: z.string().nullish() }).nullish(),
    cards: z.array(storedCardWireSchema),
  }),
  processingTime: z.number().nullish(),
});

export type FinpayStoredCardsResponse = z.infer<typeof storedCardsResponseSchema>;

/** A stored card as the rest of the app sees it, independent of the assumed wire shape. */
export interface StoredCard {
  /** Bearer credential for two-click payments: never log it whole (see redact.ts). */
  token: string;
  /** e.g. "512345xxxxxx0008" */
  mask: string;
  /** YYMM, when Finpay says. */
  expiryDate: string | null;
  info: FinpayCardInfo | null;
  /** `YYYY-MM-DD HH:MM:SS` WIB, when Finpay says. */
  storedAt: string | null;
}

export function toStoredCards(response: FinpayStoredCardsResponse): StoredCard[] {
  return response.data.cards.map((card) => ({
    token: card.token,
    mask: card.mask,
    expiryDate: card.expiryDate ?? null,
    info: card.info ?? null,
    storedAt: card.storedAt ?? null,
  }));
}
