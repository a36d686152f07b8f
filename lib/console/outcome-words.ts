import { isTransitionOutcome, NON_TRANSITION_OUTCOMES } from "@/db/event-outcomes";

/**
 * How the console words a payment event's outcome: a state change ("pending_to_paid") from the two statuses it
 * joins, every other outcome from `console.callbacks.outcomes` (one key per value of NON_TRANSITION_OUTCOMES; the
 * message-parity test and `tsc` keep them in step). Components take these from here: they never import db/.
 */
export const OUTCOME_WORDS = NON_TRANSITION_OUTCOMES;
export type OutcomeWord = (typeof OUTCOME_WORDS)[number];

export type OutcomeLabel = { kind: "transition"; from: string; to: string } | { kind: "word"; word: OutcomeWord } | { kind: "raw"; text: string };

export function outcomeLabel(outcome: string): OutcomeLabel {
  if (isTransitionOutcome(outcome)) {
    const [from = "", to = ""] = outcome.split("_to_");
    return { kind: "transition", from, to };
  }
  if ((OUTCOME_WORDS as readonly string[]).includes(outcome)) return { kind: "word", word: outcome as OutcomeWord };
  return { kind: "raw", text: outcome.replace(/_/g, " ") };
}
