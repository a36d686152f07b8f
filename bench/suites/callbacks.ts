import type { Sql } from "postgres";
import type { PaymentEventOutcome } from "../../db/event-outcomes";
import type { LoadTarget, RunFigures } from "../lib/load";
import { createPaidPayments, type FixtureContext, type PaidPayment } from "./callback-fixtures";

/**
 * (a) Callback throughput. The mix, the same for the app and the baseline: every other request is the first
 * delivery of a payment's CAPTURED callback (pending -> paid: event, check-status, one transaction for the locked
 * conditional update, cart, stock, outbox and jobs), the others are duplicates of callbacks already delivered (Finpay's retries: event,
 * check-status, no change). Each target has its own payments, so all do the same work.
 */

export interface MixCounts {
  first: number;
  duplicate: number;
  /** Requests meant as first deliveries that found no fresh payment left (sent as duplicates instead). */
  shortfall: number;
}

export class CallbackMix {
  private fresh: PaidPayment[] = [];
  readonly delivered: PaidPayment[] = [];
  private counter = 0;
  counts: MixCounts = { first: 0, duplicate: 0, shortfall: 0 };
  readonly runs: MixCounts[] = [];

  add(payments: PaidPayment[]): void {
    this.fresh.push(...payments);
  }

  get freshLeft(): number {
    return this.fresh.length;
  }

  startRun(): void {
    this.counts = { first: 0, duplicate: 0, shortfall: 0 };
    this.runs.push(this.counts);
  }

  next(): string {
    const wantsFirst = this.counter++ % 2 === 0 || this.delivered.length === 0;
    if (wantsFirst) {
      const payment = this.fresh.pop();
      if (payment) {
        this.delivered.push(payment);
        this.counts.first += 1;
        return payment.callbackBody;
      }
      this.counts.shortfall += 1;
    }
    if (this.delivered.length === 0) throw new Error("no callback left to send");
    this.counts.duplicate += 1;
    return this.delivered[Math.floor(Math.random() * this.delivered.length)]!.callbackBody;
  }
}

export function callbackTarget(options: {
  name: string;
  url: string;
  mix: CallbackMix;
  fixtures: FixtureContext;
  plan: { runSeconds: number; runs: number };
  log: (line: string) => void;
}): LoadTarget & { afterWarmup(warm: RunFigures): Promise<void> } {
  const { mix } = options;
  return {
    name: options.name,
    options() {
      mix.startRun();
      return {
        url: options.url,
        method: "POST",
        headers: { "content-type": "application/json" },
        requests: [
          {
            setupRequest(request) {
              request.body = mix.next();
              return request;
            },
          },
        ],
      };
    },
    async afterWarmup(warm) {
      // Enough fresh payments for the measured runs at 1.5 times the warmed-up rate; a shortfall is reported.
      const needed = Math.ceil((warm.rps * 1.5 * options.plan.runSeconds * options.plan.runs) / 2) + 200;
      const missing = needed - mix.freshLeft;
      const started = performance.now();
      if (missing > 0) mix.add(await createPaidPayments(options.fixtures, missing));
      options.log(`  ${options.name}: ${mix.freshLeft} fresh payments ready (${Math.max(0, missing)} created in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
    },
  };
}

/**
 * Proof that the callbacks did real work: every payment delivered at least once is paid in the database, and
 * every callback sent is stored as an event with a final outcome.
 */
/** A delivered payment's first callback makes the transition; its repeats are duplicates. */
const COUNTED_OUTCOMES: PaymentEventOutcome[] = ["pending_to_paid", "duplicate"];

export async function verifyCallbackEffects(sql: Sql, mix: CallbackMix): Promise<{ paid: number; delivered: number; events: number; sent: number }> {
  const ids = mix.delivered.map((p) => p.finpayOrderId);
  let paid = 0;
  let events = 0;
  for (let start = 0; start < ids.length; start += 5_000) {
    const batch = ids.slice(start, start + 5_000);
    const [row] = await sql<{ paid: number; events: number }[]>`
      select
        (select count(*)::int from payment_attempts a join orders o on o.id = a.order_id
          where a.finpay_order_id in ${sql(batch)} and a.status = 'paid' and o.status = 'paid') as paid,
        (select count(*)::int from payment_events where finpay_order_id in ${sql(batch)} and outcome in ${sql(COUNTED_OUTCOMES)}) as events`;
    paid += row!.paid;
    events += row!.events;
  }
  const sent = mix.runs.reduce((sum, r) => sum + r.first + r.duplicate, 0);
  return { paid, delivered: ids.length, events, sent };
}
