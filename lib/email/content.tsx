import "server-only";
import { asc, eq } from "drizzle-orm";
import type { ReactElement } from "react";
import { createTranslator } from "next-intl";
import { orderItems, orders, refunds, users, type EmailKind, type EmailOutboxRow, type Order } from "@/db/schema";
import { formatPhone } from "@/lib/account/phone";
import { formatWib } from "@/lib/datetime";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { formatIdr, sumIdr } from "@/lib/money";
import { isUuid } from "@/lib/uuid";
import { MESSAGES } from "@/messages";
import { orderNumber } from "@/lib/payments/ids";
import { OrderConfirmationEmail } from "./templates/order-confirmation";
import type { EmailDelivery, EmailOrder } from "./templates/order-summary";
import { PasswordResetEmail } from "./templates/password-reset";
import { PaymentProblemEmail } from "./templates/payment-problem";
import { RefundEmail } from "./templates/refund";
import { DeliveredEmail, ShippedEmail } from "./templates/fulfilment";
import { COURIERS, trackingUrl } from "@/lib/delivery/couriers";
import { VoidedEmail } from "./templates/voided";
import { SignUpConfirmationEmail } from "./templates/sign-up-confirmation";
import { SignUpExistingAccountEmail } from "./templates/sign-up-existing-account";
import { asLocale, type Locale } from "@/lib/i18n/locales";
import { orderItemName, paidCardOf } from "@/lib/payments/queries";
import { EMAIL_TEXTS, type EmailTexts } from "./texts";

/**
 * What one outbox row says, as a subject and a React Email element, in the row's language. Order emails read the
 * order as the database has it (item snapshots never change); what the database cannot give (the reset link, a
 * refund's amount) is in the row's `data`.
 */

export interface EmailContent {
  subject: string;
  element: ReactElement;
}

/** An outbox row whose subject is gone or whose data is unusable: retrying cannot help. */
export class UnsendableEmailError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnsendableEmailError";
  }
}

/** Emails whose `data` holds a one-time link, a credential: it is erased once the email is out (./deliver.ts). */
export const EMAILS_CARRYING_A_LINK: ReadonlySet<EmailKind> = new Set<EmailKind>(["password_reset", "sign_up_confirmation"]);

const appUrl = (path: string) => new URL(path, env().APP_BASE_URL).toString();

async function firstNameOf(userId: string | null): Promise<string> {
  if (!userId) return "";
  const db = await getDb();
  const [user] = await db.select({ firstName: users.firstName }).from(users).where(eq(users.id, userId));
  return user?.firstName ?? "";
}

async function loadOrder(orderId: string, locale: Locale) {
  const db = await getDb();
  const [row] = await db
    .select({ order: orders })
    .from(orders)
    .where(eq(orders.id, orderId));
  if (!row) throw new UnsendableEmailError(`order ${orderId} not found`);
  const lines = await db
    .select({ name: orderItemName(locale), quantity: orderItems.quantity, unitPriceIdr: orderItems.unitPriceIdr })
    .from(orderItems)
    .where(eq(orderItems.orderId, orderId))
    .orderBy(asc(orderItems.name));
  const summary: EmailOrder = {
    number: orderNumber(orderId),
    lines,
    subtotalIdr: sumIdr(lines.map((line) => line.unitPriceIdr * line.quantity)),
    delivery: emailDelivery(row.order, EMAIL_TEXTS[locale]),
    totalIdr: row.order.totalIdr,
  };
  // The card as the order page names it: a saved card's label, or the card Finpay reported for a new-card payment.
  return { order: row.order, summary, card: await paidCardOf(row.order) };
}

/** An order's shipment as it is now (the resi is what the merchant entered when shipping; it does not change). */
async function loadFulfilledOrder(orderId: string): Promise<Order> {
  const db = await getDb();
  const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
  if (!order) throw new UnsendableEmailError(`order ${orderId} not found`);
  return order;
}

/** Where the order goes, as the order's snapshot has it (orders made before delivery existed have none). */
function emailDelivery(order: Order, texts: EmailTexts): EmailDelivery | null {
  const { delivery, shippingIdr } = order;
  if (!delivery || shippingIdr === null) return null;
  const { address } = delivery;
  return {
    label: texts.delivery(delivery.option.name),
    address: [`${address.recipientName} · ${formatPhone(address.mobilePhone)}`, address.street, address.district, `${address.city}, ${address.provinceName} ${address.postalCode}`],
    costIdr: shippingIdr,
  };
}

async function refundRow(refundId: string) {
  const db = await getDb();
  const [row] = isUuid(refundId) ? await db.select().from(refunds).where(eq(refunds.id, refundId)) : [];
  if (!row) throw new UnsendableEmailError(`refund ${refundId} not found`);
  return row;
}

