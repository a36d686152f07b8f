import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PaymentOptions } from "@/components/checkout/payment-options";
import { Countdown } from "@/components/orders/countdown";
import { LiveRefresh } from "@/components/orders/live-refresh";
import { OrderLines } from "@/components/orders/order-lines";
import { CancelPaymentButton, CheckStatusButton } from "@/components/orders/order-actions";
import { PaymentInspector } from "@/components/orders/payment-inspector";
import { OrderDelivery } from "@/components/orders/order-delivery";
import { FulfilmentTimeline } from "@/components/orders/fulfilment-timeline";
import { RefundNotice } from "@/components/orders/refund-notice";
import { StatusBadge } from "@/components/orders/status-badge";
import { getSessionUserId, requireUser } from "@/lib/auth/session";
import { formatWib } from "@/lib/datetime";
import { deliveryRows } from "@/lib/delivery/presentation";
import { formatIdr } from "@/lib/money";
import { payAgainAction } from "@/lib/payments/actions";
import { orderNumber } from "@/lib/payments/ids";
import { PAYMENT_LINK_MINUTES } from "@/lib/payments/link-lifetime";
import { failureOf } from "@/lib/payments/messages";
import { orderNoticeKey } from "@/lib/payments/order-notices";
import { showCustomerInspector } from "@/lib/payments/inspector-visibility";
import { confirmedRefunds } from "@/lib/payments/money-back";
import { getOrderPage, isOrderOf } from "@/lib/payments/queries";

type Props = { params: Promise<{ orderId: string }>; searchParams: Promise<{ notice?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { orderId } = await params;
  // Only an order of the signed-in customer is named in the title: any other id is the 404 page, and says so.
  const userId = await getSessionUserId();
  if (!userId || !(await isOrderOf(orderId, userId))) return { title: (await getTranslations("common.notFound"))("title") };
  return { title: (await getTranslations("orders.meta"))("title", { number: orderNumber(orderId) }) };
}

export default async function OrderPage({ params, searchParams }: Props) {
  const { orderId } = await params;
  const user = await requireUser(`/orders/${orderId}`);
  const locale = await getLocale();
  const view = await getOrderPage(orderId, user.id, locale);
  if (!view) notFound(); // someone else's order looks like no order at all
  const { order, items, attempts, liveAttempt, canPayAgain, canCheckStatus, paidWith, duplicatePayments: duplicates } = view;
  const [t, tActions, tPayments, tDelivery] = await Promise.all([
    getTranslations("orders.page"),
    getTranslations("orders.actions"),
    getTranslations("payments"),
    getTranslations("checkout.delivery"),
  ]);
  const latest = attempts[0];
  const noticeKey = order.status === "paid" ? orderNoticeKey((await searchParams).notice) : null;
  const failure = !liveAttempt && latest && order.status !== "paid" ? failureOf(latest.failureMessage) : null;
  const refunds = order.paidAttemptId ? await confirmedRefunds(order.id) : [];
  const checkStatusLabels = { submit: tActions("checkStatus"), pending: tActions("checking") };
  const paidValues = { amount: formatIdr(order.totalIdr), date: order.paidAt ? formatWib(order.paidAt, locale) : "", card: paidWith ?? "" };
  const paidText = order.paidAt ? (paidWith ? t("paidOnWith", paidValues) : t("paidOn", paidValues)) : paidWith ? t("paidWith", paidValues) : t("paid", paidValues);

  return (
    <section className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <Link href="/account/orders" className="text-sm text-brand-700 hover:underline">
            {t("back")}
          </Link>
          <h1 className="mt-1 text-2xl font-semibold tracking-tight">{t("heading", { number: orderNumber(order.id) })}</h1>
          <p className="text-sm text-stone-600">{t("placed", { date: formatWib(order.createdAt, locale) })}</p>
        </div>
        <div role="status" aria-live="polite" className="text-right">
          <StatusBadge status={order.status} testId="order-status" />
        </div>
      </div>

      {noticeKey ? (
        <p role="status" data-testid="order-notice" className="rounded-md border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-900">
          {tPayments(`notices.${noticeKey}`)}
        </p>
      ) : null}

      {duplicates.length > 0 ? (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900">
          {t("duplicate", { ids: duplicates.map((a) => a.finpayOrderId).join(", ") })}
        </p>
      ) : null}

      {liveAttempt ? (
        <div className="space-y-3 rounded-lg border border-amber-200 bg-amber-50 p-5">
          <p className="font-medium text-amber-900">{liveAttempt.status === "initiating" ? t("initiating") : t("waiting")}</p>
          {liveAttempt.expiresAt ? (
            <p className="text-sm text-amber-900">
              {t.rich("expiresIn", { countdown: () => <Countdown expiresAt={liveAttempt.expiresAt!.toISOString()} expiredLabel={t("countdownExpired")} /> })}{" "}
              <span data-testid="link-lifetime">{t("lifetime", { minutes: PAYMENT_LINK_MINUTES })}</span>
            </p>
          ) : null}
          <div className="flex flex-wrap items-start gap-3">
            {liveAttempt.redirectUrl ? (
              <a href={liveAttempt.redirectUrl} className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">
                {t("continue")}
              </a>
            ) : null}
            <CheckStatusButton orderId={order.id} labels={checkStatusLabels} />
            <CancelPaymentButton orderId={order.id} labels={{ submit: tActions("cancelPayment"), pending: tActions("cancelling") }} />
          </div>
          <LiveRefresh note={t("refreshNote")} />
        </div>
      ) : null}

      {order.closedAt && order.status !== "paid" ? (
        <p data-testid="order-closed" className="rounded-md border border-stone-300 bg-stone-50 px-4 py-3 text-sm text-stone-800">
          {t("closed", { date: formatWib(order.closedAt, locale) })}
        </p>
      ) : null}

      {failure ? (
        <p role="alert" data-testid="payment-failure" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900">
          {tPayments(`failures.${failure}`)}
        </p>
      ) : null}

      {order.status === "paid" ? (
        <p data-testid="paid-notice" className="rounded-md border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
          {paidText}
        </p>
      ) : null}

      <RefundNotice refunds={refunds} totalIdr={order.totalIdr} />

      {order.paidAt ? <FulfilmentTimeline order={order} /> : null}

      <div className="grid gap-6 lg:grid-cols-[1fr_360px]">
        <OrderLines
          title={t("items")}
          lines={items.map((item) => ({ ...item, lineTotalIdr: item.unitPriceIdr * item.quantity }))}
          rows={order.delivery && order.itemsSubtotalIdr !== null ? deliveryRows(tDelivery, order.itemsSubtotalIdr, order.delivery.option.name, order.shippingIdr ?? 0) : []}
          totalIdr={order.totalIdr}
          totalTestId="order-total"
        />
        <div className="space-y-4">
          {order.delivery ? <OrderDelivery delivery={order.delivery} /> : null}
          {canPayAgain ? (
            <div className="space-y-3 rounded-lg border border-stone-200 bg-white p-5">
              <h2 className="font-semibold">{t("payAgain")}</h2>
              <PaymentOptions action={payAgainAction} orderId={order.id} amountIdr={order.totalIdr} savedCards={view.savedCards} />
            </div>
          ) : null}
          {!liveAttempt && canCheckStatus ? <CheckStatusButton orderId={order.id} labels={checkStatusLabels} /> : null}
        </div>
      </div>

      {attempts.length > 0 && showCustomerInspector() ? <PaymentInspector attempts={attempts} entries={view.inspector} /> : null}
    </section>
  );
}
