import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { cartItems, carts, products } from "@/db/schema";
import { checkCartStock } from "@/lib/catalog/stock";
import { UserFacingError } from "@/lib/errors";
import { MAX_QUANTITY } from "./validation";

/**
 * Cart writes. Callers validate the input shape first; these functions check it against the database. A refusal is a
 * UserFacingError whose message is a key of cart.errors, translated by the action (lib/cart/actions.ts).
 */

export async function cartExists(cartId: string): Promise<boolean> {
  const db = await getDb();
  const [row] = await db.select({ id: carts.id }).from(carts).where(eq(carts.id, cartId)).limit(1);
  return Boolean(row);
}

export async function createCart(): Promise<string> {
  const db = await getDb();
  const [row] = await db.insert(carts).values({}).returning({ id: carts.id });
  return row!.id;
}

export async function findUserCartId(userId: string): Promise<string | null> {
  const db = await getDb();
  const [row] = await db.select({ id: carts.id }).from(carts).where(eq(carts.userId, userId)).limit(1);
  return row?.id ?? null;
}

/** The customer's one cart, created on first use; the partial unique index settles two concurrent creations. */
export async function getOrCreateUserCartId(userId: string): Promise<string> {
  const db = await getDb();
  await db.insert(carts).values({ userId }).onConflictDoNothing({ target: carts.userId, where: sql`${carts.userId} is not null` });
  return (await findUserCartId(userId))!;
}

/**
 * At sign-in or sign-up the guest cart joins the customer's cart: quantities of the same product are summed and
 * capped at 99. With no customer cart yet, the guest cart simply becomes theirs. Only unowned carts are taken.
 */
export async function mergeGuestCart(guestCartId: string, userId: string): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [guest] = await tx
      .select({ id: carts.id })
      .from(carts)
      .where(and(eq(carts.id, guestCartId), isNull(carts.userId)))
      .for("update");
    if (!guest) return;
    const [own] = await tx.select({ id: carts.id }).from(carts).where(eq(carts.userId, userId)).for("update");
    if (!own) {
      await tx.update(carts).set({ userId, updatedAt: new Date() }).where(eq(carts.id, guest.id));
      return;
    }
    await tx.execute(sql`
      insert into ${cartItems} (cart_id, product_id, quantity)
      select ${own.id}, product_id, quantity from ${cartItems} where cart_id = ${guest.id}
      on conflict (cart_id, product_id)
      do update set quantity = least(${cartItems.quantity} + excluded.quantity, ${MAX_QUANTITY})`);
    await tx.delete(carts).where(eq(carts.id, guest.id));
    await tx.update(carts).set({ updatedAt: new Date() }).where(eq(carts.id, own.id));
  });
}

/** The product as the cart checks it: it must be on sale, and its stock bounds the quantity. */
export async function assertProductPurchasable(productId: number): Promise<{ name: string; nameEn: string | null; stock: number }> {
  const db = await getDb();
  const [product] = await db
    .select({ active: products.active, name: products.name, nameEn: products.nameEn, stock: products.stock })
    .from(products)
    .where(eq(products.id, productId))
    .limit(1);
  if (!product) throw new UserFacingError("productMissing", "not_found", "productId");
  if (!product.active) throw new UserFacingError("productUnavailable", "unavailable", "productId");
  return product;
}

async function quantityInCart(cartId: string, productId: number): Promise<number> {
  const db = await getDb();
  const [line] = await db
    .select({ quantity: cartItems.quantity })
    .from(cartItems)
    .where(and(eq(cartItems.cartId, cartId), eq(cartItems.productId, productId)));
  return line?.quantity ?? 0;
}

/**
 * Adds to an existing line in one statement, so that two concurrent adds cannot push a line past 99 or past the
 * stock. A refused add leaves the line as it was.
 */
export async function addItem(cartId: string, productId: number, quantity: number): Promise<number> {
  const product = await assertProductPurchasable(productId);
  checkCartStock(product, 0, { adding: quantity });
  const db = await getDb();
  const [row] = await db
    .insert(cartItems)
    .values({ cartId, productId, quantity })
    .onConflictDoUpdate({
      target: [cartItems.cartId, cartItems.productId],
      set: { quantity: sql`${cartItems.quantity} + excluded.quantity` },
      setWhere: sql`${cartItems.quantity} + excluded.quantity <= least(${MAX_QUANTITY}, (select ${products.stock} from ${products} where ${products.id} = ${productId}))`,
    })
    .returning({ quantity: cartItems.quantity });
  if (!row) {
    checkCartStock(product, await quantityInCart(cartId, productId), { adding: quantity });
    throw new UserFacingError("maxPerProduct", "invalid_input", "quantity");
  }
  await touchCart(cartId);
  return row.quantity;
}

export async function setQuantity(cartId: string, productId: number, quantity: number): Promise<void> {
  const db = await getDb();
  const [line] = await db
    .select({ quantity: cartItems.quantity, name: products.name, nameEn: products.nameEn, stock: products.stock })
    .from(cartItems)
    .innerJoin(products, eq(products.id, cartItems.productId))
    .where(and(eq(cartItems.cartId, cartId), eq(cartItems.productId, productId)));
  if (line) checkCartStock(line, line.quantity, { wanted: quantity });
  const updated = await db
    .update(cartItems)
    .set({ quantity })
    .where(and(eq(cartItems.cartId, cartId), eq(cartItems.productId, productId)))
    .returning({ productId: cartItems.productId });
  if (updated.length === 0) throw new UserFacingError("notInCart", "not_found", "productId");
  await touchCart(cartId);
}

export async function removeItem(cartId: string, productId: number): Promise<void> {
  const db = await getDb();
  const removed = await db
    .delete(cartItems)
    .where(and(eq(cartItems.cartId, cartId), eq(cartItems.productId, productId)))
    .returning({ productId: cartItems.productId });
  if (removed.length === 0) throw new UserFacingError("notInCart", "not_found", "productId");
  await touchCart(cartId);
}

async function touchCart(cartId: string): Promise<void> {
  const db = await getDb();
  await db.update(carts).set({ updatedAt: new Date() }).where(eq(carts.id, cartId));
}
