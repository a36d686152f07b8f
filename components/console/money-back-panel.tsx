import { useLocale, useTranslations } from "next-intl";
import { StatusBadge } from "@/components/orders/status-badge";
import type { MerchantAction, Refund } from "@/lib/console/types";
import type { ConsoleAttempt } from "@/lib/console/order-detail";
import { formatWib } from "@/lib/datetime";
import { formatIdr } from "@/lib/money";
import { failureOf, issuerWordsOf } from "@/lib/payments/messages";
import { RefundForm, VoidForm } from "./money-back-forms";

/** Audit outcomes the console has words for (lib/payments/money-back.ts writes "succeeded" or a refusal reason). */
const ACTION_OUTCOMES = ["succeeded", "invalid_amount", "not_found", "not_refundable", "over_remaining", "already_refunded", "gateway_refused", "gateway_unknown", "void_form_refused"] as const;
const isActionOutcome = (value: string): value is (typeof ACTION_OUTCOMES)[number] => (ACTION_OUTCOMES as readonly string[]).includes(value);

/** One payment attempt: what it was, and the refund and void forms while money can still go back. */
export function AttemptMoneyBack({ orderId, attempt, paidTheOrder }: { orderId: string; attempt: ConsoleAttempt; paidTheOrder: boolean }) {
  const locale = useLocale();
  const t = useTranslations("console.attempt");
  const failures = useTranslations("payments.failures");
  // The plain words the customer read, and the issuer's own words for the merchant; an older row's sentence as it is.
  const failureText = (stored: string) => {
    const failure = failureOf(stored);
    if (failure === "generic" && !stored.startsWith("generic")) return stored;
    const issuer = issuerWordsOf(stored);
    return failure ? `${failures(failure)}${issuer ? ` (${issuer})` : ""}` : stored;
  };
  const form = useTranslations("console.moneyBackForm");
  const method = useTranslations("console.method");
  return (
    <article aria-label={t("label", { id: attempt.finpayOrderId })} data-testid="console-attempt" className="space-y-4 rounded-lg border border-stone-200 bg-white p-5">
      <header className="flex flex-wrap items-center gap-2 text-sm">
        <code className="font-mono font-medium">{attempt.finpayOrderId}</code>
        <StatusBadge status={attempt.status} />
        {paidTheOrder ? <span className="text-xs text-stone-600">{t("paidThisOrder")}</span> : null}
        {attempt.duplicatePayment ? <span className="rounded-full bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-900">{t("duplicate")}</span> : null}
      </header>
      <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
        <div><dt className="inline text-stone-600">{t("amount")} </dt><dd className="inline">{formatIdr(attempt.amountIdr)}</dd></div>
        <div><dt className="inline text-stone-600">{t("method")} </dt><dd className="inline">{method(attempt.method)}{attempt.cardLabel ? ` (${attempt.cardLabel})` : ""}</dd></div>
        <div><dt className="inline text-stone-600">{t("started")} </dt><dd className="inline">{formatWib(attempt.createdAt, locale)}</dd></div>
        {/* Finpay's own status and failure text are its words: shown as Finpay sent them. */}
        <div><dt className="inline text-stone-600">{t("finpayStatus")} </dt><dd className="inline">{attempt.finpayStatus ?? "—"}</dd></div>
        {attempt.failureMessage ? <div className="sm:col-span-2"><dt className="inline text-stone-600">{t("failure")} </dt><dd className="inline">{failureText(attempt.failureMessage)}</dd></div> : null}
      </dl>
      {attempt.status === "refunded" || attempt.status === "voided" ? (
        // The forms are gone once nothing is left to give back; this says why, where they were.
        <p role="status" data-testid="money-back-done" className="rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900">
          {t(attempt.status === "voided" ? "voidedDone" : "refundedDone", { amount: formatIdr(attempt.amountIdr) })}
        </p>
      ) : null}
      {attempt.refundableIdr > 0 ? (
        <div className="grid gap-6 border-t border-stone-200 pt-4 md:grid-cols-2">
          <div className="space-y-2">
            <h3 className="font-medium">{t("refundHeading")}</h3>
            <p className="text-sm text-stone-600" data-testid="refundable">
              {t("refundable", { amount: formatIdr(attempt.refundableIdr) })}
            </p>
            <RefundForm
              orderId={orderId}
              attemptId={attempt.id}
              labels={{
                form: form("refundForm", { id: attempt.finpayOrderId }),
                amount: form("amount"),
                amountHint: form("amountHint", { amount: formatIdr(attempt.refundableIdr) }),
                reason: form("reason"),
                reasonHint: form("reasonHint"),
                submit: form("refund"),
                pending: form("checking"),
                change: form("change"),
                confirming: form("refunding"),
              }}
            />
          </div>
          {attempt.canVoid ? (
            <div className="space-y-2">
              <h3 className="font-medium">{t("voidHeading")}</h3>
              <p className="text-sm text-stone-600">{t("voidExplain")}</p>
              <VoidForm
                orderId={orderId}
                attemptId={attempt.id}
                labels={{
                  form: form("voidForm", { id: attempt.finpayOrderId }),
                  reason: form("reason"),
                  reasonHint: form("reasonHint"),
                  submit: form("void"),
                  pending: form("checking"),
                  change: form("change"),
                  confirming: form("voiding"),
                }}
              />
            </div>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}

/** Refund rows and the audit trail of merchant actions on this order. */
export function MoneyBackHistory({ refunds, actions }: { refunds: (Refund & { requestedByEmail: string; finpayOrderId: string })[]; actions: MerchantAction[] }) {
  const locale = useLocale();
  const t = useTranslations("console.history");
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <div className="rounded-lg border border-stone-200 bg-white p-5">
        <h2 className="mb-3 font-semibold">{t("refundsHeading")}</h2>
        {refunds.length === 0 ? (
          <p className="text-sm text-stone-600">{t("refundsEmpty")}</p>
        ) : (
          <ul className="divide-y divide-stone-200 text-sm" data-testid="refund-list">
            {refunds.map((refund) => (
              <li key={refund.id} className="space-y-0.5 py-2">
                <p className="font-medium">
                  {t(refund.kind === "void" ? "voidLine" : "refundLine", { amount: formatIdr(refund.amountIdr), status: t(`refundStatus.${refund.status}`) })}
                </p>
                <p className="text-xs text-stone-600">
                  {t("by", { date: formatWib(refund.createdAt, locale), email: refund.requestedByEmail })} · <code>{refund.finpayOrderId}</code>
                  {refund.reason ? ` · “${refund.reason}”` : ""}
                </p>
                {refund.finpayMessage ? (
                  <p className="text-xs text-stone-600">
                    {t("finpay", { message: `${refund.finpayResponseCode ? `${refund.finpayResponseCode} ` : ""}${refund.finpayMessage}` })}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="rounded-lg border border-stone-200 bg-white p-5">
        <h2 className="mb-3 font-semibold">{t("actionsHeading")}</h2>
        {actions.length === 0 ? (
          <p className="text-sm text-stone-600">{t("actionsEmpty")}</p>
        ) : (
          <ol className="space-y-2 text-sm" data-testid="audit-list">
            {actions.map((action) => (
              <li key={action.id}>
                <span className="text-stone-600">{formatWib(action.createdAt, locale, "precise")}</span> · {action.actorEmail} · {action.action === "void" || action.action === "refund" ? t(`action.${action.action}`) : action.action}
                {action.amountIdr !== null ? ` ${formatIdr(action.amountIdr)}` : ""} ·{" "}
                <span className={action.outcome === "succeeded" ? "text-emerald-800" : "text-red-700"}>{isActionOutcome(action.outcome) ? t(`actionOutcome.${action.outcome}`) : action.outcome.replace(/_/g, " ")}</span>
              </li>
            ))}
          </ol>
        )}
      </div>
    </div>
  );
}
