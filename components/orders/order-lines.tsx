import { formatIdr } from "@/lib/money";

export type OrderLine = { productId: number; name: string; quantity: number; lineTotalIdr: number; unavailable?: boolean };

/** Items with quantities and line totals, and the total: the checkout summary and the order page both show this. */
export function OrderLines({ title, lines, totalIdr, totalTestId }: { title: string; lines: OrderLine[]; totalIdr: number; totalTestId: string }) {
  return (
    <div className="h-fit rounded-lg border border-stone-200 bg-white">
      <h2 className="border-b border-stone-200 px-5 py-3 font-semibold">{title}</h2>
      <ul className="divide-y divide-stone-200">
        {lines.map((line) => (
          <li key={line.productId} className="flex justify-between gap-4 px-5 py-3 text-sm">
            <span>
              {line.name} <span className="text-stone-600">× {line.quantity}</span>
              {line.unavailable ? <span className="ml-2 font-medium text-amber-800">no longer available</span> : null}
            </span>
            <span>{formatIdr(line.lineTotalIdr)}</span>
          </li>
        ))}
      </ul>
      <p className="flex justify-between border-t border-stone-200 px-5 py-3 font-semibold">
        <span>Total</span>
        <span data-testid={totalTestId}>{formatIdr(totalIdr)}</span>
      </p>
    </div>
  );
}
