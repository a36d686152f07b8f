import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emailOutbox, users, type EmailKind } from "@/db/schema";
import { getDb } from "@/lib/db";
import { QUEUES } from "@/lib/jobs/queues";
import { handleFinpayCallback } from "@/lib/payments/callback";
import { orderNumber } from "@/lib/payments/ids";
import { stopTestBoss, workQueue } from "@/test-support/jobs";
import { startMailCatcher, waitFor, type MailCatcher } from "@/test-support/maildev";
import { newCustomer } from "@/test-support/payment-fixtures";
import { withFinpaySandbox } from "@/test-support/payment-sandbox";
import { requestSignUp } from "@/lib/sign-up/requests";
import { deliverEmail, SEND_LEASE_SECONDS } from "./deliver";
import { queueRefundEmail } from "./outbox";
import { voidPayment } from "@/lib/payments/money-back";
import { MESSAGES } from "@/messages";

/**
 * Payment emails end to end with real parts: the sandbox over HTTP pays or declines, its signed callbacks go
 * through the app's callback handler into the real database, the outbox rows are sent by the worker's own job
 * handler over SMTP to a real MailDev, and the test reads MailDev's REST API.
 */
const finpay = withFinpaySandbox();
let mail: MailCatcher;

beforeAll(async () => {
  mail = await startMailCatcher();
  process.env.SMTP_URL = mail.smtpUrl; // read by lib/env on first use in this file
});

afterAll(async () => {
  await stopTestBoss();
  await mail.stop();
});

async function outboxRows(kind: EmailKind, subjectId: string) {
  const db = await getDb();
  return db.select().from(emailOutbox).where(and(eq(emailOutbox.kind, kind), eq(emailOutbox.subjectId, subjectId)));
}

async function paidOrder(locale: "id" | "en") {
  const payment = await finpay.pendingPayment();
  const db = await getDb();
  await db.update(users).set({ locale }).where(eq(users.id, payment.user.id));
  await finpay.payAtFinpay(payment.attempt.finpayOrderId);
  return payment;
}

describe("order confirmation", () => {
  it("is written once however often the paid callback comes, and arrives once, in Bahasa Indonesia by default", async () => {
    const { user, orderId, attempt } = await paidOrder("id");
    const callback = await finpay.lastCallbackFor(attempt.finpayOrderId);
    await Promise.all(Array.from({ length: 10 }, () => handleFinpayCallback(callback)));
    expect(await outboxRows("order_confirmation", orderId)).toHaveLength(1);

    await workQueue(QUEUES.sendEmail);
    await workQueue(QUEUES.sendEmail); // a second pass finds nothing more to send
    const emails = await mail.emailsTo(user.email);
    expect(emails).toHaveLength(1);
    const [email] = emails;
    expect(email!.subject).toBe(`Pesanan ${orderNumber(orderId)} sudah dibayar. Terima kasih!`);
    // Plain text and HTML, both with the item, the total and the link to the order.
    for (const body of [email!.text, email!.html]) {
      expect(body).toContain("Kemeja Batik Tulis");
      expect(body).toContain("Pengiriman: JNE REG"); // the delivery the customer chose, and where it goes
      expect(body).toContain("Jl. Braga No. 12");
      expect(body).toContain("Total");
      expect(body).toContain(`/orders/${orderId}`);
      // A new-card payment: the card Finpay reported, as the order page names it.
      expect(body).toContain("Mastercard •••• 0008");
      // The recipient's phone grouped as everywhere else in the shop, never raw E.164.
      expect(body).toMatch(/\+62 8\d\d-\d{3,4}-\d{3,4}/);
      expect(body).not.toMatch(/\+628\d{8}/);
    }
    expect(email!.text).toMatch(/Rp\s?[\d.]+/);
    const [row] = await outboxRows("order_confirmation", orderId);
    expect(row).toMatchObject({ status: "sent", attempts: 1, lastError: null });
  }, 120_000);

  it("is in English for a customer whose language is English", async () => {
    const { user, orderId } = await paidOrder("en");
    await workQueue(QUEUES.sendEmail);
    const [email] = await mail.emailsTo(user.email);
    expect(email!.subject).toBe(`Order ${orderNumber(orderId)} is paid. Thank you!`);
    expect(email!.text).toContain("We have received your payment.");
    expect(email!.text).toContain("Delivery: JNE REG");
    expect(email!.text).toContain("Kota Bandung, Jawa Barat 40111");
  });
});

