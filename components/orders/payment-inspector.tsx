import type { InspectorEntry } from "@/lib/payments/queries";
import type { AttemptView } from "@/lib/payments/queries";
import { formatIdr } from "@/lib/money";
import { StatusBadge } from "./status-badge";

const time = (date: Date) => date.toLocaleString("en-GB", { timeZone: "Asia/Jakarta", hour12: false }) + " WIB";

function Json({ value }: { value: unknown }) {
  const text = typeof value === "string" ? value : JSON.stringify(value, null, 2);
  // Focusable so that a keyboard user can scroll a long body (axe: scrollable-region-focusable).
  return (
    <pre tabIndex={0} className="max-h-72 overflow-auto rounded bg-stone-900 p-3 text-xs leading-relaxed text-stone-100">
      {text ?? "(none)"}
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
export function PaymentInspector({ attempts, entries }: { attempts: AttemptView[]; entries: Map<string, InspectorEntry[]> }) {
  return (
    <details className="rounded-lg border border-stone-200 bg-white" data-testid="payment-inspector">
      <summary className="cursor-pointer px-5 py-3 font-medium">Payment inspector (requests, responses, callbacks)</summary>
      <div className="space-y-6 border-t border-stone-200 p-5">
        {attempts.map((attempt) => (
          <section key={attempt.id} aria-label={`Attempt ${attempt.finpayOrderId}`} className="space-y-3">
            <h3 className="flex flex-wrap items-center gap-2 text-sm font-semibold">
              Finpay order <code className="font-mono">{attempt.finpayOrderId}</code> · {attempt.method.replace(/_/g, " ")} · {formatIdr(attempt.amountIdr)}
              <StatusBadge status={attempt.status} />
            </h3>
            <ol className="space-y-3">
              {(entries.get(attempt.id) ?? []).map((entry) =>
                entry.kind === "exchange" ? (
                  <li key={`x${entry.exchange.id}`} className="space-y-1 text-sm">
                    <p>
                      <span className="font-mono text-xs text-stone-600">{time(entry.at)}</span> <strong>{entry.exchange.method}</strong>{" "}
                      <code className="break-all text-xs">{entry.exchange.url}</code> → {entry.exchange.httpStatus ?? "no answer"}
                      {entry.exchange.errorKind ? <span className="text-red-700"> ({entry.exchange.errorKind})</span> : null} · {entry.exchange.durationMs} ms
                    </p>
                    {entry.exchange.requestBody ? (
                      <div>
                        <p className="text-xs font-medium text-stone-600">Request (Authorization removed)</p>
                        <Json value={entry.exchange.requestBody} />
                      </div>
                    ) : null}
                    <p className="text-xs font-medium text-stone-600">Response</p>
                    <Json value={entry.exchange.responseBody ?? entry.exchange.errorMessage} />
                  </li>
                ) : (
                  <li key={`e${entry.event.id}`} className="space-y-1 text-sm">
                    <p>
                      <span className="font-mono text-xs text-stone-600">{time(entry.at)}</span>{" "}
                      <strong>{entry.event.source === "callback" ? "Callback received" : "Status check"}</strong>
                      {entry.event.source === "callback" ? (
                        <> · signature {entry.event.signatureValid ? <span className="text-emerald-800">valid</span> : <span className="text-red-700">INVALID</span>}</>
                      ) : null}{" "}
                      · Finpay status {entry.event.finpayStatus ?? "?"} · outcome <code>{entry.event.outcome}</code>
                      {entry.event.flagged ? <span className="font-semibold text-red-700"> · flagged</span> : null}
                      {entry.event.detail ? <span className="text-stone-600"> ({entry.event.detail})</span> : null}
                    </p>
                    <Json value={prettyRaw(entry.event.rawBody)} />
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
