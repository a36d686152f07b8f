import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { cartItems, products } from "@/db/schema";
import { localizedName } from "@/lib/catalog/localized";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";

export interface CartLine {
  productId: number;
  slug: string;
  /** In the language asked for: the cart page passes the shopper's; checkout keeps the default (Bahasa Indonesia),
   * which is the name an order stores. */
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

/**
 * Totals always come from current database prices, never from anything the browser sent. Product names are in
 * `locale` (the cart page passes the shopper's, `await getLocale()`).
 */
export async function getCartView(cartId: string | null, locale: Locale = DEFAULT_LOCALE): Promise<CartView> {
  if (!cartId) return EMPTY_CART;
  const db = await getDb();
  const rows = await db
    .select({
      productId: products.id,
      slug: products.slug,
      name: products.name,
      nameEn: products.nameEn,
      imagePath: products.imagePath,
      unitPriceIdr: products.priceIdr,
      quantity: cartItems.quantity,
      available: products.active,
    })
    .from(cartItems)
    .innerJoin(products, eq(products.id, cartItems.productId))
    .where(eq(cartItems.cartId, cartId))
    .orderBy(asc(cartItems.createdAt), asc(products.id));

  const lines = rows.map(({ nameEn, ...row }) => ({ ...row, name: localizedName({ name: row.name, nameEn }, locale), lineTotalIdr: row.unitPriceIdr * row.quantity }));
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
