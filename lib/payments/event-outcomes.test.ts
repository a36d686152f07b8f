import { describe, expect, it } from "vitest";
import { paymentStatus } from "@/db/schema";
import { PAYMENT_EVENT_OUTCOMES, TRANSITION_OUTCOMES, isPaymentEventOutcome, transitionOutcome } from "@/db/event-outcomes";
import { canTransition } from "./state-machine";

describe("payment event outcome vocabulary", () => {
  it("names every transition the state machine allows, and nothing it refuses", () => {
    const allowed = paymentStatus.enumValues.flatMap((from) => paymentStatus.enumValues.filter((to) => canTransition(from, to)).map((to) => `${from}_to_${to}`));
    expect([...TRANSITION_OUTCOMES].sort()).toEqual(allowed.sort());
    expect(transitionOutcome("pending", "paid")).toBe("pending_to_paid");
    expect(() => transitionOutcome("paid", "pending")).toThrow(RangeError);
  });

  it("has no duplicates and every name fits the 40-character column", () => {
    expect(new Set(PAYMENT_EVENT_OUTCOMES).size).toBe(PAYMENT_EVENT_OUTCOMES.length);
    expect(PAYMENT_EVENT_OUTCOMES.every((o) => o.length <= 40 && /^[a-z_]+$/.test(o))).toBe(true);
    expect(isPaymentEventOutcome("malformed")).toBe(true);
    expect(isPaymentEventOutcome("pending_to_pending")).toBe(false);
  });
});
