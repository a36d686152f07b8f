import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { emailOutbox, merchantActions, refunds } from "@/db/schema";
import { getDb } from "@/lib/db";
import { formatIdr } from "@/lib/money";
import { attemptRow, newCustomer, orderRow } from "@/test-support/payment-fixtures";
import { withFinpaySandbox } from "@/test-support/payment-sandbox";
import { moneyBackMessage } from "@/lib/console/money-back-text";
import { handleFinpayCallback } from "./callback";
import { refundPayment, remainingRefundable, voidPayment, type MerchantActor } from "./money-back";

/**
 * Refund limits and voids with real parts: the sandbox over HTTP as Finpay, and the database under test (in-memory
 * PGlite, or PostgreSQL with DATABASE_URL), where concurrent requests really queue on the attempt's row lock.
 */
const finpay = withFinpaySandbox();

async function merchant(): Promise<MerchantActor> {
  const user = await newCustomer();
  return { id: user.id, email: user.email };
}

/** A paid order: one Kemeja Batik Tulis (Rp 450.000) plus its delivery. */
async function paidAttempt() {
  const { attempt } = await finpay.pendingPayment();
  await finpay.payAtFinpay(attempt.finpayOrderId);
  return attempt;
}

type SandboxOrder = { status: string; refundedAmount: number };
const atFinpay = async (finpayOrderId: string) => (await finpay.orderAtFinpay(finpayOrderId)) as unknown as SandboxOrder;

async function refundRows(attemptId: string) {
  const db = await getDb();
  return db.select().from(refunds).where(eq(refunds.attemptId, attemptId));
}

/** The emails of one kind ("refund", or "void": nothing was taken) written for money-back rows: [row id, amount] each. */
async function refundEmails(refundIds: string[], kind: "refund" | "void" = "refund") {
  const db = await getDb();
  if (refundIds.length === 0) return [];
  const rows = await db
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.kind, kind), inArray(emailOutbox.subjectId, refundIds)));
  return rows.map((row) => [row.subjectId, row.data.amountIdr]).sort();
}