describe("payment failed", () => {
  it("a declined payment link sends one email with a link to pay again", async () => {
    const { user, orderId, attempt } = await finpay.pendingPayment();
    await finpay.sandbox.control("POST", `/orders/${attempt.finpayOrderId}/fail`, { reason: "insufficient_funds" });
    const callback = await finpay.lastCallbackFor(attempt.finpayOrderId);
    await handleFinpayCallback(callback);
    await handleFinpayCallback(callback);
    expect(await outboxRows("payment_failed", attempt.id)).toHaveLength(1);
    await workQueue(QUEUES.sendEmail);
    const emails = await mail.emailsTo(user.email);
    expect(emails.map((e) => e.subject)).toEqual([`Pembayaran pesanan ${orderNumber(orderId)} tidak berhasil`]);
    expect(emails[0]!.text).toContain("Bayar lagi");
    expect(emails[0]!.text).toContain(`/orders/${orderId}`);
  });
});

describe("SMTP faults", () => {
  it("with the mail server down the send fails and waits, the order is paid anyway; once it is back the email arrives", async () => {
    await mail.stop();
    let payment: Awaited<ReturnType<typeof paidOrder>>;
    try {
      payment = await paidOrder("id");
      const db = await getDb();
      const [row] = await outboxRows("order_confirmation", payment.orderId);
      expect(await workQueue(QUEUES.sendEmail)).toMatchObject({ failed: 1 });
      const [waiting] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, row!.id));
      expect(waiting).toMatchObject({ status: "pending", attempts: 1 });
      expect(waiting!.lastError).toMatch(/ECONNREFUSED|connect/i);
      const state = await finpay.orderAtFinpay(payment.attempt.finpayOrderId);
      expect(state.status).toBe("CAPTURED");
    } finally {
      await mail.start();
    }
    // pg-boss retries after its backoff (5 s for the first retry): keep working the queue until it has.
    const emails = await waitFor(
      async () => {
        await workQueue(QUEUES.sendEmail);
        return mail.emailsTo(payment.user.email);
      },
      (found) => found.length > 0,
      30_000,
    );
    expect(emails).toHaveLength(1);
    const [sent] = await outboxRows("order_confirmation", payment.orderId);
    expect(sent).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("a worker that died mid-send holds the row only for the lease; then the row is sent once", async () => {
    const { user, orderId } = await paidOrder("en");
    const [row] = await outboxRows("order_confirmation", orderId);
    const db = await getDb();
    // Another worker claimed it a moment ago and is (as far as anyone knows) still sending.
    await db.update(emailOutbox).set({ status: "sending", claimedAt: new Date(), attempts: 1 }).where(eq(emailOutbox.id, row!.id));
    expect(await deliverEmail(row!.id, { lastTry: false })).toBe("not_due");
    expect(await mail.emailsTo(user.email)).toHaveLength(0);
    // That worker died: its claim is older than the lease.
    await db
      .update(emailOutbox)
      .set({ claimedAt: new Date(Date.now() - (SEND_LEASE_SECONDS + 5) * 1000) })
      .where(eq(emailOutbox.id, row!.id));
    expect(await deliverEmail(row!.id, { lastTry: false })).toBe("sent");
    expect(await deliverEmail(row!.id, { lastTry: false })).toBe("not_due");
    expect(await mail.emailsTo(user.email)).toHaveLength(1);
  });

  it("an email that cannot be written fails at once, visibly, instead of being retried", async () => {
    const { user, orderId } = await paidOrder("id");
    const db = await getDb();
    const [row] = await db
      .insert(emailOutbox)
      .values({ kind: "refund", subjectId: `broken-${randomUUID()}`, userId: user.id, toAddress: user.email, locale: "id", data: { orderId } })
      .returning();
    expect(await deliverEmail(row!.id, { lastTry: false })).toBe("unsendable");
    const [failed] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, row!.id));
    expect(failed).toMatchObject({ status: "failed", attempts: 1 });
    expect(failed!.lastError).toMatch(/no amount/);
  });
});

