import type { OrderStatus, PaymentStatus } from "@/db/schema";

const LABELS: Record<OrderStatus | PaymentStatus, string> = {
  pending_payment: "Awaiting payment",
  initiating: "Starting",
  pending: "Awaiting payment",
  paid: "Paid",
  failed: "Payment failed",
  expired: "Payment link expired",
  cancelled: "Cancelled",
  refunded: "Refunded",
};

const STYLES: Record<OrderStatus | PaymentStatus, string> = {
  pending_payment: "bg-amber-100 text-amber-900",
  initiating: "bg-amber-100 text-amber-900",
  pending: "bg-amber-100 text-amber-900",
  paid: "bg-emerald-100 text-emerald-900",
  failed: "bg-red-100 text-red-900",
  expired: "bg-stone-200 text-stone-800",
  cancelled: "bg-stone-200 text-stone-800",
  refunded: "bg-sky-100 text-sky-900",
};

export function statusLabel(status: OrderStatus | PaymentStatus): string {
  return LABELS[status];
}

export function StatusBadge({ status, testId }: { status: OrderStatus | PaymentStatus; testId?: string }) {
  return (
    <span data-testid={testId} className={`inline-flex rounded-full px-2.5 py-0.5 text-xs font-semibold ${STYLES[status]}`}>
      {LABELS[status]}
    </span>
  );
}
