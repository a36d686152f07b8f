import "server-only";
import { and, eq, ne } from "drizzle-orm";
import { merchantActions, orders, type Courier, type FulfilmentStatus, type Order } from "@/db/schema";
import { getDb } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { queueOrderEmail } from "@/lib/email/outbox";
import { logger } from "@/lib/logger";
import type { MerchantActor } from "@/lib/payments/money-back";
import type { Tx } from "@/lib/payments/state-machine";
import { COURIERS, isCourier, isResiOf, normalizeResi } from "./couriers";
import { paymentRefusal, type PaymentRefusal } from "./fulfilment-rule";
import { STEP_RULES, type FulfilmentStep } from "./fulfilment-states";

/**
 * The ONE place that changes an order's fulfilment (packed, shipped with courier and resi, delivered, returned).
 * Each step is taken on the order row locked FOR UPDATE, so two merchants (or a double click, or a refund becoming
 * final at the same moment) queue up and see each other's result; the steps allowed come from
 * ./fulfilment-states.ts, what the payment allows from ./fulfilment-rule.ts. The audit row and the customer's email
 * commit with the change; a refused step is audited too.
 */

export type FulfilmentRefusal =
  | "not_found"
  /** The order is already in the step's state (a double click, another merchant). */
  | "already_done"
  /** The step does not follow from the order's fulfilment state. */
  | "not_allowed"
  | PaymentRefusal
  | "courier_invalid"
  | "resi_missing"
  | "resi_format"
  /** Another order already carries this courier's resi. */
  | "resi_taken";

export type FulfilmentResult =
  | { ok: true; order: Order }
  | { ok: false; reason: FulfilmentRefusal; field?: "courier" | "trackingNumber"; current?: FulfilmentStatus };

export interface ShipmentInput {
  courier: string;
  trackingNumber: string;
}

type Shipment = { courier: Courier; trackingNumber: string };
type Refusal = Extract<FulfilmentResult, { ok: false }>;

/** The courier and resi a shipment needs: a courier we know, and a resi in that courier's format. */
export function checkShipment(input: ShipmentInput | undefined): { ok: true; shipment: Shipment } | Refusal {
  const courier = input?.courier ?? "";
  if (!isCourier(courier)) return { ok: false, reason: "courier_invalid", field: "courier" };
  const trackingNumber = normalizeResi(input?.trackingNumber ?? "");
  if (trackingNumber === "") return { ok: false, reason: "resi_missing", field: "trackingNumber" };
  if (!isResiOf(courier, trackingNumber)) return { ok: false, reason: "resi_format", field: "trackingNumber" };
  return { ok: true, shipment: { courier, trackingNumber } };
}

export async function takeFulfilmentStep(actor: MerchantActor, orderId: string, step: FulfilmentStep, input?: ShipmentInput): Promise<FulfilmentResult> {
  let result: FulfilmentResult;
  try {
    result = await (await getDb()).transaction((tx) => changeLocked(tx, actor, orderId, step, input));
  } catch (error) {
    // Two orders shipped with the same resi at the same moment: the unique index has the last word.
    if (!isUniqueViolation(error, "orders_courier_tracking_unique")) throw error;
    result = { ok: false, reason: "resi_taken", field: "trackingNumber" };
  }
  if (!result.ok) {
    const typed = input ? `${input.courier} ${input.trackingNumber}`.trim() : null;
    await audit(await getDb(), actor, result.reason === "not_found" ? null : orderId, step, result.reason, typed);
    logger.info("fulfilment.refused", { orderId, step, reason: result.reason, actorId: actor.id });
  }
  return result;
}

async function changeLocked(tx: Tx, actor: MerchantActor, orderId: string, step: FulfilmentStep, input: ShipmentInput | undefined): Promise<FulfilmentResult> {
  const rule = STEP_RULES[step];
  const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for("update");
  if (!order) return { ok: false, reason: "not_found" };
  const current = order.fulfilmentStatus;
  if (current === rule.to) return { ok: false, reason: "already_done", current };
  if (!rule.from.includes(current)) return { ok: false, reason: "not_allowed", current };
  const refusal = paymentRefusal(step, order);
  if (refusal) return { ok: false, reason: refusal, current };
  let shipment: Shipment | null = null;
  if (step === "ship") {
    const checked = checkShipment(input);
    if (!checked.ok) return { ...checked, current };
    shipment = checked.shipment;
    if (await resiTaken(tx, orderId, shipment)) return { ok: false, reason: "resi_taken", field: "trackingNumber", current };
  }

  const now = new Date();
  const [changed] = await tx
    .update(orders)
    .set({ fulfilmentStatus: rule.to, [rule.stamp]: now, updatedAt: now, ...(shipment ?? {}) })
    .where(and(eq(orders.id, orderId), eq(orders.fulfilmentStatus, current)))
    .returning();
  if (rule.email) await queueOrderEmail(tx, rule.email, orderId, orderId);
  await audit(tx, actor, orderId, step, "succeeded", shipment ? describe(shipment) : null);
  logger.info("fulfilment.changed", { orderId, from: current, to: rule.to, actorId: actor.id });
  return { ok: true, order: changed! };
}

async function resiTaken(tx: Tx, orderId: string, shipment: Shipment): Promise<boolean> {
  const [other] = await tx
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.courier, shipment.courier), eq(orders.trackingNumber, shipment.trackingNumber), ne(orders.id, orderId)))
    .limit(1);
  return Boolean(other);
}

const describe = (shipment: Shipment) => `${COURIERS[shipment.courier].name} ${shipment.trackingNumber}`;

type Writer = Pick<Tx, "insert">;

/** Who asked for which step on which order, and how it ended. */
async function audit(db: Writer, actor: MerchantActor, orderId: string | null, step: FulfilmentStep, outcome: string, detail: string | null): Promise<void> {
  await db.insert(merchantActions).values({
    actorId: actor.id,
    actorEmail: actor.email,
    action: STEP_RULES[step].action,
    orderId,
    outcome,
    detail: detail ? detail.slice(0, 200) : null,
  });
}
