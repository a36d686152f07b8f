/** @jsxImportSource hono/jsx */
import { CHALLENGE_CODE, DECLINE_REASONS, DECLINING_CVV, TEST_CARDS } from "../cards";
import type { SandboxOrder } from "../state";
import { formatJakarta } from "../time";
import { formatRupiah } from "./format";

/** What the customer is paying for, as on Finpay's page: merchant order id, amount, description, time left. */
export function OrderSummary({ order, showCountdown = true }: { order: SandboxOrder; showCountdown?: boolean }) {
  const expiresAt = new Date(order.expiresAt);
  return (
    <section class="card" aria-labelledby="summary-heading">
      <h2 id="summary-heading">Order summary</h2>
      <dl class="summary">
        <dt>Merchant order ID</dt>
        <dd>{order.id}</dd>
        <dt>Amount</dt>
        <dd>{formatRupiah(order.amount)}</dd>
        {order.description ? (
          <>
            <dt>Description</dt>
            <dd>{order.description}</dd>
          </>
        ) : null}
        {order.shipping ? (
          <>
            <dt>Deliver to</dt>
            <dd data-testid="sandbox-ship-to">
              {[order.shipping.recipient, ...order.shipping.lines].filter(Boolean).map((line) => (
                <span key={line} class="block">
                  {line}
                </span>
              ))}
              {order.shipping.method ? <span class="hint">Shipping method {order.shipping.method}</span> : null}
            </dd>
          </>
        ) : null}
        {showCountdown ? (
          <>
            <dt>Pay before</dt>
            <dd>
              <time datetime={order.expiresAt}>{formatJakarta(expiresAt)} WIB</time>
            </dd>
            <dt>Time left</dt>
            <dd>
              <span role="timer" data-expires-at={String(expiresAt.getTime())}>
                {formatTimeLeft(expiresAt.getTime() - Date.now())}
              </span>
            </dd>
          </>
        ) : null}
      </dl>
      {order.items.length > 0 ? (
        <table data-testid="sandbox-items">
          <caption>Items</caption>
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col">Qty</th>
              <th scope="col">Amount</th>
            </tr>
          </thead>
          <tbody>
            {order.items.map((item, index) => (
              <tr key={String(index)}>
                <td>{item.name}</td>
                <td>{item.quantity}</td>
                <td>{formatRupiah(item.quantity * item.unitPrice)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

function formatTimeLeft(ms: number): string {
  const left = Math.max(0, Math.floor(ms / 1000));
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(Math.floor(left / 3600))}:${pad(Math.floor(left / 60) % 60)}:${pad(left % 60)}`;
}

/**
 * The sandbox's test cards, always on screen so nobody has to look them up. On a phone the rows stack (number,
 * then brand and result, each labelled) so the page never scrolls sideways; the scroll box is a last resort for
 * very narrow screens, focusable and named like the table so that it can be scrolled from the keyboard.
 */
export function TestCardTable() {
  return (
    <section class="card">
      <h2 id="test-cards-heading">Test cards</h2>
      <div class="table-scroll" role="region" aria-labelledby="test-cards-heading" tabindex={0}>
        <table class="stack" aria-labelledby="test-cards-heading">
          <thead>
            <tr>
              <th scope="col">Card number</th>
              <th scope="col">Brand</th>
              <th scope="col">Result</th>
            </tr>
          </thead>
          <tbody>
            {TEST_CARDS.map((card) => (
              <tr key={card.number}>
                <td>
                  <code class="nowrap">{card.number.replace(/(\d{4})(?=\d)/g, "$1 ")}</code>
                </td>
                <td data-label="Brand">{card.brand === "MASTERCARD" ? "Mastercard" : "Visa"}</td>
                <td data-label="Result">{card.label}</td>
              </tr>
            ))}
            <tr>
              <td>
                Any card with CVV <code>{DECLINING_CVV}</code>
              </td>
              <td data-label="Brand">Any</td>
              <td data-label="Result">Declined ({DECLINE_REASONS.cvv_mismatch.statusDesc.replace(/^Declined: /, "")})</td>
            </tr>
          </tbody>
        </table>
      </div>
      <p class="hint">
        Any future expiry date and any 3-digit CVV except {DECLINING_CVV} (Amex: 4 digits, 9999 declines). The 3-D
        Secure card passes with code {CHALLENGE_CODE}; any other Luhn-valid number is approved.{" "}
        <span lang="id">Gunakan tanggal kedaluwarsa di masa depan; CVV {DECLINING_CVV} selalu ditolak.</span>
      </p>
    </section>
  );
}

export type FieldErrors = Partial<Record<string, string>>;

/** List of problems at the top of a form, each a link to its field. */
export function ErrorSummary({ errors }: { errors: FieldErrors }) {
  const entries = Object.entries(errors).filter((e): e is [string, string] => typeof e[1] === "string");
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-heading">
      <h2 id="error-summary-heading">Please check the card details</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li key={field}>
            <a href={`#${field}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export interface TextFieldProps {
  id: string;
  label: string;
  /** Indonesian hint under the label. */
  hint?: string;
  error?: string | undefined;
  value?: string;
  autocomplete: string;
  inputmode?: "numeric" | "text";
  maxlength?: number;
  type?: "text" | "password";
}

/** A labelled input whose hint and error are tied to it with aria-describedby. */
export function TextField({ id, label, hint, error, value, autocomplete, inputmode = "text", maxlength, type = "text" }: TextFieldProps) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint ? (
        <span class="hint" id={`${id}-hint`} lang="id">
          {hint}
        </span>
      ) : null}
      <input
        type={type}
        id={id}
        name={id}
        value={value ?? ""}
        autocomplete={autocomplete}
        inputmode={inputmode}
        maxlength={maxlength}
        required
        aria-invalid={error ? "true" : undefined}
        aria-describedby={describedBy || undefined}
      />
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
