import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { paymentAttempts } from "@/db/schema";
import { getDb } from "@/lib/db";
import { attemptsOf, orderRow } from "@/test-support/payment-fixtures";
import { withFinpaySandbox } from "@/test-support/payment-sandbox";
import { cancelLiveAttempts } from "./cancel";

/** Cancelling an order's open payment with the sandbox over HTTP as Finpay: only a confirmed cancel counts. */
const finpay = withFinpaySandbox();

describe("cancelling an open payment", () => {
  it("says 'already paid' when Finpay had captured it (callback lost), and the order is paid", async () => {
    const { attempt } = await finpay.pendingPayment();
    await finpay.payAtFinpay(attempt.finpayOrderId, { callbackLost: true });
    expect(await cancelLiveAttempts(attempt.orderId)).toEqual({ kind: "already_paid" });
    expect((await orderRow(attempt.orderId)).status).toBe("paid");
  });

  it("cancels an open link at Finpay and here", async () => {
    const { attempt } = await finpay.pendingPayment();
    expect(await cancelLiveAttempts(attempt.orderId)).toEqual({ kind: "cancelled" });
    expect((await attemptsOf(attempt.orderId))[0]!.status).toBe("cancelled");
    expect((await finpay.orderAtFinpay(attempt.finpayOrderId)).status).toBe("CANCELLED");
  });

  it("does not touch an attempt whose initiate call may still be in flight", async () => {
    const { attempt } = await finpay.pendingPayment();
    const db = await getDb();
    await db.update(paymentAttempts).set({ status: "initiating", redirectUrl: null }).where(eq(paymentAttempts.id, attempt.id));
    expect(await cancelLiveAttempts(attempt.orderId)).toMatchObject({ kind: "in_progress" });
    expect((await attemptsOf(attempt.orderId))[0]!.status).toBe("initiating");
  });
});

