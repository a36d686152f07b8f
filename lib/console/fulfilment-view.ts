import "server-only";
import type { MerchantAction, Order } from "@/db/schema";
import { courierOfOption, type Courier } from "@/lib/delivery/couriers";
import { paymentRefusal, type PaymentRefusal } from "@/lib/delivery/fulfilment-rule";
import { STEP_RULES, stepsFrom, type FulfilmentStep } from "@/lib/delivery/fulfilment-states";
import type { FulfilmentRefusal } from "@/lib/delivery/fulfilment";

/** What the console's fulfilment panel shows for one order, decided here so the panel only lays it out. */

const FULFILMENT_ACTIONS = Object.values(STEP_RULES).map((rule) => rule.action);
type FulfilmentAction = (typeof FULFILMENT_ACTIONS)[number];
export type FulfilmentOutcome = FulfilmentRefusal | "succeeded";

const OUTCOMES: readonly FulfilmentOutcome[] = [
  "succeeded",
  "not_found",
  "already_done",
  "not_allowed",
  "unpaid",
  "refunded",
  "voided",
  "courier_invalid",
  "resi_missing",
  "resi_format",
  "resi_taken",
] satisfies readonly FulfilmentOutcome[];

export type FulfilmentHistoryEntry = Omit<MerchantAction, "action" | "outcome"> & { action: FulfilmentAction; outcome: FulfilmentOutcome };

export interface FulfilmentPanelView {
  order: Pick<Order, "id" | "fulfilmentStatus" | "courier" | "trackingNumber">;
  /** The steps the merchant can take now. */
  steps: FulfilmentStep[];
  /** Why the next step cannot be taken, when the payment is the reason. */
  blockedBy: PaymentRefusal | null;
  /** The courier of the service the customer chose, offered first when shipping. */
  courierChoice: { chosen: Courier | null; service: string | null };
  history: FulfilmentHistoryEntry[];
}

const isFulfilmentAction = (action: MerchantAction): action is MerchantAction & { action: FulfilmentAction } => (FULFILMENT_ACTIONS as string[]).includes(action.action);

/** The audit trail split: money back (refunds, voids) for the payments panel, fulfilment steps for this one. */
export function splitActions(actions: MerchantAction[]): { moneyBack: MerchantAction[]; fulfilment: FulfilmentHistoryEntry[] } {
  return {
    moneyBack: actions.filter((action) => !isFulfilmentAction(action)),
    fulfilment: actions.filter(isFulfilmentAction).map((action) => ({
      ...action,
      outcome: (OUTCOMES as readonly string[]).includes(action.outcome) ? (action.outcome as FulfilmentOutcome) : "not_allowed",
    })),
  };
}

export function fulfilmentPanelView(order: Order, history: FulfilmentHistoryEntry[]): FulfilmentPanelView {
  const candidates = stepsFrom(order.fulfilmentStatus);
  const refusals = candidates.map((step) => paymentRefusal(step, order));
  const steps = candidates.filter((_, i) => refusals[i] === null);
  // A cancelled fulfilment has no step left; the payment is why (fulfilment-rule.ts cancels only on money all back).
  const cancelledBy: PaymentRefusal | null = order.fulfilmentStatus === "cancelled" ? (order.status === "voided" ? "voided" : "refunded") : null;
  return {
    order: { id: order.id, fulfilmentStatus: order.fulfilmentStatus, courier: order.courier, trackingNumber: order.trackingNumber },
    steps,
    blockedBy: cancelledBy ?? (steps.length === 0 ? (refusals.find((refusal) => refusal !== null) ?? null) : null),
    courierChoice: { chosen: courierOfOption(order.delivery?.option.id), service: order.delivery?.option.name ?? null },
    history,
  };
}