describe("refunds and voids", () => {
  // Opening (and migrating) the database belongs to the setup, not to the first test's time.
  beforeAll(async () => void (await getDb()));

  it("refunds part, then the rest: partly refunded, then refunded, here and at Finpay; every action audited", async () => {
    const actor = await merchant();
    const attempt = await paidAttempt();
    const total = attempt.amountIdr;
    expect(total).toBeGreaterThan(450_000); // the shirt plus its delivery

    const first = await refundPayment(actor, attempt.id, 150_000, "damaged in transit");
    expect(first).toMatchObject({ ok: true, refund: { status: "succeeded", amountIdr: 150_000, requestedBy: actor.id } });
    expect(await orderRow(attempt.orderId)).toMatchObject({ status: "partly_refunded" });
    expect(await attemptRow(attempt.id)).toMatchObject({ status: "partly_refunded" });
    expect(await atFinpay(attempt.finpayOrderId)).toMatchObject({ status: "PARTIALLY_REFUNDED", refundedAmount: 150_000 });

    expect(await remainingRefundable(attempt)).toBe(total - 150_000);
    expect(await refundPayment(actor, attempt.id, total - 150_000)).toMatchObject({ ok: true });
    expect(await orderRow(attempt.orderId)).toMatchObject({ status: "refunded" });
    expect(await atFinpay(attempt.finpayOrderId)).toMatchObject({ status: "REFUNDED", refundedAmount: total });
    // The customer is told of each refund once, with its own amount.
    const given = (await refundRows(attempt.id)).map((r) => [r.id, r.amountIdr]).sort();
    expect(await refundEmails(given.map(([id]) => id as string))).toEqual(given);

    const db = await getDb();
    const actions = await db.select().from(merchantActions).where(eq(merchantActions.attemptId, attempt.id));
    expect(actions.map((a) => [a.action, a.outcome, a.amountIdr, a.actorId])).toEqual([
      ["refund", "succeeded", 150_000, actor.id],
      ["refund", "succeeded", total - 150_000, actor.id],
    ]);
  });

  it("Finpay's callback after a refund is recorded: the attempt shows PARTIALLY_REFUNDED, then REFUNDED, not CAPTURED", async () => {
    const actor = await merchant();
    const attempt = await paidAttempt();
    expect(await attemptRow(attempt.id)).toMatchObject({ status: "paid", finpayStatus: "CAPTURED" });

    expect(await refundPayment(actor, attempt.id, 50_000)).toMatchObject({ ok: true });
    expect((await handleFinpayCallback(await finpay.lastCallbackFor(attempt.finpayOrderId))).status).toBe(200);
    expect(await attemptRow(attempt.id)).toMatchObject({ status: "partly_refunded", finpayStatus: "PARTIALLY_REFUNDED" });

    expect(await refundPayment(actor, attempt.id, attempt.amountIdr - 50_000)).toMatchObject({ ok: true });
    const last = await finpay.lastCallbackFor(attempt.finpayOrderId);
    expect((await handleFinpayCallback(last)).status).toBe(200);
    expect(await attemptRow(attempt.id)).toMatchObject({ status: "refunded", finpayStatus: "REFUNDED" });
  });

  it("refuses a refund above what is left, before calling Finpay, and audits the refusal", async () => {
    const actor = await merchant();
    const attempt = await paidAttempt();
    await refundPayment(actor, attempt.id, attempt.amountIdr - 50_000);
    const over = await refundPayment(actor, attempt.id, 50_001);
    expect(over).toEqual({ ok: false, reason: "over_remaining", message: `Only ${formatIdr(50_000)} is left to refund on this payment.` });
    expect(await atFinpay(attempt.finpayOrderId)).toMatchObject({ refundedAmount: attempt.amountIdr - 50_000 });
    expect((await refundRows(attempt.id)).map((r) => r.amountIdr)).toEqual([attempt.amountIdr - 50_000]);
    const db = await getDb();
    const [refused] = await db.select().from(merchantActions).where(eq(merchantActions.outcome, "over_remaining"));
    expect(refused).toMatchObject({ actorId: actor.id, attemptId: attempt.id, amountIdr: 50_001 });
    expect(await refundPayment(actor, attempt.id, 0)).toMatchObject({ ok: false, reason: "invalid_amount" });
  });

  it("eight concurrent refunds of Rp 100.000 on a payment of Rp 450.000 and some: exactly four go through, never more than was paid", async () => {
    const actor = await merchant();
    const attempt = await paidAttempt();
    expect(attempt.amountIdr).toBeGreaterThanOrEqual(400_000);
    expect(attempt.amountIdr).toBeLessThan(500_000);
    const results = await Promise.all(Array.from({ length: 8 }, () => refundPayment(actor, attempt.id, 100_000)));
    expect(results.filter((r) => r.ok)).toHaveLength(4);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.reason)).toEqual(Array(4).fill("over_remaining"));
    const rows = await refundRows(attempt.id);
    expect(rows.reduce((sum, r) => sum + r.amountIdr, 0)).toBe(400_000);
    expect(await atFinpay(attempt.finpayOrderId)).toMatchObject({ status: "PARTIALLY_REFUNDED", refundedAmount: 400_000 });
    expect(await orderRow(attempt.orderId)).toMatchObject({ status: "partly_refunded" });
  });

  it("voids an unsettled payment once; a second void, and concurrent voids, are refused", async () => {
    const actor = await merchant();
    const attempt = await paidAttempt();
    const voids = await Promise.all([voidPayment(actor, attempt.id), voidPayment(actor, attempt.id), voidPayment(actor, attempt.id)]);
    expect(voids.filter((v) => v.ok)).toHaveLength(1);
    expect(await orderRow(attempt.orderId)).toMatchObject({ status: "voided" });
    expect(await atFinpay(attempt.finpayOrderId)).toMatchObject({ status: "VOIDED" });
    expect(await voidPayment(actor, attempt.id)).toMatchObject({ ok: false, reason: "already_refunded" });
    expect(await refundPayment(actor, attempt.id, 1_000)).toMatchObject({ ok: false, reason: "not_refundable" });
    const [voided] = await refundRows(attempt.id);
    expect([voided!.kind, voided!.status, voided!.amountIdr]).toEqual(["void", "succeeded", attempt.amountIdr]);
    // A void gets its own email, never one that says money is on its way back (issue 28).
    expect(await refundEmails([voided!.id], "void")).toEqual([[voided!.id, attempt.amountIdr]]);
    expect(await refundEmails([voided!.id], "refund")).toEqual([]);
  });

  it("a void after settlement is refused by Finpay and changes nothing; a refund still works", async () => {
    const actor = await merchant();
    const attempt = await paidAttempt();
    await finpay.sandbox.control("POST", `/orders/${attempt.finpayOrderId}/settle`);
    const refused = await voidPayment(actor, attempt.id);
    expect(refused).toMatchObject({ ok: false, reason: "gateway_refused", refund: { status: "failed", finpayResponseCode: "4040100" } });
    expect(await refundEmails([refused.refund!.id])).toEqual([]); // nothing went back: nothing to tell
    expect(refused.message).toContain("can be refunded instead");
    // The merchant reads why in their own words, not Finpay's "Invalid Transaction Status".
    expect(await moneyBackMessage("void", attempt.id, refused)).toEqual({ key: "voidRefusedStatus" });
    expect(await orderRow(attempt.orderId)).toMatchObject({ status: "paid" });
    expect(await remainingRefundable(attempt)).toBe(attempt.amountIdr);
    expect(await refundPayment(actor, attempt.id, attempt.amountIdr)).toMatchObject({ ok: true });
    expect(await orderRow(attempt.orderId)).toMatchObject({ status: "refunded" });
  });

  it("a host that does not take the configured void form (POST by default): nothing voided or reserved, the merchant told what to check; the right form then voids", async () => {
    const actor = await merchant();
    const attempt = await paidAttempt();
    await finpay.sandbox.control("POST", "/quirks", { acceptVoid: "get" });
    try {
      const refused = await voidPayment(actor, attempt.id);
      expect(refused).toMatchObject({ ok: false, reason: "void_form_refused", refund: { status: "failed", finpayResponseCode: null } });
      expect(refused.message).toBe(
        "Finpay's host does not take a void as POST /pg/payment/card/void. Nothing was voided: run npm run finpay:check to see which form it takes, and set FINPAY_VOID_FORM.",
      );
      expect(await atFinpay(attempt.finpayOrderId)).toMatchObject({ status: "CAPTURED" });
      expect(await orderRow(attempt.orderId)).toMatchObject({ status: "paid" });
      expect(await remainingRefundable(attempt)).toBe(attempt.amountIdr);
      const db = await getDb();
      const [audited] = await db.select().from(merchantActions).where(eq(merchantActions.attemptId, attempt.id));
      expect(audited).toMatchObject({ action: "void", outcome: "void_form_refused" });
    } finally {
      await finpay.sandbox.control("DELETE", "/quirks");
    }
    expect(await voidPayment(actor, attempt.id)).toMatchObject({ ok: true });
    expect(await atFinpay(attempt.finpayOrderId)).toMatchObject({ status: "VOIDED" });
  });

  it("a void after a partial refund is refused without asking Finpay", async () => {
    const actor = await merchant();
    const attempt = await paidAttempt();
    await refundPayment(actor, attempt.id, 10_000);
    expect(await voidPayment(actor, attempt.id)).toMatchObject({ ok: false, reason: "already_refunded" });
    expect(await atFinpay(attempt.finpayOrderId)).toMatchObject({ status: "PARTIALLY_REFUNDED" });
  });
});
