import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emailOutbox, fulfilmentStatus, merchantActions, orderItems, orders, products, users } from "@/db/schema";
import { getDb } from "@/lib/db";
import { QUEUES } from "@/lib/jobs/queues";
import { orderNumber } from "@/lib/payments/ids";
import { refundPayment, voidPayment, type MerchantActor } from "@/lib/payments/money-back";
import { stopTestBoss, workQueue } from "@/test-support/jobs";
import { startMailCatcher, type MailCatcher } from "@/test-support/maildev";
import { newCustomer, newOrder, orderRow } from "@/test-support/payment-fixtures";
import { withFinpaySandbox } from "@/test-support/payment-sandbox";
import { takeFulfilmentStep } from "./fulfilment";
import { FULFILMENT_STATUSES } from "./fulfilment-states";

/**
 * The fulfilment module with real parts: orders paid through the sandbox over HTTP and the app's callback handler,
 * refunds and voids through the money-back module, the database under test (PGlite, or PostgreSQL with
 * DATABASE_URL, where concurrent steps really queue on the order's row lock), and the emails sent by the worker's
 * job handler to a real MailDev.
 */
const finpay = withFinpaySandbox();
let mail: MailCatcher;

beforeAll(async () => {
  mail = await startMailCatcher();
  process.env.SMTP_URL = mail.smtpUrl; // read by lib/env on first use in this file
  await getDb();
});

afterAll(async () => {
  await stopTestBoss();
  await mail.stop();
});

async function merchant(): Promise<MerchantActor> {
  const user = await newCustomer();
  return { id: user.id, email: user.email };
}

/** A paid order for one Kemeja Batik Tulis, in the customer's language. */
async function paidOrder(locale: "id" | "en" = "id") {
  const payment = await finpay.pendingPayment();
  const db = await getDb();
  await db.update(users).set({ locale }).where(eq(users.id, payment.user.id));
  await finpay.payAtFinpay(payment.attempt.finpayOrderId);
  return payment;
}

let resiSeq = 0;
/** A J&T resi no other test uses: JP and 10 digits. */
const jntResi = () => `JP${String(Date.now() % 1e6).padStart(6, "0")}${String(++resiSeq).padStart(4, "0")}`;

async function stockOf(orderId: string): Promise<number> {
  const db = await getDb();
  const [row] = await db.select({ stock: products.stock }).from(orderItems).innerJoin(products, eq(products.id, orderItems.productId)).where(eq(orderItems.orderId, orderId));
  return row!.stock;
}

async function emailsOf(orderId: string) {
  const db = await getDb();
  const rows = await db
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.subjectId, orderId), inArray(emailOutbox.kind, ["order_shipped", "order_delivered"])));
  return rows.map((row) => row.kind).sort();
}

async function actionsOf(orderId: string) {
  const db = await getDb();
  const rows = await db.select().from(merchantActions).where(eq(merchantActions.orderId, orderId)).orderBy(merchantActions.id);
  return rows.map((row) => [row.action, row.outcome]);
}

describe("fulfilment vocabulary", () => {
  it("is the database enum, in the same order", () => {
    expect([...FULFILMENT_STATUSES]).toEqual(fulfilmentStatus.enumValues);
  });
});

describe("taking a paid order to delivered", () => {
  it("packs, ships with a valid resi, delivers; stamps each step, audits who did it, owes two emails once", async () => {
    const actor = await merchant();
    const { orderId, user } = await paidOrder("en");
    expect(await orderRow(orderId)).toMatchObject({ status: "paid", fulfilmentStatus: "unfulfilled" });

    expect(await takeFulfilmentStep(actor, orderId, "pack")).toMatchObject({ ok: true, order: { fulfilmentStatus: "packed" } });
    const resi = jntResi();
    // Typed as people type it: lower case, spaces and dashes; stored as J&T prints it.
    const typed = `${resi.slice(0, 2).toLowerCase()} ${resi.slice(2, 6)}-${resi.slice(6)}`;
    const shipped = await takeFulfilmentStep(actor, orderId, "ship", { courier: "jnt", trackingNumber: typed });
    expect(shipped).toMatchObject({ ok: true, order: { fulfilmentStatus: "shipped", courier: "jnt", trackingNumber: resi } });
    expect(await takeFulfilmentStep(actor, orderId, "deliver")).toMatchObject({ ok: true });
    // A second click, or a second merchant, changes nothing and writes no second email.
    expect(await takeFulfilmentStep(actor, orderId, "deliver")).toMatchObject({ ok: false, reason: "already_done", current: "delivered" });

    const order = await orderRow(orderId);
    expect(order).toMatchObject({ fulfilmentStatus: "delivered", status: "paid" });
    expect(order.packedAt!.getTime()).toBeLessThanOrEqual(order.shippedAt!.getTime());
    expect(order.shippedAt!.getTime()).toBeLessThanOrEqual(order.deliveredAt!.getTime());
    expect(await emailsOf(orderId)).toEqual(["order_delivered", "order_shipped"]);
    expect(await actionsOf(orderId)).toEqual([
      ["mark_packed", "succeeded"],
      ["mark_shipped", "succeeded"],
      ["mark_delivered", "succeeded"],
      ["mark_delivered", "already_done"],
    ]);

    await workQueue(QUEUES.sendEmail);
    const emails = await mail.emailsTo(user.email);
    const number = orderNumber(orderId);
    const shippedEmail = emails.find((email) => email.subject === `Order ${number} is on its way`);
    expect(shippedEmail?.text).toContain(resi);
    expect(shippedEmail?.text).toContain("J&T Express");
    expect(shippedEmail?.html).toContain(`https://jet.co.id/track?awb=${resi}`);
    expect(emails.filter((email) => email.subject === `Order ${number} has been delivered`)).toHaveLength(1);
  });

  it("writes the emails in the customer's language (Bahasa Indonesia)", async () => {
    const actor = await merchant();
    const { orderId, user } = await paidOrder("id");
    await takeFulfilmentStep(actor, orderId, "pack");
    expect(await takeFulfilmentStep(actor, orderId, "ship", { courier: "sicepat", trackingNumber: "004012345678" })).toMatchObject({ ok: true });
    await workQueue(QUEUES.sendEmail);
    const shipped = (await mail.emailsTo(user.email)).find((email) => email.subject === `Pesanan ${orderNumber(orderId)} sudah dikirim`);
    expect(shipped?.text).toContain("Nomor resi");
    expect(shipped?.text).toContain("004012345678");
  });
});

