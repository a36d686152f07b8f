import { useTranslations } from "next-intl";
import { formatIdr } from "@/lib/money";

export type OrderLine = { productId: number; name: string; quantity: number; lineTotalIdr: number; unavailable?: boolean };

/** A row between the items and the total: the items subtotal, the shipping. */
export type SummaryRow = { label: string; value: string; testId: string };

/** Items with quantities and line totals, and the total: the checkout summary and the order page both show this. */
export function OrderLines({ title, lines, totalIdr, totalTestId, rows = [] }: { title: string; lines: OrderLine[]; totalIdr: number; totalTestId: string; rows?: SummaryRow[] }) {
  const t = useTranslations("orders.lines");
  return (
    <div className="h-fit rounded-lg border border-stone-200 bg-white">
      <h2 className="border-b border-stone-200 px-5 py-3 font-semibold">{title}</h2>
      <ul className="divide-y divide-stone-200">
        {lines.map((line) => (
          <li key={line.productId} className="flex justify-between gap-4 px-5 py-3 text-sm">
            <span>
              {line.name} <span className="text-stone-600">× {line.quantity}</span>
              {line.unavailable ? <span className="ml-2 font-medium text-amber-800">{t("unavailable")}</span> : null}
            </span>
            <span>{formatIdr(line.lineTotalIdr)}</span>
          </li>
        ))}
      </ul>
      {rows.length > 0 ? (
        <dl className="space-y-1 border-t border-stone-200 px-5 py-3 text-sm">
          {rows.map((row) => (
            <div key={row.testId} className="flex justify-between gap-4">
              <dt className="text-stone-700">{row.label}</dt>
              <dd data-testid={row.testId}>{row.value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      <p className="flex justify-between border-t border-stone-200 px-5 py-3 font-semibold">
        <span>{t("total")}</span>
        <span data-testid={totalTestId}>{formatIdr(totalIdr)}</span>
      </p>
    </div>
  );
}
