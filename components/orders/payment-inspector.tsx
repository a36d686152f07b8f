import type { InspectorEntry } from "@/lib/payments/queries";
import type { AttemptView } from "@/lib/payments/queries";
import { formatIdr } from "@/lib/money";
import { useOutcomeLabel } from "@/components/console/callback-table";
import { StatusBadge } from "./status-badge";
import { useLocale, useTranslations } from "next-intl";
import { formatWib } from "@/lib/datetime";


function Json({ value, none }: { value: unknown; none: string }) {
  const text = typeof value === "string" ? value : JSON.stringify(value, null, 2);
  // Focusable so that a keyboard user can scroll a long body (axe: scrollable-region-focusable).
  return (
    <pre tabIndex={0} className="max-h-72 overflow-auto rounded bg-stone-900 p-3 text-xs leading-relaxed text-stone-100">
      {text ?? none}
    </pre>
  );
}

function prettyRaw(raw: string): string {
  try {
    return JSON.stringify(JSON.parse(raw), null, 2);
  } catch {
    return raw;
  }
}

/**
 * For the merchant evaluating the integration: what was sent to Finpay and what came back, for each attempt, with
 * times. Stored redacted: no Authorization header, card tokens shortened to their last 6 characters.
 */
export function PaymentInspector({ attempts, entries, open = false }: { attempts: AttemptView[]; entries: Map<string, InspectorEntry[]>; open?: boolean }) {
  const locale = useLocale();
  const t = useTranslations("orders.inspector");
  const time = (date: Date) => formatWib(date, locale, "precise");
  // The callback log's words for an outcome ("Awaiting payment → Paid", "Duplicate"), not the stored code.
  const outcomeLabel = useOutcomeLabel();
  return (
    <details className="rounded-lg border border-stone-200 bg-white" data-testid="payment-inspector" open={open}>
      <summary className="cursor-pointer px-5 py-3 font-medium">{t("summary")}</summary>
      <div className="space-y-6 border-t border-stone-200 p-5">
        {attempts.map((attempt) => (
          <section key={attempt.id} aria-label={t("attempt", { id: attempt.finpayOrderId })} className="space-y-3">
            <h3 className="flex flex-wrap items-center gap-2 text-sm font-semibold">
              {t("finpayOrder")} <code className="font-mono">{attempt.finpayOrderId}</code> · {t(`methods.${attempt.method}`)} · {formatIdr(attempt.amountIdr)}
              <StatusBadge status={attempt.status} />
            </h3>
            <ol className="space-y-3">
              {(entries.get(attempt.id) ?? []).map((entry) =>
                entry.kind === "exchange" ? (
                  <li key={`x${entry.exchange.id}`} className="space-y-1 text-sm">
                    <p>
                      <span className="font-mono text-xs text-stone-600">{time(entry.at)}</span> <strong>{entry.exchange.method}</strong>{" "}
                      <code className="break-all text-xs">{entry.exchange.url}</code> → {entry.exchange.httpStatus ?? t("noAnswer")}
                      {entry.exchange.errorKind ? <span className="text-red-700"> ({entry.exchange.errorKind})</span> : null} · {entry.exchange.durationMs} ms
                    </p>
                    {entry.exchange.requestBody ? (
                      <div>
                        <p className="text-xs font-medium text-stone-600">{t("request")}</p>
                        <Json value={entry.exchange.requestBody} none={t("none")} />
                      </div>
                    ) : null}
                    <p className="text-xs font-medium text-stone-600">{t("response")}</p>
                    <Json value={entry.exchange.responseBody ?? entry.exchange.errorMessage} none={t("none")} />
                  </li>
                ) : (
                  <li
                    key={`e${entry.event.id}`}
                    data-flagged={entry.event.flagged || undefined}
                    className={`space-y-1 text-sm ${entry.event.flagged ? "rounded-md border-l-4 border-red-600 bg-red-50 p-2" : ""}`}
                  >
                    <p>
                      <span className="font-mono text-xs text-stone-600">{time(entry.at)}</span>{" "}
                      <strong>{entry.event.source === "callback" ? t("callback") : t("statusCheck")}</strong>
                      {entry.event.source === "callback" ? (
                        <>
                          {" "}
                          · {t("signature")} {entry.event.signatureValid ? <span className="text-emerald-800">{t("valid")}</span> : <span className="text-red-700">{t("invalid")}</span>}
                        </>
                      ) : null}{" "}
                      · {t("finpayStatus")} {entry.event.finpayStatus ?? "?"} · {t("outcome")} <span data-testid="inspector-outcome">{outcomeLabel(entry.event.outcome)}</span>
                      {entry.event.flagged ? <span className="font-semibold text-red-700"> · {t("flagged")}</span> : null}
                      {entry.event.detail ? <span className="text-stone-600"> ({entry.event.detail})</span> : null}
                    </p>
                    <Json value={prettyRaw(entry.event.rawBody)} none={t("none")} />
                  </li>
                ),
              )}
            </ol>
          </section>
        ))}
      </div>
    </details>
  );
}
