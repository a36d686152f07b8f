import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { cartItems, carts, orders, paymentAttempts, products, type PaymentMethod, type PaymentStatus } from "@/db/schema";
import { createUser } from "@/lib/account/users";
import { newFinpayOrderId } from "@/lib/payments/ids";

/** Real rows for payment tests: a customer with a cart, an order, and attempts in any state. */

export async function newCustomer() {
  const email = `pay.${randomUUID().slice(0, 8)}@example.com`;
  return createUser({ firstName: "Rina", lastName: "Kusuma", email, mobilePhone: "+6281377778888", password: "rahasia-123" });
}

export async function fillCart(userId: string, slug = "kopi-gayo-arabika", quantity = 2) {
  const db = await getDb();
  const [product] = await db.select().from(products).where(eq(products.slug, slug));
  const [cart] = await db.insert(carts).values({ userId }).onConflictDoNothing().returning();
  const cartId = cart?.id ?? (await db.select().from(carts).where(eq(carts.userId, userId)))[0]!.id;
  await db.insert(cartItems).values({ cartId, productId: product!.id, quantity }).onConflictDoNothing();
  return { cartId, product: product! };
}

export async function newOrder(userId: string, totalIdr = 190_000) {
  const db = await getDb();
  const [order] = await db.insert(orders).values({ userId, totalIdr }).returning();
  return order!;
}

export async function newAttempt(orderId: string, options: { status?: PaymentStatus; amountIdr?: number; method?: PaymentMethod; createdAt?: Date } = {}) {
  const db = await getDb();
  const [attempt] = await db
    .insert(paymentAttempts)
    .values({
      orderId,
      finpayOrderId: newFinpayOrderId(),
      method: options.method ?? "two_click",
      status: options.status ?? "pending",
      amountIdr: options.amountIdr ?? 190_000,
      idempotencyKey: randomUUID(),
      createdAt: options.createdAt,
    })
    .returning();
  return attempt!;
}

export async function reload<T extends "order" | "attempt">(kind: T, id: string) {
  const db = await getDb();
  if (kind === "order") return (await db.select().from(orders).where(eq(orders.id, id)))[0]!;
  return (await db.select().from(paymentAttempts).where(eq(paymentAttempts.id, id)))[0]!;
}
