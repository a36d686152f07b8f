import { randomUUID } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { cartItems, carts, orders, paymentAttempts, paymentEvents, products, type Order, type PaymentAttempt, type PaymentMethod, type PaymentStatus } from "@/db/schema";
import { createUser } from "@/lib/account/users";
import { newFinpayOrderId } from "@/lib/payments/ids";
import { createAddress, listAddresses } from "@/lib/delivery/addresses";
import type { AddressInput } from "@/lib/delivery/address-validation";
import type { DeliveryRequest } from "@/lib/delivery/quote";
import type { DeliveryOptionId } from "@/lib/delivery/rates";

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

// Reading back what the code under test wrote: one reader for every payment test.

export async function orderRow(id: string): Promise<Order> {
  const db = await getDb();
  const [order] = await db.select().from(orders).where(eq(orders.id, id));
  if (!order) throw new Error(`no order ${id}`);
  return order;
}

export async function attemptRow(id: string): Promise<PaymentAttempt> {
  const db = await getDb();
  const [attempt] = await db.select().from(paymentAttempts).where(eq(paymentAttempts.id, id));
  if (!attempt) throw new Error(`no payment attempt ${id}`);
  return attempt;
}

/** The status of an attempt and of its order, side by side. */
export async function statusesOf(attemptId: string): Promise<{ attempt: PaymentStatus; order: Order["status"] }> {
  const attempt = await attemptRow(attemptId);
  return { attempt: attempt.status, order: (await orderRow(attempt.orderId)).status };
}

/** An order with its first attempt and that attempt's events. */
export async function paymentStateOf(orderId: string) {
  const db = await getDb();
  const order = await orderRow(orderId);
  const [attempt] = await db.select().from(paymentAttempts).where(eq(paymentAttempts.orderId, orderId)).orderBy(asc(paymentAttempts.createdAt));
  if (!attempt) throw new Error(`order ${orderId} has no payment attempt`);
  const events = await db.select().from(paymentEvents).where(eq(paymentEvents.attemptId, attempt.id));
  return { order, attempt, events };
}

/** Every attempt of an order, oldest first. */
export async function attemptsOf(orderId: string) {
  const db = await getDb();
  return db.select().from(paymentAttempts).where(eq(paymentAttempts.orderId, orderId)).orderBy(paymentAttempts.createdAt);
}

/** A delivery address in Bandung (Jawa Barat, zone Jawa) unless told otherwise. */
export async function newAddress(userId: string, overrides: Partial<AddressInput> = {}) {
  return createAddress(userId, {
    recipientName: "Rina Kusuma",
    mobilePhone: "+6281377778888",
    street: "Jl. Braga No. 12",
    district: "Braga, Sumur Bandung",
    city: "Kota Bandung",
    provinceCode: "ID-JB",
    postalCode: "40111",
    notes: null,
    makeDefault: false,
    ...overrides,
  });
}

/**
 * What every checkout now names: the customer's default address (one in Bandung is added when they have none)
 * and a delivery option (JNE REG, which serves every zone).
 */
export async function deliveryFor(user: { id: string }, optionId: DeliveryOptionId = "jne-reg"): Promise<DeliveryRequest> {
  const [existing] = await listAddresses(user.id);
  const address = existing ?? (await newAddress(user.id));
  return { addressId: address.id, optionId };
}
