import { randomUUID } from "node:crypto";
import type { Sql } from "postgres";
import { buildBasicCardPayment, createFinpayClient } from "../../lib/finpay";
import { newFinpayOrderId } from "../../lib/payments/ids";
import { mapConcurrent } from "../lib/pool";

/**
 * Real payments for the callback benchmark. Each one is an order with a pending basic-card attempt in the app's
 * database, initiated at the sandbox (so that check-status knows it) and paid there with the default approved card.
 * The sandbox's callbacks are switched to "drop" while it runs, so the benchmark, not the sandbox, delivers them:
 * the body kept for each payment is the exact signed JSON the sandbox would have POSTed.
 */

export interface PaidPayment {
  finpayOrderId: string;
  /** The sandbox's signed CAPTURED callback, byte for byte. */
  callbackBody: string;
}

export interface FixtureContext {
  sql: Sql;
  sandboxUrl: string;
  appUrl: string;
  merchantId: string;
  merchantKey: string;
}

const AMOUNT_IDR = 95_000;
/**
 * Bench customers own the orders, one customer per payment: a customer has at most one order that can still be
 * paid (the never-charge-twice rule, index orders_one_open_per_user). Never signed in: the hash is a placeholder.
 */
async function createCustomers(sql: Sql, count: number): Promise<{ id: string; finpayCustomerId: string; email: string }[]> {
  const batch = randomUUID().slice(0, 8);
  const rows = Array.from({ length: count }, (_, i) => ({
    email: `bench.callback.${batch}.${i}@example.com`,
    password_hash: "bench-fixture-no-sign-in",
    first_name: "Bench",
    last_name: `Customer ${i}`,
    mobile_phone: "+6281234567890",
    finpay_customer_id: `bench_callback_${batch}_${i}`,
  }));
  const created: { id: string; finpayCustomerId: string; email: string }[] = [];
  for (let start = 0; start < rows.length; start += 2_000) {
    created.push(
      ...(await sql<{ id: string; finpayCustomerId: string; email: string }[]>`
        insert into users ${sql(rows.slice(start, start + 2_000))} returning id, finpay_customer_id as "finpayCustomerId", email`),
    );
  }
  return created;
}

export async function dropSandboxCallbacks(sandboxUrl: string, on: boolean): Promise<void> {
  const response = on
    ? await fetch(`${sandboxUrl}/__sandbox/faults`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ callbacks: { mode: "drop" } }) })
    : await fetch(`${sandboxUrl}/__sandbox/faults`, { method: "DELETE" });
  if (!response.ok) throw new Error(`sandbox faults: HTTP ${response.status}`);
}

export async function createPaidPayments(ctx: FixtureContext, count: number): Promise<PaidPayment[]> {
  if (count <= 0) return [];
  const customers = await createCustomers(ctx.sql, count);
  const planned = customers.map((customer) => ({ customer, finpayOrderId: newFinpayOrderId() }));

  // One statement per table for the whole batch: fixtures should not take longer than the measurement.
  for (let start = 0; start < planned.length; start += 2_000) {
    const batch = planned.slice(start, start + 2_000);
    const orders = await ctx.sql<{ id: string }[]>`
      insert into orders ${ctx.sql(batch.map((p) => ({ user_id: p.customer.id, total_idr: AMOUNT_IDR })))} returning id`;
    const attempts = batch.map((p, i) => ({
      order_id: orders[i]!.id,
      finpay_order_id: p.finpayOrderId,
      method: "basic",
      status: "pending",
      amount_idr: AMOUNT_IDR,
      idempotency_key: randomUUID(),
    }));
    await ctx.sql`insert into payment_attempts ${ctx.sql(attempts)}`;
  }

  const finpay = createFinpayClient({ baseUrl: ctx.sandboxUrl, merchantId: ctx.merchantId, merchantKey: ctx.merchantKey });
  return mapConcurrent(planned, 8, async (p) => {
    await finpay.initiate(
      buildBasicCardPayment({
        customer: { id: p.customer.finpayCustomerId, email: p.customer.email, firstName: "Bench", lastName: "Customer", mobilePhone: "+6281234567890" },
        orderId: p.finpayOrderId,
        amount: AMOUNT_IDR,
        description: "Benchmark payment",
        items: [{ name: "Kopi Gayo Arabika 250 g", quantity: 1, unitPrice: AMOUNT_IDR }],
        urls: { callbackUrl: `${ctx.appUrl}/api/finpay/callback` },
      }),
    );
    const paid = await fetch(`${ctx.sandboxUrl}/__sandbox/orders/${p.finpayOrderId}/pay`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    const answer = (await paid.json()) as { order?: { status?: string }; callback?: { body?: string; state?: string } };
    if (!paid.ok || !answer.callback?.body || answer.callback.state !== "dropped") {
      throw new Error(`sandbox did not pay ${p.finpayOrderId} as expected: HTTP ${paid.status} ${JSON.stringify(answer).slice(0, 300)}`);
    }
    return { finpayOrderId: p.finpayOrderId, callbackBody: answer.callback.body };
  });
}
