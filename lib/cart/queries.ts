import { asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { cartItems, products } from "@/db/schema";

export interface CartLine {
  productId: number;
  slug: string;
  name: string;
  imagePath: string;
  unitPriceIdr: number;
  quantity: number;
  lineTotalIdr: number;
  /** A product withdrawn after it was added stays visible but is not counted or sold. */
  available: boolean;
}

export interface CartView {
  cartId: string | null;
  lines: CartLine[];
  itemCount: number;
  totalIdr: number;
}

export const EMPTY_CART: CartView = { cartId: null, lines: [], itemCount: 0, totalIdr: 0 };

/** Totals always come from current database prices, never from anything the browser sent. */
export async function getCartView(cartId: string | null): Promise<CartView> {
  if (!cartId) return EMPTY_CART;
  const db = await getDb();
  const rows = await db
    .select({
      productId: products.id,
      slug: products.slug,
      name: products.name,
      imagePath: products.imagePath,
      unitPriceIdr: products.priceIdr,
      quantity: cartItems.quantity,
      available: products.active,
    })
    .from(cartItems)
    .innerJoin(products, eq(products.id, cartItems.productId))
    .where(eq(cartItems.cartId, cartId))
    .orderBy(asc(cartItems.createdAt), asc(products.id));

  const lines = rows.map((row) => ({ ...row, lineTotalIdr: row.unitPriceIdr * row.quantity }));
  const counted = lines.filter((line) => line.available);
  return {
    cartId,
    lines,
    itemCount: counted.reduce((n, line) => n + line.quantity, 0),
    totalIdr: counted.reduce((n, line) => n + line.lineTotalIdr, 0),
  };
}

/** For the header badge: one cheap aggregate instead of the full cart. */
export async function getCartItemCount(cartId: string | null): Promise<number> {
  if (!cartId) return 0;
  const db = await getDb();
  const [row] = await db
    .select({ count: sql<number>`coalesce(sum(${cartItems.quantity}), 0)::int` })
    .from(cartItems)
    .innerJoin(products, eq(products.id, cartItems.productId))
    .where(sql`${cartItems.cartId} = ${cartId} and ${products.active}`);
  return row?.count ?? 0;
}
