import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { FulfilmentBadge } from "@/components/orders/fulfilment-badge";
import { StatusBadge } from "@/components/orders/status-badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageSection } from "@/components/ui/page-section";
import { requireUser } from "@/lib/auth/session";
import { formatWib } from "@/lib/datetime";
import { shippingLabel } from "@/lib/delivery/presentation";
import { formatIdr } from "@/lib/money";
import { orderNumber } from "@/lib/payments/ids";
import { listOrders } from "@/lib/payments/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("orders.meta");
  return { title: t("listTitle") };
}

export default async function OrdersPage() {
  const user = await requireUser("/account/orders");
  const locale = await getLocale();
  const [orders, t, tDelivery] = await Promise.all([listOrders(user.id, locale), getTranslations("orders.list"), getTranslations("checkout.delivery")]);
  return (
    <PageSection title={t("heading")}>
      {orders.length === 0 ? (
        <EmptyState link={{ href: "/", label: t("browse") }}>{t("empty")}</EmptyState>
      ) : (
        <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
          {orders.map((order) => (
            <li key={order.id} data-testid="order-row">
              <Link href={`/orders/${order.id}`} className="flex flex-wrap items-center justify-between gap-3 px-5 py-4 hover:bg-stone-50">
                <span>
                  <span className="font-medium">{t("order", { number: orderNumber(order.id) })}</span>
                  <span className="block text-sm text-stone-600">
                    {formatWib(order.createdAt, locale, "date")} · {order.itemCount > 1 ? t("items", { first: order.firstItem ?? "", count: order.itemCount }) : order.firstItem}
                  </span>
                  {order.delivery ? (
                    <span className="block text-sm text-stone-600" data-testid="order-row-delivery">
                      {t("delivery", { option: order.delivery.option.name, city: order.delivery.address.city, shipping: shippingLabel(tDelivery, order.shippingIdr ?? 0) })}
                    </span>
                  ) : null}
                </span>
                <span className="flex items-center gap-3">
                  <StatusBadge status={order.status} />
                  {order.paidAt ? <FulfilmentBadge status={order.fulfilmentStatus} testId="order-row-fulfilment" /> : null}
                  <span className="font-semibold">{formatIdr(order.totalIdr)}</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </PageSection>
  );
}
