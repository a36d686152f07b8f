/** @jsxImportSource hono/jsx */
import type { SandboxOrder } from "../state";
import { formatJakarta } from "../time";
import { OrderSummary } from "./components";
import { Layout } from "./layout";

/** Shown at a payment link whose order.timeout has run out. */
export function ExpiredPage({ order }: { order: SandboxOrder }) {
  return (
    <Layout title="Payment link expired" backUrl={order.urls.backUrl}>
      <h1>Payment link expired</h1>
      <section class="card">
        <p>
          The time to pay this order ended on <strong>{formatJakarta(new Date(order.expiresAt))} WIB</strong>. No money
          was taken. Return to the merchant to start a new payment.
        </p>
        <p lang="id">Batas waktu pembayaran telah habis.</p>
      </section>
      <OrderSummary order={order} showCountdown={false} />
    </Layout>
  );
}

const FINISHED_TEXT: Record<string, { heading: string; body: string; tone: string }> = {
  CAPTURED: { heading: "Payment already completed", body: "This order has already been paid.", tone: "status-ok" },
  FAILURE: { heading: "Payment already finished", body: "This payment was declined and cannot be retried with this link.", tone: "status-bad" },
  CANCELLED: { heading: "Payment cancelled", body: "The merchant cancelled this payment; it can no longer be paid.", tone: "status-bad" },
};

/** Shown when someone opens the link of an order that is paid, failed or cancelled. */
export function FinishedPage({ order }: { order: SandboxOrder }) {
  const text = FINISHED_TEXT[order.status] ?? { heading: "Payment finished", body: "This payment link can no longer be used.", tone: "" };
  return (
    <Layout title={text.heading} backUrl={order.urls.backUrl}>
      <h1>{text.heading}</h1>
      <section class="card">
        <p class={text.tone}>
          <strong>{text.body}</strong>
        </p>
        <p>
          Status: <code>{order.status}</code>
          {order.completedAt ? ` since ${formatJakarta(new Date(order.completedAt))} WIB` : ""}.
        </p>
        <p lang="id">Tautan pembayaran ini sudah tidak berlaku.</p>
      </section>
      <OrderSummary order={order} showCountdown={false} />
    </Layout>
  );
}

/** Where the browser lands after paying when the merchant gave no successUrl/failUrl. */
export function ResultPage({ order }: { order: SandboxOrder }) {
  const paid = order.status === "CAPTURED";
  return (
    <Layout title={paid ? "Payment successful" : "Payment failed"} backUrl={order.urls.backUrl}>
      <h1>{paid ? "Payment successful" : "Payment failed"}</h1>
      <section class="card">
        <p class={paid ? "status-ok" : "status-bad"}>
          <strong>{paid ? "Your payment was captured." : (order.userDesc ?? "The payment was not completed.")}</strong>
        </p>
        {order.card ? (
          <p>
            Card <code>{order.card.mask}</code>, reference <code>{order.paymentReference ?? "-"}</code>.
          </p>
        ) : null}
        <p>The merchant has been notified. You can close this page.</p>
      </section>
      <OrderSummary order={order} showCountdown={false} />
    </Layout>
  );
}

export function MessagePage({ title, message, backUrl }: { title: string; message: string; backUrl?: string | undefined }) {
  return (
    <Layout title={title} backUrl={backUrl}>
      <h1>{title}</h1>
      <section class="card">
        <p>{message}</p>
      </section>
    </Layout>
  );
}
