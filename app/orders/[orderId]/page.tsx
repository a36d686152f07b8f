import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PaymentChoices } from "@/components/checkout/payment-choices";
import { Countdown } from "@/components/orders/countdown";
import { LiveRefresh } from "@/components/orders/live-refresh";
import { OrderLines } from "@/components/orders/order-lines";
import { CancelPaymentButton, CheckStatusButton } from "@/components/orders/order-actions";
import { PaymentInspector } from "@/components/orders/payment-inspector";
import { StatusBadge } from "@/components/orders/status-badge";
import { requireUser } from "@/lib/auth/session";
import { formatIdr } from "@/lib/money";
import { payAgainAction } from "@/lib/payments/actions";
import { orderNumber } from "@/lib/payments/ids";
import { getInspectorEntries, getOrderForUser } from "@/lib/payments/queries";
import { reconcileOrderIfDue } from "@/lib/payments/reconcile";
import { listSavedCards } from "@/lib/payments/saved-cards";

type Props = { params: Promise<{ orderId: string }> };

export const metadata: Metadata = { title: "Order" };

export default async function OrderPage({ params }: Props) {
  const { orderId } = await params;
  const user = await requireUser(`/orders/${orderId}`);
  if (!(await getOrderForUser(orderId, user.id))) notFound(); // someone else's order looks like no order at all
  await reconcileOrderIfDue(orderId); // a lost or late callback is settled from check-status here
  const detail = (await getOrderForUser(orderId, user.id))!;
  const { order, items, attempts, liveAttempt } = detail;
  const latest = attempts[0];
  const canPayAgain = ["failed", "expired", "cancelled"].includes(order.status) || (order.status === "pending_payment" && !liveAttempt);
  const [entries, cards] = await Promise.all([getInspectorEntries(attempts.map((a) => a.id)), canPayAgain ? listSavedCards(user.id) : []]);
  const duplicates = attempts.filter((a) => a.duplicatePayment);

  return (
    <section className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <Link href="/account/orders" className="text-sm text-brand-700 hover:underline">
            ← Your orders
          </Link>
          <h1 className="mt-1 text-2xl font-semibold tracking-tight">Order {orderNumber(order.id)}</h1>
          <p className="text-sm text-stone-600">Placed {order.createdAt.toLocaleString("en-GB", { timeZone: "Asia/Jakarta" })} WIB</p>
        </div>
        <div role="status" aria-live="polite" className="text-right">
          <StatusBadge status={order.status} testId="order-status" />
        </div>
      </div>

      {duplicates.length > 0 ? (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900">
          This order was paid more than once ({duplicates.map((a) => a.finpayOrderId).join(", ")}). We will refund the extra payment; no action is needed.
        </p>
      ) : null}

      {liveAttempt ? (
        <div className="space-y-3 rounded-lg border border-amber-200 bg-amber-50 p-5">
          <p className="font-medium text-amber-900">Waiting for your payment at Finpay.</p>
          {liveAttempt.expiresAt ? (
            <p className="text-sm text-amber-900">
              The payment link expires in <Countdown expiresAt={liveAttempt.expiresAt.toISOString()} />.
            </p>
          ) : null}
          <div className="flex flex-wrap items-start gap-3">
            {liveAttempt.redirectUrl ? (
              <a href={liveAttempt.redirectUrl} className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">
                Continue to payment
              </a>
            ) : null}
            <CheckStatusButton orderId={order.id} />
            <CancelPaymentButton orderId={order.id} />
          </div>
          <LiveRefresh />
        </div>
      ) : null}

      {!liveAttempt && latest && order.status !== "paid" && latest.failureMessage ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900">
          {latest.failureMessage}
        </p>
      ) : null}

      {order.status === "paid" ? (
        <p className="rounded-md border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
          Thank you! Your payment of {formatIdr(order.totalIdr)} was received{order.paidAt ? ` on ${order.paidAt.toLocaleString("en-GB", { timeZone: "Asia/Jakarta" })} WIB` : ""}.
        </p>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-[1fr_360px]">
        <OrderLines
          title="Items"
          lines={items.map((item) => ({ ...item, lineTotalIdr: item.unitPriceIdr * item.quantity }))}
          totalIdr={order.totalIdr}
          totalTestId="order-total"
        />
        <div className="space-y-4">
          {canPayAgain ? (
            <div className="space-y-3 rounded-lg border border-stone-200 bg-white p-5">
              <h2 className="font-semibold">Pay again</h2>
              <PaymentChoices
                action={payAgainAction}
                idempotencyKey={randomUUID()}
                orderId={order.id}
                amountLabel={formatIdr(order.totalIdr)}
                savedCards={cards}
              />
            </div>
          ) : null}
          {!liveAttempt && latest ? <CheckStatusButton orderId={order.id} /> : null}
        </div>
      </div>

      {attempts.length > 0 ? <PaymentInspector attempts={attempts} entries={entries} /> : null}
    </section>
  );
}
