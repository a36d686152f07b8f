import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { useOutcomeLabel } from "@/components/console/callback-table";
import { AttemptMoneyBack, MoneyBackHistory } from "@/components/console/money-back-panel";
import { FulfilmentPanel } from "@/components/console/fulfilment-panel";
import { OrderDelivery } from "@/components/orders/order-delivery";
import { OrderLines } from "@/components/orders/order-lines";
import { PaymentInspector } from "@/components/orders/payment-inspector";
import { StatusBadge } from "@/components/orders/status-badge";
import { merchantMetadata, requireMerchant } from "@/lib/auth/merchant";
import { fulfilmentPanelView, splitActions } from "@/lib/console/fulfilment-view";
import { getConsoleOrder, type Flag } from "@/lib/console/order-detail";
import { deliveryRows } from "@/lib/delivery/presentation";
import { formatWib } from "@/lib/datetime";
import { formatIdr } from "@/lib/money";
import { orderNumber } from "@/lib/payments/ids";
import { isUuid } from "@/lib/uuid";
import { useTranslations } from "next-intl";

type Props = { params: Promise<{ orderId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return merchantMetadata(async () => {
    const { orderId } = await params;
    const t = await getTranslations("console.order");
    return { title: isUuid(orderId) ? t("title", { number: orderNumber(orderId) }) : t("title", { number: "" }).trim() };
  });
}

export default async function ConsoleOrderPage({ params }: Props) {
  const locale = await getLocale();
  const { orderId } = await params;
  await requireMerchant();
  const detail = await getConsoleOrder(orderId, locale);
  if (!detail) notFound();
  const t = await getTranslations("console.order");
  const tDelivery = await getTranslations("checkout.delivery");
  const { order, customer, items, attempts, flags } = detail;
  const actions = splitActions(detail.actions);
  return (
    <section className="space-y-6" aria-labelledby="order-heading">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <Link href="/console/orders" className="text-sm text-brand-700 hover:underline">
            {t("allOrders")}
          </Link>
          <h1 id="order-heading" className="mt-1 text-2xl font-semibold tracking-tight">
            {t("title", { number: orderNumber(order.id) })}
          </h1>
          <p className="text-sm text-stone-600">
            {t("placed", { date: formatWib(order.createdAt, locale) })}
            {order.paidAt ? t("paid", { date: formatWib(order.paidAt, locale) }) : ""}
          </p>
        </div>
        <StatusBadge status={order.status} testId="console-order-status" />
      </div>

      {flags.length > 0 ? (
        <div role="alert" data-testid="order-flags" className="space-y-1 rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900">
          <p className="font-semibold">{t("needsAttention")}</p>
          <ul className="list-disc space-y-1 pl-5">
            {flags.map((flag, i) => (
              <li key={i}>
                {formatWib(flag.at, locale)} · <code>{flag.finpayOrderId}</code>: <FlagText flag={flag} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-[1fr_360px]">
        <OrderLines
          title={t("items")}
          lines={items.map((item) => ({ ...item, lineTotalIdr: item.unitPriceIdr * item.quantity }))}
          rows={order.delivery && order.itemsSubtotalIdr !== null ? deliveryRows(tDelivery, order.itemsSubtotalIdr, order.delivery.option.name, order.shippingIdr ?? 0) : []}
          totalIdr={order.totalIdr}
          totalTestId="console-order-total"
        />
        <div className="h-fit space-y-1 rounded-lg border border-stone-200 bg-white p-5 text-sm">
          <h2 className="mb-2 font-semibold">{t("customer")}</h2>
          <p>{customer.name}</p>
          <p className="break-all">
            <Link href={`/console/orders?q=${encodeURIComponent(customer.email)}`} className="text-brand-700 hover:underline">
              {customer.email}
            </Link>
          </p>
          <p>{customer.mobilePhone}</p>
        </div>
      </div>

      <div className="grid gap-6 lg:grid-cols-[1fr_360px]">
        <FulfilmentPanel view={fulfilmentPanelView(order, actions.fulfilment)} />
        {order.delivery ? <OrderDelivery delivery={order.delivery} /> : null}
      </div>

      <div className="space-y-4">
        <h2 className="text-lg font-semibold">{t("payments")}</h2>
        {attempts.length === 0 ? <p className="text-sm text-stone-600">{t("noPayments")}</p> : null}
        {attempts.map((attempt) => (
          <AttemptMoneyBack key={attempt.id} orderId={order.id} attempt={attempt} paidTheOrder={attempt.id === order.paidAttemptId} />
        ))}
      </div>

      <MoneyBackHistory refunds={detail.refunds} actions={actions.moneyBack} />

      {attempts.length > 0 ? <PaymentInspector attempts={[...attempts].reverse()} entries={detail.inspector} open /> : null}
    </section>
  );
}

/** A flag in the merchant's language; the handler's own detail (technical) follows as it was recorded. */
function FlagText({ flag }: { flag: Flag }) {
  const t = useTranslations("console.order.flag");
  const outcomeLabel = useOutcomeLabel();
  const outcome = outcomeLabel(flag.outcome ?? "");
  const text =
    flag.kind === "duplicate_attempt" ? t("duplicatePaymentAttempt", { amount: formatIdr(flag.amountIdr ?? 0) })
    : flag.kind === "bad_signature" ? t("badSignature")
    : flag.kind === "amount_mismatch" ? t("amountMismatch")
    : flag.kind === "duplicate_payment" ? t("duplicatePayment")
    : flag.source === "callback" ? t("flaggedCallback", { outcome })
    : t("flaggedStatusCheck", { outcome });
  return <>{flag.detail ? t("withDetail", { text, detail: flag.detail }) : text}</>;
}
