import "server-only";
import { and, asc, desc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import { fullName } from "@/lib/account/names";
import { getDb } from "@/lib/db";
import { orders, paymentAttempts, refunds, users, type Courier, type FulfilmentStatus, type Order, type OrderStatus, type PaymentMethod } from "@/db/schema";
import { decodeCursor, encodeCursor, sortsByTotal, type Cursor } from "./cursor";
import { addDays, jakartaDayStart, searchKind, WORK_QUEUE_DAYS, type FulfilmentFilter, type OrderFilters } from "./filters";

/**
 * The console's order list: filtered, sorted and paged by keyset (the last row's sort value and id), so page 2,000
 * costs what page 1 costs. Every filter is an index lookup (orders_created_id_idx, orders_total_id_idx,
 * orders_status_created_id_idx, users_email_lower_unique, the unique Finpay order id, the order id itself) except
 * a part of an email, which scans the users table only. BENCHMARKS.md has the timings at 100,000 orders.
 */

export interface ConsoleOrderRow {
  id: string;
  createdAt: Date;
  status: OrderStatus;
  totalIdr: number;
  email: string;
  customerName: string;
  /** The latest attempt's method and Finpay order id (null before any attempt). */
  method: PaymentMethod | null;
  finpayOrderId: string | null;
  refundedIdr: number;
  paidAt: Date | null;
  fulfilmentStatus: FulfilmentStatus;
  courier: Courier | null;
  trackingNumber: string | null;
  shippedAt: Date | null;
  deliveredAt: Date | null;
  /** Where it goes and how (the CSV's recipient, address and service columns). */
  delivery: Order["delivery"];
}

export interface OrderPage {
  rows: ConsoleOrderRow[];
  /** Opaque cursor of the next page, or null on the last one. */
  nextCursor: string | null;
}

export const PAGE_SIZE = 50;

function searchCondition(q: string): SQL {
  switch (searchKind(q)) {
    case "order_number": {
      // The order number is the first 8 hex digits of the id: a range scan of the primary key.
      const prefix = q.toLowerCase();
      return sql`${orders.id} between ${`${prefix}-0000-0000-0000-000000000000`}::uuid and ${`${prefix}-ffff-ffff-ffff-ffffffffffff`}::uuid`;
    }
    case "email":
      return sql`${orders.userId} in (select ${users.id} from ${users} where lower(${users.email}) = lower(${q}))`;
    case "finpay_order_id":
      return sql`${orders.id} in (select ${paymentAttempts.orderId} from ${paymentAttempts} where ${paymentAttempts.finpayOrderId} = ${q})`;
    case "email_part": {
      const pattern = `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      return sql`${orders.userId} in (select ${users.id} from ${users} where lower(${users.email}) like ${pattern})`;
    }
  }
}

/**
 * Paid, money not all back, not shipped. The first two conditions are the predicate of the partial index
 * orders_to_ship_created_id_idx (db/schema.ts), written out as literals exactly as it says them, so that the planner
 * can use that index; the status leaves out what was refunded before fulfilment existed.
 */
const TO_SHIP = sql`${orders.paidAt} is not null and ${orders.fulfilmentStatus} in ('unfulfilled', 'packed') and ${orders.status} in ('paid', 'partly_refunded')`;

function fulfilmentCondition(filter: FulfilmentFilter): SQL {
  if (filter === "to_ship") return TO_SHIP;
  if (filter === "late") return sql`${TO_SHIP} and ${orders.paidAt} < now() - make_interval(days => ${WORK_QUEUE_DAYS})`;
  return eq(orders.fulfilmentStatus, filter);
}

function filterConditions(filters: OrderFilters): SQL[] {
  const conditions: SQL[] = [];
  if (filters.q) conditions.push(searchCondition(filters.q));
  if (filters.status) conditions.push(eq(orders.status, filters.status));
  if (filters.fulfilment) conditions.push(fulfilmentCondition(filters.fulfilment));
  if (filters.method) {
    conditions.push(sql`exists (select 1 from ${paymentAttempts} where ${paymentAttempts.orderId} = ${orders.id} and ${paymentAttempts.method} = ${filters.method})`);
  }
  if (filters.from) conditions.push(gte(orders.createdAt, jakartaDayStart(filters.from)));
  if (filters.to) conditions.push(lt(orders.createdAt, jakartaDayStart(addDays(filters.to, 1))));
  return conditions;
}

/** The sort column's value as the cursor keeps it: created_at with its microseconds (a JS Date would lose them). */
const createdKey = sql<string>`to_char(${orders.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

function keyset(filters: OrderFilters, cursor: Cursor | undefined) {
  const byTotal = sortsByTotal(filters.sort);
  const descending = filters.sort === "newest" || filters.sort === "total_desc";
  const column = byTotal ? orders.totalIdr : orders.createdAt;
  const order = descending ? [desc(column), desc(orders.id)] : [asc(column), asc(orders.id)];
  let after: SQL | undefined;
  if (cursor) {
    const value = byTotal ? sql`${Number(cursor.key)}::int` : sql`${cursor.key}::timestamptz`;
    // A row comparison, so the planner walks the (column, id) index from the cursor on.
    after = descending ? sql`(${column}, ${orders.id}) < (${value}, ${cursor.id}::uuid)` : sql`(${column}, ${orders.id}) > (${value}, ${cursor.id}::uuid)`;
  }
  return { order, after, key: byTotal ? sql<string>`${orders.totalIdr}::text` : createdKey };
}

export async function listConsoleOrders(filters: OrderFilters, cursorText?: string, limit = PAGE_SIZE): Promise<OrderPage> {
  const db = await getDb();
  const { order, after, key } = keyset(filters, decodeCursor(cursorText, filters.sort));
  const conditions = [...filterConditions(filters), ...(after ? [after] : [])];
  const latest = (column: typeof paymentAttempts.method | typeof paymentAttempts.finpayOrderId) =>
    sql`(select ${column} from ${paymentAttempts} where ${paymentAttempts.orderId} = ${orders.id} order by ${paymentAttempts.createdAt} desc limit 1)`;
  const rows = await db
    .select({
      id: orders.id,
      createdAt: orders.createdAt,
      status: orders.status,
      totalIdr: orders.totalIdr,
      email: users.email,
      firstName: users.firstName,
      lastName: users.lastName,
      method: latest(paymentAttempts.method).mapWith(String),
      finpayOrderId: latest(paymentAttempts.finpayOrderId).mapWith(String),
      refundedIdr: sql<number>`(select coalesce(sum(${refunds.amountIdr}), 0)::int from ${refunds}
        where ${refunds.orderId} = ${orders.id} and ${refunds.status} = 'succeeded')`.mapWith(Number),
      paidAt: orders.paidAt,
      fulfilmentStatus: orders.fulfilmentStatus,
      courier: orders.courier,
      trackingNumber: orders.trackingNumber,
      shippedAt: orders.shippedAt,
      deliveredAt: orders.deliveredAt,
      delivery: orders.delivery,
      key,
    })
    .from(orders)
    .innerJoin(users, eq(users.id, orders.userId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(...order)
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    rows: page.map(({ firstName, lastName, key: _key, method, finpayOrderId, ...row }) => ({
      ...row,
      customerName: fullName({ firstName, lastName }),
      method: (method as PaymentMethod | null) ?? null,
      finpayOrderId: finpayOrderId ?? null,
    })),
    nextCursor: rows.length > limit && last ? encodeCursor({ key: last.key, id: last.id }) : null,
  };
}

/** Every row of the filtered list, page by page (the CSV export streams these without holding them all). */
export async function* allConsoleOrders(filters: OrderFilters, batch = 1_000): AsyncGenerator<ConsoleOrderRow[]> {
  let cursor: string | undefined;
  do {
    const page = await listConsoleOrders(filters, cursor, batch);
    if (page.rows.length) yield page.rows;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
