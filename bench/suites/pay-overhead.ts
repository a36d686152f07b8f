import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Sql } from "postgres";
import { MESSAGES } from "../../messages";
import type { Shopper } from "../lib/shopper";
import { median, percentile } from "../lib/stats";

/**
 * (d) Pay action overhead. The real server action (startCheckoutAction, the "Pay with a new card" button) is called
 * over HTTP exactly as the browser's form does it, signed in, with a full cart. For each payment:
 *   server time  = the action's round trip on loopback, measured here (so it includes our HTTP parsing too: an
 *                  upper bound of the app's own time),
 *   sandbox time = the `processingTime` the sandbox reported in its initiate answer, as stored by the app in
 *                  gateway_exchanges (the sandbox's own work, from receiving the request to answering),
 *   overhead     = server time - sandbox time: everything the app does around Finpay's work, including the
 *                  loopback HTTP exchange with the sandbox and its logging in gateway_exchanges.
 * One payment at a time on an otherwise idle server, after a warm-up.
 */

export interface PayOverheadReport {
  payments: number;
  overheadP50: number;
  overheadP99: number;
  serverP50: number;
  serverP99: number;
  sandboxP50: number;
  /** The initiate call as the app's HTTP client timed it (whole ms, as stored). */
  gatewayCallP50: number;
  /** Each run's overhead p50, to show the spread between runs. */
  runP50s: number[];
  /**
   * The same action, signed in, with an expired form (an idempotency key that is not a UUID): it stops at the form
   * check, so this is what Next.js's action handling, the proxy, the session check and the customer read cost
   * before any payment work. p50 of the round trip, ms.
   */
  actionFloorP50: number;
}

function actionId(distDir: string, exportedName: string): string {
  const manifest = JSON.parse(readFileSync(path.join(distDir, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const entry = Object.entries(manifest.node).find(([, v]) => v.exportedName === exportedName);
  if (!entry) throw new Error(`server action ${exportedName} not found in the build's server-reference-manifest.json`);
  return entry[0];
}

/** One press of "Pay with a new card": the browser's request for the action, timed from send to last byte. */
async function callPayAction(appUrl: string, id: string, shopper: Shopper, idempotencyKey: string) {
  // React's encoding of useActionState's call (previous state, FormData): the form's fields carry the prefix "_1_".
  const form = new FormData();
  form.set("_1_idempotencyKey", idempotencyKey);
  form.set("_1_choice", "new");
  form.set("_1_addressId", shopper.addressId);
  form.set("_1_optionId", "jne-reg");
  form.set("0", JSON.stringify([{ status: "idle" }, "$K1"]));
  const started = performance.now();
  const response = await fetch(`${appUrl}/checkout`, {
    method: "POST",
    headers: { "next-action": id, accept: "text/x-component", origin: appUrl, cookie: shopper.cookie },
    body: form,
  });
  const body = await response.text();
  return { elapsed: performance.now() - started, status: response.status, redirect: response.headers.get("x-action-redirect") ?? "", body };
}

/**
 * A customer has one payable order at a time, and checking out the same cart again returns to it. So that every
 * measured press starts a new payment (the path measured since the first benchmark), the previous order is closed
 * first, outside the timing, as "Cancel and start over" would leave it.
 */
async function closeOpenOrder(sql: Sql, shopper: Shopper): Promise<void> {
  await sql`update payment_attempts set status = 'cancelled' where status in ('initiating', 'pending')
    and order_id in (select id from orders where user_id = ${shopper.id})`;
  await sql`update orders set closed_at = now() where user_id = ${shopper.id} and closed_at is null`;
}

async function pay(sql: Sql, appUrl: string, sandboxUrl: string, id: string, shopper: Shopper, idempotencyKey: string): Promise<number> {
  await closeOpenOrder(sql, shopper);
  const answer = await callPayAction(appUrl, id, shopper, idempotencyKey);
  if (answer.status !== 200 || !answer.redirect.startsWith(`${sandboxUrl}/pg/payment/card/access/`)) {
    throw new Error(`pay action did not redirect to the sandbox: HTTP ${answer.status}, x-action-redirect "${answer.redirect}", body ${answer.body.slice(0, 300)}`);
  }
  return answer.elapsed;
}

async function expiredForm(appUrl: string, id: string, shopper: Shopper): Promise<number> {
  const answer = await callPayAction(appUrl, id, shopper, "expired-form");
  // The refusal in the shopper's language (the bench's shopper has no language cookie: Bahasa Indonesia).
  const refusals = [MESSAGES.id.payments.form.expired, MESSAGES.en.payments.form.expired];
  if (answer.status !== 200 || !refusals.some((text) => answer.body.includes(text))) {
    throw new Error(`the pay action did not refuse an expired form: HTTP ${answer.status}, body ${answer.body.slice(0, 300)}`);
  }
  return answer.elapsed;
}

export async function benchPayOverhead(options: {
  sql: Sql;
  appUrl: string;
  sandboxUrl: string;
  distDir: string;
  shopper: Shopper;
  warmup: number;
  runs: number;
  perRun: number;
  log: (line: string) => void;
}): Promise<PayOverheadReport> {
  const id = actionId(options.distDir, "startCheckoutAction");
  for (let i = 0; i < options.warmup; i += 1) await pay(options.sql, options.appUrl, options.sandboxUrl, id, options.shopper, randomUUID());

  const measured: { key: string; serverMs: number; run: number }[] = [];
  for (let run = 0; run < options.runs; run += 1) {
    for (let i = 0; i < options.perRun; i += 1) {
      const key = randomUUID();
      measured.push({ key, serverMs: await pay(options.sql, options.appUrl, options.sandboxUrl, id, options.shopper, key), run });
    }
  }

  const floor: number[] = [];
  for (let i = 0; i < options.warmup + options.perRun; i += 1) {
    const elapsed = await expiredForm(options.appUrl, id, options.shopper);
    if (i >= options.warmup) floor.push(elapsed);
  }

  const keys = measured.map((m) => m.key);
  const rows = await options.sql<{ key: string; processingTime: string | null; durationMs: number }[]>`
    select a.idempotency_key as key, e.response_body->>'processingTime' as "processingTime", e.duration_ms as "durationMs"
    from payment_attempts a join gateway_exchanges e on e.attempt_id = a.id and e.operation = 'initiate'
    where a.idempotency_key in ${options.sql(keys)}`;
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const samples = measured.map((m) => {
    const exchange = byKey.get(m.key);
    if (!exchange?.processingTime) throw new Error(`no initiate exchange with processingTime stored for payment ${m.key}`);
    const sandboxMs = Number(exchange.processingTime) * 1000;
    return { ...m, sandboxMs, gatewayMs: exchange.durationMs, overheadMs: m.serverMs - sandboxMs };
  });
  const runP50s = Array.from({ length: options.runs }, (_, run) => percentile(samples.filter((s) => s.run === run).map((s) => s.overheadMs), 50));
  for (const [run, p50] of runP50s.entries()) options.log(`  run ${run + 1}/${options.runs}: overhead p50 ${p50.toFixed(1)} ms`);
  const overhead = samples.map((s) => s.overheadMs);
  const server = samples.map((s) => s.serverMs);
  return {
    payments: samples.length,
    overheadP50: percentile(overhead, 50),
    overheadP99: percentile(overhead, 99),
    serverP50: percentile(server, 50),
    serverP99: percentile(server, 99),
    sandboxP50: median(samples.map((s) => s.sandboxMs)),
    gatewayCallP50: median(samples.map((s) => s.gatewayMs)),
    runP50s,
    actionFloorP50: percentile(floor, 50),
  };
}
