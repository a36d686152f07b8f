import { useLocale, useTranslations } from "next-intl";
import { formatWib } from "@/lib/datetime";
import { formatIdr } from "@/lib/money";
import type { Refund } from "@/lib/console/types";

/** What went back to the customer's card: each refund Finpay confirmed, or the void. */
export function RefundNotice({ refunds, totalIdr }: { refunds: Refund[]; totalIdr: number }) {
  const locale = useLocale();
  const t = useTranslations("orders.refund");
  if (refunds.length === 0) return null;
  const voided = refunds.find((r) => r.kind === "void");
  const refunded = refunds.filter((r) => r.kind === "refund").reduce((sum, r) => sum + r.amountIdr, 0);
  return (
    <div data-testid="refund-notice" className="space-y-1 rounded-md border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-900">
      {voided ? (
        <p>{t("voided", { amount: formatIdr(voided.amountIdr), date: formatWib(voided.completedAt ?? voided.createdAt, locale) })}</p>
      ) : (
        <>
          <p className="font-medium">
            {refunded >= totalIdr ? t("full", { amount: formatIdr(refunded) }) : t("partial", { refunded: formatIdr(refunded), total: formatIdr(totalIdr) })}
          </p>
          <ul className="list-disc pl-5">
            {refunds.map((r) => (
              <li key={r.id}>
                {t("entry", { amount: formatIdr(r.amountIdr), date: formatWib(r.completedAt ?? r.createdAt, locale) })}
              </li>
            ))}
          </ul>
          <p className="text-xs">{t("timing")}</p>
        </>
      )}
    </div>
  );
}
