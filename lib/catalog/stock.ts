import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { orderItems, products } from "@/db/schema";
import { UserFacingError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import type { Tx } from "@/lib/payments/state-machine";

/**
 * Stock: an order is only made for what is in the warehouse (checked in the transaction that writes the order),
 * and what a paid order bought is taken out of stock once, when it is paid. Stock is not reserved for unpaid
 * orders, so the check is repeated by every checkout; two customers paying for the last unit at once both keep
 * their payment (money was taken) and stock stops at zero, logged as oversold for the shop to sort out.
 */

export interface StockShortfall {
  productId: number;
  name: string;
  /** Units left. */
  stock: number;
  wanted: number;
}

type Wanted = { productId: number; name: string; quantity: number };

/** The lines asking for more than is left; empty when everything is in stock. */
export async function findShortfalls(lines: readonly Wanted[], tx?: Tx): Promise<StockShortfall[]> {
  if (lines.length === 0) return [];
  const db = tx ?? (await getDb());
  const rows = await db.select({ id: products.id, stock: products.stock }).from(products).where(inArray(products.id, lines.map((line) => line.productId)));
  const left = new Map(rows.map((row) => [row.id, row.stock]));
  return lines
    .map((line) => ({ productId: line.productId, name: line.name, stock: left.get(line.productId) ?? 0, wanted: line.quantity }))
    .filter((line) => line.wanted > line.stock);
}

/**
 * Takes a paid order's items out of stock, in the transaction that marks it paid (lib/payments/status-change.ts), in
 * one statement: the products are locked (FOR UPDATE returns their latest stock, so two payments for the last unit
 * queue up here) and decremented, never below zero; a line that wanted more than was left is logged as oversold.
 */
export async function takeFromStock(tx: Tx, orderId: string): Promise<void> {
  const bought = tx.$with("bought").as(
    tx
      .select({ productId: orderItems.productId, sold: orderItems.quantity, stockBefore: sql<number>`${products.stock}`.as("stock_before") })
      .from(orderItems)
      .innerJoin(products, eq(products.id, orderItems.productId))
      .where(eq(orderItems.orderId, orderId))
      .for("update", { of: products }),
  );
  const lines = await tx
    .with(bought)
    .update(products)
    .set({ stock: sql`greatest(${products.stock} - ${bought.sold}, 0)` })
    .from(bought)
    .where(eq(products.id, bought.productId))
    .returning({ productId: bought.productId, sold: bought.sold, stockBefore: bought.stockBefore });
  for (const line of lines) {
    if (line.sold > line.stockBefore) logger.warn("stock.oversold", { orderId, productId: line.productId, stockBefore: line.stockBefore, sold: line.sold });
  }
}

/**
 * Why the cart refused a quantity: the product is sold out, or fewer are left than asked for (when adding, with or
 * without some already in the cart; when changing a line, which then keeps its last quantity). Each is a message in
 * the `catalog` namespace (stock.cart.*), translated where the action answers (lib/catalog/stock-message.ts).
 */
export type StockLimitReason = "soldOut" | "onlyLeft" | "onlyLeftWithCart" | "keptQuantity";

export class StockLimitError extends UserFacingError {
  constructor(
    readonly reason: StockLimitReason,
    readonly product: { name: string; nameEn: string | null },
    /** Units left. */
    readonly stock: number,
    /** Units of it in the cart, unchanged by the refused request. */
    readonly inCart: number,
  ) {
    super(reason === "soldOut" ? `${product.name} is sold out.` : `Only ${stock} of ${product.name} left.`, "conflict", "quantity");
    this.name = "StockLimitError";
  }
}

/** Refuses a cart quantity above the stock: adding `adding` to `inCart`, or setting a line to `wanted`. */
export function checkCartStock(product: { name: string; nameEn: string | null; stock: number }, inCart: number, change: { adding: number } | { wanted: number }): void {
  const wanted = "adding" in change ? inCart + change.adding : change.wanted;
  // A line may always go down, even while it is still above what is left (stock fell after it was added).
  if (wanted <= product.stock || ("wanted" in change && wanted <= inCart)) return;
  const reason: StockLimitReason = product.stock === 0 ? "soldOut" : "wanted" in change ? "keptQuantity" : inCart > 0 ? "onlyLeftWithCart" : "onlyLeft";
  throw new StockLimitError(reason, product, product.stock, inCart);
}

/**
 * Puts an order's items back into stock: what a paid order took (takeFromStock) returns when the order is given up
 * before it was shipped (a full refund or void, lib/delivery/fulfilment-rule.ts), in the transaction of that change.
 * The caller makes it happen once per order (its fulfilment is cancelled once); products are locked by the update.
 */
export async function giveBackToStock(tx: Tx, orderId: string): Promise<void> {
  const lines = await tx
    .update(products)
    .set({ stock: sql`${products.stock} + ${orderItems.quantity}` })
    .from(orderItems)
    .where(and(eq(orderItems.orderId, orderId), eq(products.id, orderItems.productId)))
    .returning({ productId: products.id, stock: products.stock });
  logger.info("stock.given_back", { orderId, lines: lines.length });
}
