import Link from "next/link";
import { EmptyList, ListTable } from "./list-parts";
import type { CallbackLogRow } from "@/lib/console/callback-log";
import { outcomeLabel } from "@/lib/console/outcome-words";
import type { OrderStatus, PaymentStatus } from "@/lib/statuses";
import { useLocale, useTranslations } from "next-intl";
import { formatWib } from "@/lib/datetime";
import { orderNumber } from "@/lib/payments/ids";

function Verdict({ valid }: { valid: boolean | null }) {
  const t = useTranslations("console.callbacks.verdictBadge");
  if (valid === null) return <span className="rounded-full bg-stone-200 px-2 py-0.5 text-xs font-semibold text-stone-800">{t("unchecked")}</span>;
  return valid ? (
    <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-semibold text-emerald-900">{t("valid")}</span>
  ) : (
    <span className="rounded-full bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-900">{t("invalid")}</span>
  );
}

/** An outcome in the merchant's words: a state change as "Awaiting payment → Paid", the rest from the catalogue. */
export function useOutcomeLabel(): (outcome: string) => string {
  const t = useTranslations("console.callbacks");
  const status = useTranslations("common.status");
  return (outcome) => {
    const label = outcomeLabel(outcome);
    if (label.kind === "transition") {
      // Transition outcomes join two payment statuses, each worded in common.status.
      return t("transition", { from: status(label.from as PaymentStatus | OrderStatus), to: status(label.to as PaymentStatus | OrderStatus) });
    }
    return label.kind === "word" ? t(`outcomes.${label.word}`) : label.text;
  };
}

export function CallbackTable({ rows }: { rows: CallbackLogRow[] }) {
  const locale = useLocale();
  const t = useTranslations("console.callbacks");
  const outcomeLabel = useOutcomeLabel();
  if (rows.length === 0) {
    return <EmptyList>{t("empty")}</EmptyList>;
  }
  return (
    <ListTable
      caption={t("caption")}
      columns={[{ label: t("colReceived") }, { label: t("colFinpayOrder") }, { label: t("colStatus") }, { label: t("colSignature") }, { label: t("colOutcome") }]}
    >
      {rows.map((row) => (
        <tr key={row.id} data-testid="callback-row" className={`grid grid-cols-2 gap-x-3 gap-y-1 px-3 py-3 md:table-row md:p-0 ${row.flagged ? "bg-red-50" : ""}`}>
          <td className="md:px-3 md:py-2">{formatWib(row.receivedAt, locale, "precise")}</td>
          <td className="break-all md:px-3 md:py-2">
            <code className="text-xs">{row.finpayOrderId ?? "—"}</code>
            {row.orderId ? (
              <Link href={`/console/orders/${row.orderId}`} className="block text-xs text-brand-700 hover:underline">
                {t("orderLink", { number: orderNumber(row.orderId) })}
              </Link>
            ) : null}
          </td>
          <td className="md:px-3 md:py-2">{row.finpayStatus ?? "—"}</td>
          <td className="md:px-3 md:py-2">
            <Verdict valid={row.signatureValid} />
          </td>
          <td className="col-span-2 md:px-3 md:py-2">
            <span className={row.flagged ? "font-semibold text-red-800" : ""}>{outcomeLabel(row.outcome)}</span>
            {row.detail ? <span className="block text-xs text-stone-600">{row.detail}</span> : null}
          </td>
        </tr>
      ))}
    </ListTable>
  );
}
