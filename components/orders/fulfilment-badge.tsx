import { useTranslations } from "next-intl";
import type { FulfilmentStatus } from "@/lib/delivery/fulfilment-states";

const STYLES: Record<FulfilmentStatus, string> = {
  unfulfilled: "bg-stone-200 text-stone-800",
  packed: "bg-amber-100 text-amber-900",
  shipped: "bg-sky-100 text-sky-900",
  delivered: "bg-emerald-100 text-emerald-900",
  returned: "bg-red-100 text-red-900",
  cancelled: "bg-stone-200 text-stone-800",
};

/** An order's fulfilment state in the reader's language (messages: fulfilment.status), beside its payment badge. */
export function FulfilmentBadge({ status, testId }: { status: FulfilmentStatus; testId?: string }) {
  const t = useTranslations("fulfilment.status");
  return (
    <span data-testid={testId} className={`inline-flex rounded-full px-2.5 py-0.5 text-xs font-semibold ${STYLES[status]}`}>
      {t(status)}
    </span>
  );
}
