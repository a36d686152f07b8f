import type { FulfilmentStatus, MerchantActionKind } from "@/db/schema";

export type { FulfilmentStatus };

/**
 * The fulfilment vocabulary: its states (the `fulfilment_status` enum) and the steps a merchant takes between them.
 * lib/delivery/fulfilment.ts is the only writer and reads every rule from this table; pages read it to know which
 * step comes next. "cancelled" has no step: only the payment rule (./fulfilment-rule.ts) reaches it.
 */
export const FULFILMENT_STATUSES = ["unfulfilled", "packed", "shipped", "delivered", "returned", "cancelled"] as const satisfies readonly FulfilmentStatus[];

export const FULFILMENT_STEPS = ["pack", "ship", "deliver", "return"] as const;
export type FulfilmentStep = (typeof FULFILMENT_STEPS)[number];

export interface StepRule {
  from: readonly FulfilmentStatus[];
  to: FulfilmentStatus;
  /** The orders column that records when the step was taken. */
  stamp: "packedAt" | "shippedAt" | "deliveredAt" | "returnedAt";
  /** How the step is written in the audit trail (merchant_actions.action). */
  action: Extract<MerchantActionKind, `mark_${string}`>;
  /** The customer's email the step owes, written once through the outbox in the step's transaction. */
  email: "order_shipped" | "order_delivered" | null;
}

export const STEP_RULES: Record<FulfilmentStep, StepRule> = {
  pack: { from: ["unfulfilled"], to: "packed", stamp: "packedAt", action: "mark_packed", email: null },
  // Shipping needs a courier and a resi (./couriers.ts), checked by the module before the row is touched.
  ship: { from: ["packed"], to: "shipped", stamp: "shippedAt", action: "mark_shipped", email: "order_shipped" },
  deliver: { from: ["shipped"], to: "delivered", stamp: "deliveredAt", action: "mark_delivered", email: "order_delivered" },
  // A parcel the courier brought back (refused, no one at the address), or goods the customer sent back.
  return: { from: ["shipped", "delivered"], to: "returned", stamp: "returnedAt", action: "mark_returned", email: null },
};

export function isFulfilmentStep(value: string): value is FulfilmentStep {
  return (FULFILMENT_STEPS as readonly string[]).includes(value);
}

/** The steps a merchant may take from a state, in the order the console offers them. */
export function stepsFrom(status: FulfilmentStatus): FulfilmentStep[] {
  return FULFILMENT_STEPS.filter((step) => STEP_RULES[step].from.includes(status));
}

/** Not yet handed to a courier: what a full refund or void still cancels (./fulfilment-rule.ts). */
export const UNSHIPPED_STATUSES = ["unfulfilled", "packed"] as const satisfies readonly FulfilmentStatus[];

export function isUnshipped(status: FulfilmentStatus): boolean {
  return (UNSHIPPED_STATUSES as readonly FulfilmentStatus[]).includes(status);
}
