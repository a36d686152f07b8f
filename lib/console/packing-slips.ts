import "server-only";
import { asc, inArray } from "drizzle-orm";
import { orderItems, orders, type Order } from "@/db/schema";
import { getDb } from "@/lib/db";
import { code128Svg } from "@/lib/delivery/barcode";
import type { Locale } from "@/lib/i18n/locales";
import { orderNumber } from "@/lib/payments/ids";
import { orderItemName } from "@/lib/payments/queries";
import { isUuid } from "@/lib/uuid";

/** What a packing slip prints: the order number (in words and as a Code 128 barcode), where it goes, what goes in. */
export interface PackingSlip {
  id: string;
  number: string;
  createdAt: Date;
  delivery: Order["delivery"];
  items: { name: string; quantity: number }[];
  barcodeSvg: string;
}

/** At most one list page of slips at once (the bulk action's limit too). */
export const SLIPS_MAX = 50;

/** The slips of these orders, in the order asked; `missing` counts the ids that are no order. */
export async function getPackingSlips(ids: readonly string[], locale: Locale): Promise<{ slips: PackingSlip[]; missing: number }> {
  if (ids.length === 0) return { slips: [], missing: 0 };
  const db = await getDb();
  const [orderRows, itemRows] = await Promise.all([
    db.select({ id: orders.id, createdAt: orders.createdAt, delivery: orders.delivery }).from(orders).where(inArray(orders.id, [...ids])),
    db
      .select({ orderId: orderItems.orderId, name: orderItemName(locale), quantity: orderItems.quantity })
      .from(orderItems)
      .where(inArray(orderItems.orderId, [...ids]))
      .orderBy(asc(orderItems.name)),
  ]);
  const byId = new Map(orderRows.map((row) => [row.id, row]));
  const slips = ids.flatMap((id) => {
    const order = byId.get(id);
    if (!order) return [];
    const number = orderNumber(id);
    const items = itemRows.filter((item) => item.orderId === id).map(({ name, quantity }) => ({ name, quantity }));
    return [{ ...order, number, items, barcodeSvg: code128Svg(number) }];
  });
  return { slips, missing: ids.length - slips.length };
}

/** The `id` parameters of the slips page: order ids, each once, at most SLIPS_MAX; null when any is not an id. */
export function parseSlipIds(param: string | string[] | undefined): string[] | null {
  const values = param === undefined ? [] : Array.isArray(param) ? param : [param];
  if (values.length > SLIPS_MAX || values.some((value) => !isUuid(value))) return null;
  return [...new Set(values.map((value) => value.toLowerCase()))];
}
