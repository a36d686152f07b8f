import { TEST_CARDS, type CardBehaviour } from "@/sandbox/cards";

/**
 * The sandbox's advertised test cards by what they do, for every test (Vitest and Playwright). The numbers are
 * defined once, in sandbox/cards.ts, the table the hosted card page shows.
 */
function cardNumber(brand: string, behaviour: CardBehaviour): string {
  const card = TEST_CARDS.find((c) => c.brand === brand && c.behaviour === behaviour);
  if (!card) throw new Error(`the sandbox has no ${brand} test card that does "${behaviour}"`);
  return card.number;
}

export const CARDS = {
  /** Mastercard 5123 4500 0000 0008: approved, shown as "Mastercard •••• 0008". */
  approvedMastercard: cardNumber("MASTERCARD", "approve"),
  approvedVisa: cardNumber("VISA", "approve"),
  /** Declined with "Do not honour". */
  declined: cardNumber("VISA", "decline"),
  insufficientFunds: cardNumber("VISA", "insufficient_funds"),
  /** Asks for the 3-D Secure one-time code (CHALLENGE_CODE passes). */
  challenge: cardNumber("VISA", "challenge"),
  gatewayError: cardNumber("VISA", "gateway_error"),
} as const;

export { CHALLENGE_CODE } from "@/sandbox/cards";
