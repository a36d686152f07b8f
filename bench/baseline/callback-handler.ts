/**
 * The callback work of the bare baseline, written plainly with postgres.js: the same work per callback as
 * app/api/finpay/callback + lib/payments, statement for statement, without Drizzle, zod or the app's layers.
 * Verify the signature (the same lib/finpay verifier), find the attempt, insert the event, confirm with
 * check-status at the sandbox and store that exchange, then one transaction: the locked conditional update of the
 * attempt and the order, what was bought taken out of the cart and out of stock, the order confirmation written into
 * the email outbox with its job, and the stored-card sync job (pg-boss's own `send`, as the app's lib/jobs uses it);
 * then the event's outcome. It handles what the benchmark sends (signed CAPTURED callbacks for basic-card attempts, first
 * deliveries and duplicates) and throws on anything else (answered 503), so a wrong mix cannot pass unnoticed.
 *
 * Served by a plain node:http server (callback-server.ts: the baseline) and, in benchmark builds only, by a Next.js
 * route handler (app/(benchmark-only)/api/bench-callback: the same code inside the framework, to show what the framework costs).
 * Env: DATABASE_URL, FINPAY_BASE_URL, FINPAY_MERCHANT_ID, FINPAY_MERCHANT_KEY, DATABASE_POOL_SIZE.
 */
import PgBoss from "pg-boss";
import postgres from "postgres";
import { verifyCallbackSignature } from "../../lib/finpay/signature";
import { transitionOutcome, type PaymentEventOutcome } from "../../db/event-outcomes";

const finpayBaseUrl = (process.env.FINPAY_BASE_URL ?? "http://localhost:4010").replace(/\/$/, "");
const merchantKey = process.env.FINPAY_MERCHANT_KEY ?? "SoSecret123";
const authorization = `Basic ${Buffer.from(`${process.env.FINPAY_MERCHANT_ID ?? "FINPAY770"}:${merchantKey}`).toString("base64")}`;
// postgres.js connects on the first query, so importing this module (e.g. while Next.js builds its route) opens nothing.
const sql = postgres(process.env.DATABASE_URL ?? "postgres://localhost/unset", { max: Number(process.env.DATABASE_POOL_SIZE ?? 10), onnotice: () => {} });

// As lib/jobs/boss.ts: a pg-boss that only sends, each send running in the transaction it is given.
const boss = new PgBoss({ db: { executeSql: () => Promise.reject(new Error("sends name their transaction")) } });
const jsonParameter = (value: unknown) =>
  value === undefined ? null : value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof Date) ? JSON.stringify(value) : value;
async function sendJob(tx: postgres.TransactionSql, queue: string, data: Record<string, unknown>): Promise<void> {
  const executeSql = async (text: string, values: unknown[] = []) => ({ rows: await tx.unsafe(text, values.map(jsonParameter) as postgres.ParameterOrJSON<never>[]) });
  if ((await boss.send(queue, data, { db: { executeSql } })) === null) throw new Error(`queue ${queue} is not installed`);
}

export async function closeDatabase(): Promise<void> {
  await sql.end({ timeout: 2 });
}

const ACK = { responseCode: "2000000", responseMessage: "Success" };
export const MAX_BODY = 64 * 1024;

export type Reply = [status: number, body: Record<string, unknown>];

interface Attempt {
  id: string;
  order_id: string;
  status: string;
  method: string;
  amount_idr: number;
}

interface CallbackBody {
  order?: { id?: unknown; amount?: unknown };
  result?: { payment?: { status?: unknown; amount?: unknown } } | null;
}

