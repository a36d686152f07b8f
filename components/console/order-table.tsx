import Link from "next/link";
import { EmptyList, ListTable } from "./list-parts";
import { FulfilmentBadge } from "@/components/orders/fulfilment-badge";
import { StatusBadge } from "@/components/orders/status-badge";
import type { ConsoleOrderRow } from "@/lib/console/orders";
import { useLocale, useTranslations } from "next-intl";
import { formatWib } from "@/lib/datetime";
import { formatIdr } from "@/lib/money";
import { orderNumber } from "@/lib/payments/ids";

/**
 * The order list: a table on wide screens, the same cells stacked on a phone. With `bulkFormId`, each row has a
 * checkbox that belongs to that form (components/console/bulk-order-actions.tsx).
 */
export function OrderTable({ rows, bulkFormId }: { rows: ConsoleOrderRow[]; bulkFormId?: string }) {
  const locale = useLocale();
  const t = useTranslations("console.orders");
  const method = useTranslations("console.method");
  const tFulfilment = useTranslations("fulfilment");
  if (rows.length === 0) {
    return <EmptyList>{t("empty")}</EmptyList>;
  }
  return (
    <ListTable
      caption={t("caption")}
      columns={[
        ...(bulkFormId ? [{ label: tFulfilment("bulk.column") }] : []),
        { label: t("colOrder") },
        { label: t("colPlaced") },
        { label: t("colCustomer") },
        { label: t("colPayment") },
        { label: t("colTotal"), align: "right" as const },
        { label: t("colStatus") },
        { label: tFulfilment("list.column") },
      ]}
    >
      {rows.map((row) => (
        <tr key={row.id} data-testid="console-order-row" className="grid grid-cols-2 gap-x-3 gap-y-1 px-3 py-3 md:table-row md:p-0">
          {bulkFormId ? (
            <td className="col-span-2 md:w-10 md:px-3 md:py-2">
              <input type="checkbox" name="orderId" value={row.id} form={bulkFormId} aria-label={tFulfilment("bulk.select", { number: orderNumber(row.id) })} className="size-4 accent-brand-700" />
            </td>
          ) : null}
          <td className="md:px-3 md:py-2">
            <Link href={`/console/orders/${row.id}`} className="font-mono font-medium text-brand-700 hover:underline">
              {orderNumber(row.id)}
            </Link>
          </td>
          <td className="text-stone-700 md:px-3 md:py-2">{formatWib(row.createdAt, locale)}</td>
          <td className="col-span-2 break-all md:px-3 md:py-2">
            <span className="block">{row.email}</span>
            <span className="block text-xs text-stone-600">{row.customerName}</span>
          </td>
          <td className="col-span-2 md:px-3 md:py-2">
            {row.method ? <span className="block">{method(row.method)}</span> : <span className="text-stone-600">{t("noPayment")}</span>}
            {row.finpayOrderId ? <code className="block break-all text-xs text-stone-600">{row.finpayOrderId}</code> : null}
          </td>
          <td className="tabular-nums md:px-3 md:py-2 md:text-right">
            {formatIdr(row.totalIdr)}
            {row.refundedIdr > 0 ? <span className="block text-xs text-sky-800">{t("refunded", { amount: formatIdr(row.refundedIdr) })}</span> : null}
          </td>
          <td className="md:px-3 md:py-2">
            <StatusBadge status={row.status} />
          </td>
          <td className="md:px-3 md:py-2">
            {row.paidAt ? <FulfilmentBadge status={row.fulfilmentStatus} testId="console-row-fulfilment" /> : <span className="text-stone-600">—</span>}
          </td>
        </tr>
      ))}
    </ListTable>
  );
}