describe("queueRefundEmail (for the merchant console)", () => {
  it("refuses what is not a refund of a paid order", async () => {
    const pending = await finpay.pendingPayment();
    await expect(queueRefundEmail({ refundId: randomUUID(), orderId: pending.orderId, amountIdr: 1_000 })).rejects.toThrow(/Only a paid order/);
    await expect(queueRefundEmail({ refundId: randomUUID(), orderId: "not-an-id", amountIdr: 1_000 })).rejects.toThrow(/does not exist/);
    await expect(queueRefundEmail({ refundId: randomUUID(), orderId: randomUUID(), amountIdr: 1_000 })).rejects.toThrow(/does not exist/);
    const { orderId } = await paidOrder("id");
    await expect(queueRefundEmail({ refundId: randomUUID(), orderId, amountIdr: 0 })).rejects.toThrow(/positive/);
    await expect(queueRefundEmail({ refundId: randomUUID(), orderId, amountIdr: 1.5 })).rejects.toThrow(/positive/);
    await expect(queueRefundEmail({ refundId: randomUUID(), orderId, amountIdr: 999_999_999 })).rejects.toThrow(/more than the order total/);
  });

  it("sends one email per refund, with the amount, in the customer's language", async () => {
    const { user, orderId } = await paidOrder("en");
    await workQueue(QUEUES.sendEmail); // the order confirmation
    const refundId = randomUUID();
    const first = await queueRefundEmail({ refundId, orderId, amountIdr: 150_000 });
    const again = await queueRefundEmail({ refundId, orderId, amountIdr: 150_000 });
    expect(first).not.toBeNull();
    expect(again).toBeNull();
    await workQueue(QUEUES.sendEmail);
    const refunds = (await mail.emailsTo(user.email)).filter((e) => e.subject.startsWith("Your refund"));
    expect(refunds).toHaveLength(1);
    expect(refunds[0]!.subject).toBe(`Your refund for order ${orderNumber(orderId)}`);
    expect(refunds[0]!.text).toMatch(/Rp\s150\.000/);
    // How long a refund takes: the order page's sentence, not a second opinion.
    expect(refunds[0]!.text).toContain(MESSAGES.en.orders.refund.timing);
  });
});

describe("a voided payment", () => {
  it("gets its own email, saying what the order page says (cancelled, never taken), not a refund's 7 to 14 days", async () => {
    const { user, orderId, attempt } = await paidOrder("en");
    await workQueue(QUEUES.sendEmail); // the order confirmation
    const voided = await voidPayment({ id: user.id, email: user.email }, attempt.id);
    expect(voided).toMatchObject({ ok: true });
    expect(await outboxRows("refund", voided.ok ? voided.refund.id : "")).toEqual([]);
    await workQueue(QUEUES.sendEmail);
    const emails = (await mail.emailsTo(user.email)).filter((e) => !e.subject.includes("is paid"));
    expect(emails.map((e) => e.subject)).toEqual([`Your payment for order ${orderNumber(orderId)} was cancelled`]);
    const text = emails[0]!.text.replace(/\s+/g, " ");
    expect(text).toMatch(/Your payment of Rp\s[\d.]+ was voided on .+: the charge is cancelled and the money was never taken from your card\./);
    expect(text).not.toContain(MESSAGES.en.orders.refund.timing);
    expect(text).not.toMatch(/refund/i);
  });
});

describe("sign-up emails (issue 25, item 6)", () => {
  const signUpFor = (email: string, locale: "id" | "en") =>
    requestSignUp({ firstName: "Dewi", lastName: "Anggraini", email, mobilePhone: "+6281299990000", password: "rahasia-123", locale, returnPath: "/cart" });

  it("a new email gets the link that finishes the account, in the language of the sign-up; the link is erased from the outbox once sent", async () => {
    for (const [locale, subject, greeting] of [
      ["id", "Selesaikan pembuatan akun Toko Nusantara Anda", "Halo Dewi"],
      ["en", "Finish creating your Toko Nusantara account", "Hi Dewi"],
    ] as const) {
      const email = `baru.${randomUUID().slice(0, 8)}@example.com`;
      await signUpFor(email, locale);
      await workQueue(QUEUES.sendEmail);
      const [sent] = await mail.emailsTo(email);
      expect(sent!.subject).toBe(subject);
      expect(sent!.text).toContain(greeting);
      expect(sent!.text).toMatch(/\/sign-up\/confirm\/[A-Za-z0-9_-]{43}/);
      const db = await getDb();
      const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, email));
      expect(row).toMatchObject({ kind: "sign_up_confirmation", status: "sent", data: {} });
    }
  });

  it("the owner of an existing account hears that someone tried to sign up with it, in the owner's language, with no link into the account", async () => {
    for (const [locale, subject] of [
      ["id", "Ada yang mencoba membuat akun Toko Nusantara dengan email Anda"],
      ["en", "Someone tried to create a Toko Nusantara account with your email"],
    ] as const) {
      const owner = await newCustomer();
      const db = await getDb();
      await db.update(users).set({ locale }).where(eq(users.id, owner.id));
      await signUpFor(owner.email.toUpperCase(), locale === "id" ? "en" : "id");
      await workQueue(QUEUES.sendEmail);
      const [sent] = await mail.emailsTo(owner.email);
      expect(sent!.subject).toBe(subject);
      expect(sent!.text).toContain(owner.firstName);
      expect(sent!.text).toContain("/sign-in");
      expect(sent!.text).toContain("/forgot-password");
      expect(sent!.text).not.toMatch(/\/sign-up\/confirm\//);
    }
  });
});
