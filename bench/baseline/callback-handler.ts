/**
 * The callback work of the bare baseline, written plainly with postgres.js: the same work per callback as
 * app/api/finpay/callback + lib/payments, statement for statement, without Drizzle, zod or the app's layers.
 * Verify the signature (the same lib/finpay verifier), find the attempt, insert the event, confirm with
 * check-status at the sandbox and store that exchange, then the locked conditional update (attempt, order, cart)
 * in one transaction, after a first payment the stored-card sync (one more sandbox call and exchange), and the
 * event's outcome. It handles what the benchmark sends (signed CAPTURED callbacks for basic-card attempts, first
 * deliveries and duplicates) and throws on anything else (answered 503), so a wrong mix cannot pass unnoticed.
 *
 * Served by a plain node:http server (callback-server.ts: the baseline) and, in benchmark builds only, by a Next.js
 * route handler (app/(benchmark-only)/api/bench-callback: the same code inside the framework, to show what the framework costs).
 * Env: DATABASE_URL, FINPAY_BASE_URL, FINPAY_MERCHANT_ID, FINPAY_MERCHANT_KEY, DATABASE_POOL_SIZE.
 */
import postgres from "postgres";
import { verifyCallbackSignature } from "../../lib/finpay/signature";
import { transitionOutcome, type PaymentEventOutcome } from "../../db/event-outcomes";

const finpayBaseUrl = (process.env.FINPAY_BASE_URL ?? "http://localhost:4010").replace(/\/$/, "");
const merchantKey = process.env.FINPAY_MERCHANT_KEY ?? "SoSecret123";
const authorization = `Basic ${Buffer.from(`${process.env.FINPAY_MERCHANT_ID ?? "FINPAY770"}:${merchantKey}`).toString("base64")}`;
// postgres.js connects on the first query, so importing this module (e.g. while Next.js builds its route) opens nothing.
const sql = postgres(process.env.DATABASE_URL ?? "postgres://localhost/unset", { max: Number(process.env.DATABASE_POOL_SIZE ?? 10), onnotice: () => {} });

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
    const paid = await tx<{ user_id: string }[]>`
      update orders set status = 'paid', paid_attempt_id = ${attempt.id}, paid_at = ${now}, updated_at = ${now}
      where id = ${row.order_id} and status <> 'paid' returning user_id`;
    if (paid.length === 0) {
      await tx`update payment_attempts set duplicate_payment = true where id = ${attempt.id}`;
      return "duplicate_payment";
    }
    await tx`delete from cart_items where cart_id in (select id from carts where user_id = ${paid[0]!.user_id})`;
    return transitionOutcome(row.status, "paid");
  });
}

async function syncSavedCards(attempt: Attempt): Promise<void> {
  const [owner] = await sql<{ user_id: string; customer_id: string }[]>`
    select u.id as user_id, u.finpay_customer_id as customer_id from orders o join users u on u.id = o.user_id where o.id = ${attempt.order_id}`;
  if (!owner) return;
  const answer = await finpayGet(attempt.id, "retrieve_stored_cards", `/pg/payment/card/customer/${encodeURIComponent(owner.customer_id)}`);
  const cards = ((answer.data as { cards?: { token: string; mask: string; expiryDate?: string; info?: { brand?: string; type?: string } }[] })?.cards ?? []);
  for (const card of cards) {
    await sql`
      insert into saved_cards (user_id, token, mask, brand, card_type, expiry)
      values (${owner.user_id}, ${card.token}, ${card.mask}, ${card.info?.brand ?? "CARD"}, ${card.info?.type ?? null}, ${card.expiryDate ?? null})
      on conflict (user_id, token) do update set mask = excluded.mask, brand = excluded.brand, card_type = excluded.card_type,
        expiry = excluded.expiry, removed_at = null`;
  }
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
  if (outcome === "pending_to_paid" && attempt.method !== "two_click") await syncSavedCards(attempt);
  await sql`update payment_events set outcome = ${outcome}, flagged = ${outcome === "duplicate_payment"}, detail = null where id = ${event!.id}`;
  log("payment.callback_processed", { attemptId: attempt.id, finpayOrderId: orderId, outcome });
  return [200, ACK];
}