function dataString(row: EmailOutboxRow, key: string): string {
  const value = row.data[key];
  if (typeof value !== "string" || value === "") throw new UnsendableEmailError(`${row.kind} ${row.id} has no ${key}`);
  return value;
}

export async function emailContent(row: EmailOutboxRow): Promise<EmailContent> {
  const locale = asLocale(row.locale);
  const texts = EMAIL_TEXTS[locale];
  const firstName = await firstNameOf(row.userId);
  switch (row.kind) {
    case "order_confirmation": {
      const { order, summary, card } = await loadOrder(row.subjectId, locale);
      return {
        subject: texts.orderConfirmation.subject(summary.number),
        element: (
          <OrderConfirmationEmail
            texts={texts}
            firstName={firstName}
            order={summary}
            paidAt={formatWib(order.paidAt ?? order.updatedAt, locale)}
            paidWith={card}
            orderUrl={appUrl(`/orders/${order.id}`)}
          />
        ),
      };
    }
    case "payment_failed":
    case "payment_expired": {
      const { order, summary } = await loadOrder(dataString(row, "orderId"), locale);
      const problem = row.kind === "payment_failed" ? "failed" : "expired";
      return {
        subject: (problem === "failed" ? texts.paymentProblem.failedSubject : texts.paymentProblem.expiredSubject)(summary.number),
        element: <PaymentProblemEmail texts={texts} firstName={firstName} problem={problem} order={summary} payAgainUrl={appUrl(`/orders/${order.id}`)} />,
      };
    }
    case "refund": {
      const { order, summary, card } = await loadOrder(dataString(row, "orderId"), locale);
      const amountIdr = row.data.amountIdr;
      if (typeof amountIdr !== "number" || !Number.isSafeInteger(amountIdr) || amountIdr <= 0) throw new UnsendableEmailError(`refund ${row.id} has no amount`);
      return {
        subject: texts.refund.subject(summary.number),
        element: <RefundEmail texts={texts} firstName={firstName} orderNumber={summary.number} amountIdr={amountIdr} card={card} orderUrl={appUrl(`/orders/${order.id}`)} />,
      };
    }
    case "order_shipped": {
      const order = await loadFulfilledOrder(row.subjectId);
      if (!order.courier || !order.trackingNumber) throw new UnsendableEmailError(`order ${order.id} has no resi`);
      const number = orderNumber(order.id);
      return {
        subject: texts.shipped.subject(number),
        element: (
          <ShippedEmail
            texts={texts}
            firstName={firstName}
            orderNumber={number}
            courier={COURIERS[order.courier].name}
            resi={order.trackingNumber}
            trackingUrl={trackingUrl(order.courier, order.trackingNumber)}
            orderUrl={appUrl(`/orders/${order.id}`)}
          />
        ),
      };
    }
    case "order_delivered": {
      const order = await loadFulfilledOrder(row.subjectId);
      const number = orderNumber(order.id);
      return {
        subject: texts.delivered.subject(number),
        element: (
          <DeliveredEmail texts={texts} firstName={firstName} orderNumber={number} deliveredAt={formatWib(order.deliveredAt ?? order.updatedAt, locale)} orderUrl={appUrl(`/orders/${order.id}`)} />
        ),
      };
    }
    case "void": {
      const { order, summary } = await loadOrder(dataString(row, "orderId"), locale);
      const voided = await refundRow(row.subjectId);
      // The order page's sentence, word for word: the email cannot say something else than the page.
      const say = createTranslator({ locale, messages: MESSAGES[locale], namespace: "orders.refund" });
      const statement = say("voided", { amount: formatIdr(voided.amountIdr), date: formatWib(voided.completedAt ?? voided.createdAt, locale) });
      return {
        subject: texts.voided.subject(summary.number),
        element: <VoidedEmail texts={texts} firstName={firstName} orderNumber={summary.number} statement={statement} orderUrl={appUrl(`/orders/${order.id}`)} />,
      };
    }
    case "password_reset":
      return {
        subject: texts.passwordReset.subject,
        element: <PasswordResetEmail texts={texts} firstName={firstName} resetUrl={dataString(row, "resetUrl")} />,
      };
    case "sign_up_confirmation":
      // No account yet: the name comes from the sign-up request, with the link.
      return {
        subject: texts.signUpConfirmation.subject,
        element: <SignUpConfirmationEmail texts={texts} firstName={dataString(row, "firstName")} confirmUrl={dataString(row, "confirmUrl")} />,
      };
    case "sign_up_existing_account":
      return {
        subject: texts.signUpExistingAccount.subject,
        element: <SignUpExistingAccountEmail texts={texts} firstName={firstName} signInUrl={appUrl("/sign-in")} forgotUrl={appUrl("/forgot-password")} />,
      };
  }
}