describe("refused steps", () => {
  it("refuses steps that do not follow: shipping before packing, delivering before shipping, returning what never left", async () => {
    const actor = await merchant();
    const { orderId } = await paidOrder();
    expect(await takeFulfilmentStep(actor, orderId, "ship", { courier: "jnt", trackingNumber: jntResi() })).toMatchObject({ ok: false, reason: "not_allowed", current: "unfulfilled" });
    expect(await takeFulfilmentStep(actor, orderId, "deliver")).toMatchObject({ ok: false, reason: "not_allowed" });
    expect(await takeFulfilmentStep(actor, orderId, "return")).toMatchObject({ ok: false, reason: "not_allowed" });
    await takeFulfilmentStep(actor, orderId, "pack");
    expect(await takeFulfilmentStep(actor, orderId, "pack")).toMatchObject({ ok: false, reason: "already_done" });
    expect(await takeFulfilmentStep(actor, orderId, "deliver")).toMatchObject({ ok: false, reason: "not_allowed", current: "packed" });
    expect(await orderRow(orderId)).toMatchObject({ fulfilmentStatus: "packed", shippedAt: null, deliveredAt: null });
    expect(await emailsOf(orderId)).toEqual([]);
    expect((await actionsOf(orderId)).map(([, outcome]) => outcome)).toEqual(["not_allowed", "not_allowed", "not_allowed", "succeeded", "already_done", "not_allowed"]);
  });

  it("refuses an unpaid order, and an order that does not exist", async () => {
    const actor = await merchant();
    const customer = await newCustomer();
    const order = await newOrder(customer.id);
    expect(await takeFulfilmentStep(actor, order.id, "pack")).toMatchObject({ ok: false, reason: "unpaid" });
    expect(await orderRow(order.id)).toMatchObject({ fulfilmentStatus: "unfulfilled", packedAt: null });
    expect(await takeFulfilmentStep(actor, "00000000-0000-4000-8000-000000000000", "pack")).toEqual({ ok: false, reason: "not_found" });
  });

  it("checks the resi against the courier's format and names the field", async () => {
    const actor = await merchant();
    const { orderId } = await paidOrder();
    await takeFulfilmentStep(actor, orderId, "pack");
    const ship = (courier: string, trackingNumber: string) => takeFulfilmentStep(actor, orderId, "ship", { courier, trackingNumber });
    expect(await ship("jnt", "")).toMatchObject({ ok: false, reason: "resi_missing", field: "trackingNumber" });
    expect(await ship("jnt", "004012345678")).toMatchObject({ ok: false, reason: "resi_format", field: "trackingNumber" }); // a SiCepat number
    expect(await ship("sicepat", "JP1234567890")).toMatchObject({ ok: false, reason: "resi_format" });
    expect(await ship("jne", "CGK12")).toMatchObject({ ok: false, reason: "resi_format" });
    expect(await ship("pos", "RA123456789ID")).toMatchObject({ ok: false, reason: "courier_invalid", field: "courier" });
    expect(await orderRow(orderId)).toMatchObject({ fulfilmentStatus: "packed", courier: null, trackingNumber: null });
    expect(await emailsOf(orderId)).toEqual([]);
  });

  it("refuses a resi already used on another order, also when two orders are shipped with it at once", async () => {
    const actor = await merchant();
    const first = await paidOrder();
    const second = await paidOrder();
    const third = await paidOrder();
    for (const { orderId } of [first, second, third]) await takeFulfilmentStep(actor, orderId, "pack");
    const resi = "CGK1234500001";
    expect(await takeFulfilmentStep(actor, first.orderId, "ship", { courier: "jne", trackingNumber: resi })).toMatchObject({ ok: true });
    expect(await takeFulfilmentStep(actor, second.orderId, "ship", { courier: "jne", trackingNumber: resi.toLowerCase() })).toMatchObject({
      ok: false,
      reason: "resi_taken",
      field: "trackingNumber",
    });
    expect(await orderRow(second.orderId)).toMatchObject({ fulfilmentStatus: "packed", trackingNumber: null });

    const shared = "CGK1234500002";
    const results = await Promise.all([second, third].map(({ orderId }) => takeFulfilmentStep(actor, orderId, "ship", { courier: "jne", trackingNumber: shared })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.reason)).toEqual(["resi_taken"]);
  });
});

