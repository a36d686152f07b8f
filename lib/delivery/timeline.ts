import type { Order } from "@/db/schema";

/** What the customer's order timeline reads from an order. */
export type OrderTimeline = Pick<Order, "createdAt" | "paidAt" | "packedAt" | "shippedAt" | "deliveredAt" | "returnedAt" | "fulfilmentCancelledAt" | "courier" | "trackingNumber">;

export type TimelineKey = "ordered" | "paid" | "packed" | "shipped" | "delivered" | "returned" | "cancelled";
export type TimelineStep = { key: TimelineKey; at: Date | null };

/**
 * The order's steps, in the order they happen. The road ahead (packed, shipped, delivered) is shown as "not yet"
 * while it can still happen; a cancelled shipment ends the road after "paid", a return after the last step taken.
 */
export function timelineSteps(order: OrderTimeline): TimelineStep[] {
  const steps: TimelineStep[] = [
    { key: "ordered", at: order.createdAt },
    { key: "paid", at: order.paidAt },
  ];
  if (order.fulfilmentCancelledAt) {
    if (order.packedAt) steps.push({ key: "packed", at: order.packedAt });
    return [...steps, { key: "cancelled", at: order.fulfilmentCancelledAt }];
  }
  steps.push({ key: "packed", at: order.packedAt }, { key: "shipped", at: order.shippedAt });
  if (order.returnedAt) {
    if (order.deliveredAt) steps.push({ key: "delivered", at: order.deliveredAt });
    return [...steps, { key: "returned", at: order.returnedAt }];
  }
  return [...steps, { key: "delivered", at: order.deliveredAt }];
}
