import type { Sql } from "postgres";

/**
 * A benchmark database for the merchant console: `orders` orders over the last 90 days from `customers` customers,
 * each with one item and one payment attempt (a tenth with a second, earlier failed attempt), a signed callback
 * per settled attempt, and some refunds. Generated inside PostgreSQL with generate_series (seconds, not minutes);
 * statuses and methods follow a realistic mix: 70 % paid, 12 % failed, 8 % expired, 5 % awaiting payment,
 * 3 % partly refunded, 2 % refunded; 30 % two-click.
 */
export async function seedConsoleBench(sql: Sql, options: { orders: number; customers: number }): Promise<void> {
  const { orders, customers } = options;
  await sql.begin(async (tx) => {
    await tx`
      insert into users (email, password_hash, first_name, last_name, mobile_phone, finpay_customer_id)
      select 'bench.customer' || i || '@example.com', 'scrypt$bench$unusable', 'Pelanggan', 'Nomor ' || i,
             '+62812' || lpad(i::text, 7, '0'), 'cust_bench_' || i
      from generate_series(1, ${customers}) as i
      on conflict do nothing`;
    await tx`create temporary table bench_users on commit drop as
      select row_number() over (order by email) as n, id from users where email like 'bench.customer%'`;
    await tx`
      insert into orders (id, user_id, status, total_idr, paid_at, created_at, updated_at, closed_at)
      select gen_random_uuid(), u.id, s.status::order_status, s.total,
             case when s.status in ('paid', 'partly_refunded', 'refunded') then s.created + interval '90 seconds' end,
             s.created, s.created,
             -- Older unpaid orders are closed, as a new checkout would have closed them (one open order per customer).
             case when s.status in ('pending_payment', 'failed', 'expired') then s.created + interval '1 hour' end
      from (
        select i,
               now() - (random() * interval '90 days') as created,
               (25000 + floor(random() * 40) * 12500)::int as total,
               case when r < 0.70 then 'paid' when r < 0.82 then 'failed' when r < 0.90 then 'expired'
                    when r < 0.95 then 'pending_payment' when r < 0.98 then 'partly_refunded' else 'refunded' end as status
        from (select i, random() as r from generate_series(1, ${orders}) as i) g
      ) s
      join bench_users u on u.n = 1 + (s.i % ${customers})`;
    await tx`
      insert into order_items (order_id, product_id, name, unit_price_idr, quantity)
      select o.id, p.id, p.name, o.total_idr, 1 from orders o cross join lateral (select id, name from products order by id limit 1) p
      where o.user_id in (select id from bench_users)`;
    // One attempt per order in the order's own state; every tenth also has an earlier declined attempt.
    await tx`
      insert into payment_attempts (order_id, finpay_order_id, method, status, amount_idr, idempotency_key, created_at, updated_at, settled_at, finpay_status)
      select o.id, 'TNB' || upper(substr(md5(o.id::text), 1, 16)),
             case when random() < 0.3 then 'two_click' when random() < 0.5 then 'basic_save_card' else 'basic' end::payment_method,
             case o.status when 'pending_payment' then 'pending' else o.status::text end::payment_status,
             o.total_idr, md5(o.id::text || 'k'), o.created_at + interval '5 seconds', o.created_at,
             case when o.status <> 'pending_payment' then o.created_at + interval '90 seconds' end,
             case o.status when 'paid' then 'CAPTURED' when 'failed' then 'FAILURE' when 'expired' then 'EXPIRED'
                           when 'partly_refunded' then 'PARTIALLY_REFUNDED' when 'refunded' then 'REFUNDED' else null end
      from orders o where o.user_id in (select id from bench_users)`;
    await tx`
      insert into payment_attempts (order_id, finpay_order_id, method, status, amount_idr, idempotency_key, created_at, updated_at, settled_at, finpay_status)
      select o.id, 'TNA' || upper(substr(md5(o.id::text || 'a'), 1, 16)), 'basic', 'failed', o.total_idr, md5(o.id::text || 'f'),
             o.created_at, o.created_at, o.created_at + interval '60 seconds', 'FAILURE'
      from orders o where o.user_id in (select id from bench_users) and random() < 0.1`;
    await tx`update orders o set paid_attempt_id = a.id from payment_attempts a
      where a.order_id = o.id and o.paid_at is not null and a.finpay_order_id like 'TNB%' and o.user_id in (select id from bench_users)`;
    await tx`
      insert into payment_events (attempt_id, finpay_order_id, source, raw_body, signature_valid, finpay_status, outcome, received_at)
      select a.id, a.finpay_order_id, 'callback',
             '{"order":{"id":"' || a.finpay_order_id || '","amount":' || a.amount_idr || '},"result":{"payment":{"status":"CAPTURED","datetime":"'
               || to_char((a.settled_at at time zone 'UTC') + interval '7 hours' - interval '2 seconds', 'YYYY-MM-DD HH24:MI:SS') || '"}},"signature":"bench"}',
             true, 'CAPTURED', 'pending_to_paid', a.settled_at
      from payment_attempts a join orders o on o.id = a.order_id
      where a.status in ('paid', 'partly_refunded', 'refunded') and o.user_id in (select id from bench_users)`;
    await tx`
      insert into refunds (attempt_id, order_id, kind, amount_idr, status, requested_by, created_at, completed_at)
      select a.id, a.order_id, 'refund', case when a.status = 'refunded' then a.amount_idr else a.amount_idr / 2 end, 'succeeded',
             (select id from users where role = 'merchant' limit 1), a.settled_at + interval '1 day', a.settled_at + interval '1 day'
      from payment_attempts a join orders o on o.id = a.order_id
      where a.status in ('partly_refunded', 'refunded') and o.user_id in (select id from bench_users)
        and exists (select 1 from users where role = 'merchant')`;
    // Fulfilment as a shop that ships within a day or two has it: most paid orders older than a week delivered, a
    // few returned or still waiting (the "paid, not shipped, older than 2 days" queue), the last days' orders packed
    // or not yet; an order refunded in full before shipping is cancelled. One J&T resi per shipped order.
    await tx`
      with f as (
        select o.id, o.paid_at, o.status, row_number() over (order by o.id) as n, random() as r,
               extract(epoch from now() - o.created_at) / 86400 as days
        from orders o where o.paid_at is not null and o.user_id in (select id from bench_users)
      ), s as (
        select id, paid_at, n, case
          when status = 'refunded' then 'cancelled'
          when days > 7 then case when r < 0.9 then 'delivered' when r < 0.95 then 'shipped' when r < 0.97 then 'returned' else 'unfulfilled' end
          when days > 2 then case when r < 0.5 then 'shipped' when r < 0.8 then 'delivered' when r < 0.9 then 'packed' else 'unfulfilled' end
          else case when r < 0.3 then 'shipped' when r < 0.6 then 'packed' else 'unfulfilled' end
        end as state from f
      )
      update orders o set
        fulfilment_status = s.state::fulfilment_status,
        packed_at = case when s.state not in ('unfulfilled', 'cancelled') then s.paid_at + interval '3 hours' end,
        shipped_at = case when s.state in ('shipped', 'delivered', 'returned') then s.paid_at + interval '1 day' end,
        delivered_at = case when s.state = 'delivered' then s.paid_at + interval '3 days' end,
        returned_at = case when s.state = 'returned' then s.paid_at + interval '6 days' end,
        fulfilment_cancelled_at = case when s.state = 'cancelled' then s.paid_at + interval '1 day' end,
        courier = case when s.state in ('shipped', 'delivered', 'returned') then 'jnt'::courier end,
        tracking_number = case when s.state in ('shipped', 'delivered', 'returned') then 'JB' || lpad(s.n::text, 10, '0') end
      from s where s.id = o.id`;
  });
  await sql`analyze`;
}