describe("refunds, voids and fulfilment agree", () => {
  it("a full refund of a packed order cancels its fulfilment and puts its items back into stock; packing is refused after", async () => {
    const actor = await merchant();
    const { orderId, attempt } = await paidOrder();
    await takeFulfilmentStep(actor, orderId, "pack");
    const afterPayment = await stockOf(orderId);
    // Part of the money back: the order is still to be shipped.
    expect(await refundPayment(actor, attempt.id, 10_000)).toMatchObject({ ok: true });
    expect(await orderRow(orderId)).toMatchObject({ status: "partly_refunded", fulfilmentStatus: "packed" });
    expect(await stockOf(orderId)).toBe(afterPayment);
    // The rest: nothing will be shipped.
    expect(await refundPayment(actor, attempt.id, attempt.amountIdr - 10_000)).toMatchObject({ ok: true });
    const order = await orderRow(orderId);
    expect(order).toMatchObject({ status: "refunded", fulfilmentStatus: "cancelled" });
    expect(order.fulfilmentCancelledAt).not.toBeNull();
    expect(await stockOf(orderId)).toBe(afterPayment + 1);
    expect(await takeFulfilmentStep(actor, orderId, "ship", { courier: "jnt", trackingNumber: jntResi() })).toMatchObject({ ok: false, reason: "not_allowed", current: "cancelled" });
  });

  it("a void of an unfulfilled order cancels it and restocks once", async () => {
    const actor = await merchant();
    const { orderId, attempt } = await paidOrder();
    const afterPayment = await stockOf(orderId);
    expect(await voidPayment(actor, attempt.id)).toMatchObject({ ok: true });
    expect(await orderRow(orderId)).toMatchObject({ status: "voided", fulfilmentStatus: "cancelled" });
    expect(await stockOf(orderId)).toBe(afterPayment + 1);
    expect(await voidPayment(actor, attempt.id)).toMatchObject({ ok: false });
    expect(await stockOf(orderId)).toBe(afterPayment + 1);
    expect(await takeFulfilmentStep(actor, orderId, "pack")).toMatchObject({ ok: false, reason: "not_allowed" });
  });

  it("a partly refunded order is still packed and shipped; a refunded order that was never packed refuses packing as refunded", async () => {
    const actor = await merchant();
    const partly = await paidOrder();
    await refundPayment(actor, partly.attempt.id, 5_000);
    expect(await takeFulfilmentStep(actor, partly.orderId, "pack")).toMatchObject({ ok: true });

    // An order refunded before this rule existed could still say "unfulfilled": the payment check refuses it too.
    const customer = await newCustomer();
    const legacy = await newOrder(customer.id);
    const db = await getDb();
    await db.update(orders).set({ status: "refunded", paidAt: new Date() }).where(eq(orders.id, legacy.id));
    expect(await takeFulfilmentStep(actor, legacy.id, "pack")).toMatchObject({ ok: false, reason: "refunded" });
  });

  it("a shipped order can still be refunded in full: it stays shipped, its stock stays sold, and it can be delivered or returned", async () => {
    const actor = await merchant();
    const { orderId, attempt } = await paidOrder();
    await takeFulfilmentStep(actor, orderId, "pack");
    await takeFulfilmentStep(actor, orderId, "ship", { courier: "jnt", trackingNumber: jntResi() });
    const afterPayment = await stockOf(orderId);
    expect(await refundPayment(actor, attempt.id, attempt.amountIdr)).toMatchObject({ ok: true });
    expect(await orderRow(orderId)).toMatchObject({ status: "refunded", fulfilmentStatus: "shipped", fulfilmentCancelledAt: null });
    expect(await stockOf(orderId)).toBe(afterPayment);
    expect(await takeFulfilmentStep(actor, orderId, "return")).toMatchObject({ ok: true, order: { fulfilmentStatus: "returned" } });
    expect(await emailsOf(orderId)).toEqual(["order_shipped"]);
  });
});
