/** @jsxImportSource hono/jsx */
import type { CardFormValues } from "../card-form";
import { CHALLENGE_CODE, describeMask } from "../cards";
import type { SandboxOrder, StoredCard } from "../state";
import { ErrorSummary, OrderSummary, TestCardTable, TextField, type FieldErrors } from "./components";
import { expiryForDisplay, formatRupiah } from "./format";
import { Layout } from "./layout";

/** What a pay button says once pressed (the page script sets it; see layout.tsx). */
const BUSY_LABEL = "Processing…";

/** Announces the busy state to screen readers: a live region present from the start, filled on submit. */
function BusyStatus() {
  return <p class="sr-only" role="status" data-busy-status></p>;
}

export function BasicPaymentPage(props: { order: SandboxOrder; action: string; values: CardFormValues; errors: FieldErrors }) {
  const { order, action, values, errors } = props;
  return (
    <Layout title="Card payment" backUrl={order.urls.backUrl}>
      <h1>Pay by card</h1>
      <OrderSummary order={order} />
      <section class="card" aria-labelledby="card-heading">
        <h2 id="card-heading">Card details</h2>
        <ErrorSummary errors={errors} />
        <form method="post" action={action} novalidate data-busy-label={BUSY_LABEL}>
          <TextField
            id="cardNumber"
            label="Card number"
            hint="Nomor kartu kredit/debit (12–19 digit)"
            value={values.cardNumber}
            error={errors.cardNumber}
            autocomplete="cc-number"
            inputmode="numeric"
            maxlength={23}
          />
          <div class="row">
            <TextField
              id="expiry"
              label="Expiry date (MM/YY)"
              hint="Masa berlaku, contoh 12/29"
              value={values.expiry}
              error={errors.expiry}
              autocomplete="cc-exp"
              inputmode="numeric"
              maxlength={5}
            />
            <TextField
              id="cvv"
              label="CVV"
              hint="3 digit di belakang kartu (Amex: 4)"
              error={errors.cvv}
              autocomplete="cc-csc"
              inputmode="numeric"
              maxlength={4}
              type="password"
            />
          </div>
          <TextField
            id="nameOnCard"
            label="Name on card"
            hint="Nama sesuai yang tertera di kartu"
            value={values.nameOnCard}
            error={errors.nameOnCard}
            autocomplete="cc-name"
          />
          <SaveCardChoice order={order} checked={values.saveCard} />
          <button type="submit">Pay {formatRupiah(order.amount)}</button>
          <BusyStatus />
        </form>
      </section>
      <TestCardTable />
    </Layout>
  );
}

/** The merchant may have decided already (TO_BE_STORED / NOT_STORED); otherwise the customer chooses. */
function SaveCardChoice({ order, checked }: { order: SandboxOrder; checked: boolean }) {
  if (order.storedOnFile === "NOT_STORED") return null;
  if (order.storedOnFile === "TO_BE_STORED") {
    return (
      <p class="notice">
        The merchant will save this card for faster checkout next time.{" "}
        <span lang="id">Kartu akan disimpan oleh merchant.</span>
      </p>
    );
  }
  return (
    <div class="check">
      <input type="checkbox" id="saveCard" name="saveCard" value="yes" checked={checked} aria-describedby="saveCard-hint" />
      <div>
        <label for="saveCard">Save this card for faster checkout</label>
        <span class="hint" id="saveCard-hint" lang="id">
          Simpan kartu ini; lain kali cukup masukkan CVV.
        </span>
      </div>
    </div>
  );
}

export function TwoClickPaymentPage(props: { order: SandboxOrder; card: StoredCard; action: string; errors: FieldErrors }) {
  const { order, card, action, errors } = props;
  return (
    <Layout title="Pay with saved card" backUrl={order.urls.backUrl}>
      <h1>Pay with your saved card</h1>
      <OrderSummary order={order} />
      <section class="card" aria-labelledby="saved-heading">
        <h2 id="saved-heading">Saved card</h2>
        <p class="saved-card">{describeMask(card.info.brand, card.mask)}</p>
        <dl class="summary">
          <dt>Card</dt>
          <dd>
            <code>{card.mask}</code>
          </dd>
          <dt>Expires</dt>
          <dd>{expiryForDisplay(card.expiryDate)}</dd>
        </dl>
        <ErrorSummary errors={errors} />
        <form method="post" action={action} novalidate data-busy-label={BUSY_LABEL}>
          <TextField
            id="cvv"
            label="CVV"
            hint="Cukup masukkan 3 digit CVV kartu tersimpan"
            error={errors.cvv}
            autocomplete="cc-csc"
            inputmode="numeric"
            maxlength={4}
            type="password"
          />
          <button type="submit">Pay {formatRupiah(order.amount)}</button>
          <BusyStatus />
        </form>
      </section>
      <TestCardTable />
    </Layout>
  );
}

export function ChallengePage(props: { order: SandboxOrder; mask: string; brand: string; action: string; error?: string | undefined }) {
  const { order, mask, brand, action, error } = props;
  return (
    <Layout title="3-D Secure verification" backUrl={order.urls.backUrl}>
      <h1>3-D Secure verification</h1>
      <OrderSummary order={order} />
      <section class="card" aria-labelledby="challenge-heading">
        <h2 id="challenge-heading">Confirm it is you</h2>
        <p>
          Your bank sent a one-time code for the payment of <strong>{formatRupiah(order.amount)}</strong> with{" "}
          {describeMask(brand, mask)}.
        </p>
        <p class="notice">
          Sandbox: the code is <strong>{CHALLENGE_CODE}</strong>; any other code fails the payment.
        </p>
        <ErrorSummary errors={error ? { otp: error } : {}} />
        <form method="post" action={action} novalidate data-busy-label={BUSY_LABEL}>
          <TextField
            id="otp"
            label="One-time code"
            hint="Kode OTP 6 digit dari bank Anda"
            error={error}
            autocomplete="one-time-code"
            inputmode="numeric"
            maxlength={6}
          />
          <button type="submit">Verify and pay</button>
          <BusyStatus />
        </form>
      </section>
    </Layout>
  );
}
