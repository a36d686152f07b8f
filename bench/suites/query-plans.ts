import type { Sql } from "postgres";

/**
 * The plans PostgreSQL picks for the app's frequent queries, checked on the benchmark's database after the callback
 * run has filled it (tens of thousands of orders, attempts, events and exchanges). A sequential scan of a large table
 * on one of these paths would be a missing index; the report lists each query's plan.
 */

export interface QueryPlan {
  name: string;
  /** Scan nodes of the plan, e.g. "Index Scan using payment_attempts_finpay_order_id_unique on payment_attempts". */
  scans: string[];
  /** Sequential scans of tables holding more than SMALL_TABLE_ROWS rows. */
  problems: string[];
}

const SMALL_TABLE_ROWS = 1_000;

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  Plans?: PlanNode[];
}

function scansOf(node: PlanNode, into: { node: string; relation?: string }[] = []) {
  if (node["Relation Name"]) {
    into.push({ node: `${node["Node Type"]}${node["Index Name"] ? ` using ${node["Index Name"]}` : ""} on ${node["Relation Name"]}`, relation: node["Relation Name"] });
  }
  for (const child of node.Plans ?? []) scansOf(child, into);
  return into;
}

export async function checkQueryPlans(sql: Sql): Promise<QueryPlan[]> {
  const [sample] = await sql<{ finpayOrderId: string; attemptId: string; orderId: string; userId: string; idempotencyKey: string }[]>`
    select a.finpay_order_id as "finpayOrderId", a.id as "attemptId", a.order_id as "orderId", o.user_id as "userId", a.idempotency_key as "idempotencyKey"
    from payment_attempts a join orders o on o.id = a.order_id order by a.created_at desc limit 1`;
  if (!sample) return [];
  // The statements of lib/payments, lib/cart and lib/catalog on their hot paths, with real values.
  const queries: [string, string, unknown[]][] = [
    ["callback: attempt by Finpay order id", "select * from payment_attempts where finpay_order_id = $1 limit 1", [sample.finpayOrderId]],
    ["callback: lock the attempt", "select status, order_id from payment_attempts where id = $1 for update", [sample.attemptId]],
    ["callback: pay the order once", "update orders set status = 'paid' where id = $1 and status <> 'paid'", [sample.orderId]],
    ["callback: empty the customer's cart", "delete from cart_items where cart_id in (select id from carts where user_id = $1)", [sample.userId]],
    ["callback: finish the event", "update payment_events set outcome = 'x' where id = (select max(id) from payment_events)", []],
    ["checkout: attempt by idempotency key", "select * from payment_attempts a join orders o on o.id = a.order_id where a.idempotency_key = $1 limit 1", [sample.idempotencyKey]],
    ["order page: attempts of an order", "select * from payment_attempts where order_id = $1 order by created_at desc", [sample.orderId]],
    ["order page: events of the attempts", "select * from payment_events where attempt_id = any($1::uuid[]) order by received_at", [[sample.attemptId]]],
    ["order page: exchanges of the attempts", "select * from gateway_exchanges where attempt_id = any($1::uuid[]) order by started_at", [[sample.attemptId]]],
    ["order history: a customer's orders", "select * from orders where user_id = $1 order by created_at desc", [sample.userId]],
    [
      "reconcile: claim due live attempts",
      `update payment_attempts set last_checked_at = now() where id in (
         select id from payment_attempts a
         where a.status in ('initiating', 'pending')
           and (a.last_checked_at is null or a.last_checked_at < now() - interval '30 seconds')
           and (a.expires_at < now() or (a.created_at < now() - make_interval(secs => 180)
             and not exists (select 1 from payment_events e where e.attempt_id = a.id and e.source = 'callback' and e.signature_valid)))
         limit 100 for update skip locked)`,
      [],
    ],
  ];
  const sizes = new Map(
    (await sql<{ relname: string; rows: number }[]>`select relname, n_live_tup::int as rows from pg_stat_user_tables`).map((r) => [r.relname, r.rows]),
  );
  const plans: QueryPlan[] = [];
  // EXPLAIN without ANALYZE plans the statements and runs none of them, writes included.
  for (const [name, text, parameters] of queries) {
    const [row] = await sql.unsafe<{ "QUERY PLAN": PlanNode[] | { Plan: PlanNode }[] }[]>(`explain (format json) ${text}`, parameters as never[]);
    const root = (row!["QUERY PLAN"] as { Plan: PlanNode }[])[0]!.Plan;
    const scans = scansOf(root);
    plans.push({
      name,
      scans: scans.map((s) => s.node),
      problems: scans.filter((s) => s.node.startsWith("Seq Scan") && (sizes.get(s.relation ?? "") ?? 0) > SMALL_TABLE_ROWS).map((s) => s.node),
    });
  }
  return plans;
}
