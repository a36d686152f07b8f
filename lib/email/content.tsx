import "server-only";
import { asc, eq } from "drizzle-orm";
import type { ReactElement } from "react";
import { orderItems, orders, paymentAttempts, savedCards, users, type EmailKind, type EmailOutboxRow, type Order } from "@/db/schema";
import { formatWib } from "@/lib/datetime";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { sumIdr } from "@/lib/money";
import { orderNumber } from "@/lib/payments/ids";
import { cardLabel } from "@/lib/payments/saved-cards";
import { OrderConfirmationEmail } from "./templates/order-confirmation";
import type { EmailDelivery, EmailOrder } from "./templates/order-summary";
import { PasswordResetEmail } from "./templates/password-reset";
import { PaymentProblemEmail } from "./templates/payment-problem";
import { RefundEmail } from "./templates/refund";
import { SignUpConfirmationEmail } from "./templates/sign-up-confirmation";
import { SignUpExistingAccountEmail } from "./templates/sign-up-existing-account";
import { asLocale, type Locale } from "@/lib/i18n/locales";
import { orderItemName } from "@/lib/payments/queries";
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
    .select({ order: orders, brand: savedCards.brand, mask: savedCards.mask })
    .from(orders)
    .leftJoin(paymentAttempts, eq(paymentAttempts.id, orders.paidAttemptId))
    .leftJoin(savedCards, eq(savedCards.id, paymentAttempts.savedCardId))
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
  return { order: row.order, summary, card: row.brand && row.mask ? cardLabel(row.brand, row.mask) : null };
}

/** Where the order goes, as the order's snapshot has it (orders made before delivery existed have none). */
function emailDelivery(order: Order, texts: EmailTexts): EmailDelivery | null {
  const { delivery, shippingIdr } = order;
  if (!delivery || shippingIdr === null) return null;
  const { address } = delivery;
  return {
    label: texts.delivery(delivery.option.name),
    address: [`${address.recipientName} · ${address.mobilePhone}`, address.street, address.district, `${address.city}, ${address.provinceName} ${address.postalCode}`],
    costIdr: shippingIdr,
  };
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
