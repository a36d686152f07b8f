import type { Metadata } from "next";
import Link from "next/link";
import { StatusBadge } from "@/components/orders/status-badge";
import { requireUser } from "@/lib/auth/session";
import { formatIdr } from "@/lib/money";
import { orderNumber } from "@/lib/payments/ids";
import { listOrders } from "@/lib/payments/queries";

export const metadata: Metadata = { title: "Your orders" };

export default async function OrdersPage() {
  const user = await requireUser("/account/orders");
  const orders = await listOrders(user.id);
  return (
    <section className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Your orders</h1>
      {orders.length === 0 ? (
        <div className="rounded-lg border border-dashed border-stone-300 bg-white p-10 text-center">
          <p className="text-stone-700">You have not ordered anything yet.</p>
          <Link href="/" className="mt-4 inline-block rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">
            Browse the catalog
          </Link>
        </div>
      ) : (
        <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
          {orders.map((order) => (
            <li key={order.id} data-testid="order-row">
              <Link href={`/orders/${order.id}`} className="flex flex-wrap items-center justify-between gap-3 px-5 py-4 hover:bg-stone-50">
                <span>
                  <span className="font-medium">Order {orderNumber(order.id)}</span>
                  <span className="block text-sm text-stone-600">
                    {order.createdAt.toLocaleDateString("en-GB", { timeZone: "Asia/Jakarta" })} · {order.firstItem}
                    {order.itemCount > 1 ? ` and more (${order.itemCount} items)` : ""}
                  </span>
                </span>
                <span className="flex items-center gap-3">
                  <StatusBadge status={order.status} />
                  <span className="font-semibold">{formatIdr(order.totalIdr)}</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
