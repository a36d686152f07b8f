import { useTranslations } from "next-intl";
import type { OrderStatus, PaymentStatus } from "@/lib/statuses";

const STYLES: Record<OrderStatus | PaymentStatus, string> = {
  pending_payment: "bg-amber-100 text-amber-900",
  initiating: "bg-amber-100 text-amber-900",
  pending: "bg-amber-100 text-amber-900",
  paid: "bg-emerald-100 text-emerald-900",
  failed: "bg-red-100 text-red-900",
  expired: "bg-stone-200 text-stone-800",
  cancelled: "bg-stone-200 text-stone-800",
  refunded: "bg-sky-100 text-sky-900",
  partly_refunded: "bg-sky-100 text-sky-900",
  voided: "bg-stone-200 text-stone-800",
};

/** An order's or a payment's status in the shopper's language (messages: common.status). */
export function StatusBadge({ status, testId }: { status: OrderStatus | PaymentStatus; testId?: string }) {
  const t = useTranslations("common.status");
  return (
    <span data-testid={testId} className={`inline-flex rounded-full px-2.5 py-0.5 text-xs font-semibold ${STYLES[status]}`}>
      {t(status)}
    </span>
  );
}
