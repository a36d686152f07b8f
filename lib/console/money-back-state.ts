import type { ActionState } from "@/lib/action-state";

/**
 * What a refund or void form shows after a submit. `review` is the confirmation step: nothing has moved yet, the
 * form shows the amount as the server read it ("Refund Rp 1.000 for order 3F2A9C1B?") and sends it back with the
 * confirming submit as `confirmAmount`; the action moves money only when that matches what it reads again.
 */
export type MoneyBackState = ActionState & { review?: MoneyBackReview };

export interface MoneyBackReview {
  /** The amount in whole rupiah, as the confirming submit must repeat it. */
  amountIdr: number;
  /** The question, in the merchant's language. */
  question: string;
  /** The confirming button's words. */
  confirm: string;
}