function log(event: string, fields: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), level: "info", event, ...fields })}\n`);
}

/** One call to the sandbox, stored like the app stores it (gateway_exchanges). */
async function finpayGet(attemptId: string, operation: string, path: string): Promise<{ responseCode?: string; data?: unknown }> {
  const url = `${finpayBaseUrl}${path}`;
  const startedAt = new Date();
  const t0 = performance.now();
  const response = await fetch(url, { headers: { accept: "application/json", authorization } });
  const text = await response.text();
  const durationMs = Math.round(performance.now() - t0);
  const body = JSON.parse(text) as { responseCode?: string; data?: unknown };
  await sql`
    insert into gateway_exchanges (attempt_id, operation, method, url, request_body, http_status, response_body, duration_ms, started_at)
    values (${attemptId}, ${operation}, 'GET', ${url}, null, ${response.status}, ${sql.json(body as postgres.JSONValue)}, ${durationMs}, ${startedAt})`;
  log("finpay.call", { operation, method: "GET", url, httpStatus: response.status, durationMs, attemptId });
  if (!response.ok || body.responseCode !== "2000000") throw new Error(`${operation} answered HTTP ${response.status}`);
  return body;
}

async function markPaid(attempt: Attempt, finpayStatus: string): Promise<PaymentEventOutcome | "not_found"> {
  return sql.begin(async (tx) => {
    const [row] = await tx<{ status: string; order_id: string }[]>`select status, order_id from payment_attempts where id = ${attempt.id} for update`;
    if (!row) return "not_found";
    if (row.status === "paid") return "duplicate";
    if (row.status === "refunded") return "ignored_out_of_order";
    const now = new Date();
    const updated = await tx`
      update payment_attempts set status = 'paid', updated_at = ${now}, finpay_status = ${finpayStatus}, settled_at = ${now}
      where id = ${attempt.id} and status = ${row.status} returning id`;
    if (updated.length === 0) return "ignored_out_of_order";
    const paid = await tx`
      update orders set status = 'paid', paid_attempt_id = ${attempt.id}, paid_at = ${now}, updated_at = ${now}
      where id = ${row.order_id} and paid_attempt_id is null returning id`;
    if (paid.length === 0) {
      await tx`update payment_attempts set duplicate_payment = true where id = ${attempt.id}`;
      return "duplicate_payment";
    }
    await tx`
      with bought as (
        select c.id as cart_id, oi.product_id, oi.quantity
        from orders o join carts c on c.user_id = o.user_id join order_items oi on oi.order_id = o.id
        where o.id = ${row.order_id}
      ), removed as (
        delete from cart_items ci using bought b
        where ci.cart_id = b.cart_id and ci.product_id = b.product_id and ci.quantity <= b.quantity
      )
      update cart_items ci set quantity = ci.quantity - b.quantity from bought b
      where ci.cart_id = b.cart_id and ci.product_id = b.product_id and ci.quantity > b.quantity`;
    const sold = await tx<{ product_id: number; sold: number; before: number }[]>`
      with bought as (
        select oi.product_id, oi.quantity, p.stock as before
        from order_items oi join products p on p.id = oi.product_id where oi.order_id = ${row.order_id}
        for update of p
      )
      update products p set stock = greatest(p.stock - bought.quantity, 0) from bought where p.id = bought.product_id
      returning bought.product_id, bought.quantity as sold, bought.before`;
    for (const line of sold) if (line.sold > line.before) log("stock.oversold", { orderId: row.order_id, productId: line.product_id });
    const [recipient] = await tx<{ user_id: string; email: string; locale: string }[]>`
      select o.user_id, u.email, u.locale from orders o join users u on u.id = o.user_id where o.id = ${row.order_id}`;
    const [outbox] = await tx<{ id: string }[]>`
      insert into email_outbox (kind, subject_id, user_id, to_address, locale, data)
      values ('order_confirmation', ${row.order_id}, ${recipient!.user_id}, ${recipient!.email}, ${recipient!.locale}, ${sql.json({ orderId: row.order_id })})
      on conflict (kind, subject_id) do nothing returning id`;
    if (outbox) await sendJob(tx, "email.send", { outboxId: outbox.id });
    if (attempt.method !== "two_click") await sendJob(tx, "payments.sync-saved-cards", { attemptId: attempt.id });
    return transitionOutcome(row.status, "paid");
  });
}

export async function handleCallback(raw: string): Promise<Reply> {
  let payload: CallbackBody;
  try {
    payload = JSON.parse(raw) as CallbackBody;
  } catch {
    await sql`insert into payment_events (source, raw_body, outcome, flagged) values ('callback', ${raw}, ${"malformed" satisfies PaymentEventOutcome}, true)`;
    return [400, { responseCode: "4000001", responseMessage: "Malformed JSON" }];
  }
  const orderId = typeof payload.order?.id === "string" ? payload.order.id : null;
  const signature = verifyCallbackSignature(raw, merchantKey);
  if (!signature.valid) {
    await sql`insert into payment_events (finpay_order_id, source, raw_body, signature_valid, outcome, flagged, detail)
      values (${orderId}, 'callback', ${raw}, false, ${"rejected_signature" satisfies PaymentEventOutcome}, true, ${signature.reason})`;
    return [401, { responseCode: "4010000", responseMessage: "Invalid signature" }];
  }
  if (!orderId) return [400, { responseCode: "4000001", responseMessage: "Invalid callback: order.id" }];
  const claimedStatus = typeof payload.result?.payment?.status === "string" ? payload.result.payment.status : null;

  const [attempt] = await sql<Attempt[]>`select * from payment_attempts where finpay_order_id = ${orderId} limit 1`;
  const [event] = await sql<{ id: number }[]>`
    insert into payment_events (attempt_id, finpay_order_id, source, raw_body, signature_valid, finpay_status, outcome)
    values (${attempt?.id ?? null}, ${orderId}, 'callback', ${raw}, true, ${claimedStatus}, ${(attempt ? "received" : "unknown_order") satisfies PaymentEventOutcome})
    returning id`;
  if (!attempt) return [200, ACK];
  if (Number(payload.order?.amount) !== attempt.amount_idr) {
    await sql`update payment_events set outcome = ${"amount_mismatch" satisfies PaymentEventOutcome}, flagged = true where id = ${event!.id}`;
    return [200, ACK];
  }

  const truth = (await finpayGet(attempt.id, "check_status", `/pg/payment/card/check/${encodeURIComponent(orderId)}`)).data as CallbackBody;
  const confirmed = truth.result?.payment?.status;
  if (confirmed !== "CAPTURED") throw new Error(`baseline handles CAPTURED only, check-status says ${String(confirmed)}`);
  // As lib/payments/outcome.ts: an attempt that was already paid when read needs no locked transaction.
  const outcome = attempt.status === "paid" ? "duplicate" : await markPaid(attempt, confirmed);
  await sql`update payment_events set outcome = ${outcome}, flagged = ${outcome === "duplicate_payment"}, detail = null where id = ${event!.id}`;
  log("payment.callback_processed", { attemptId: attempt.id, finpayOrderId: orderId, outcome });
  return [200, ACK];
}
