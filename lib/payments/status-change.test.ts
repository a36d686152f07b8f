import { eq } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { cartItems, orders, products } from "@/db/schema";
import { addItem, getOrCreateUserCartId } from "@/lib/cart/service";
import { getDb } from "@/lib/db";
import { attemptsOf, deliveryFor, fillCart, newCustomer } from "@/test-support/payment-fixtures";
import { withFinpaySandbox } from "@/test-support/payment-sandbox";
import { handleFinpayCallback } from "./callback";
import { startCheckout } from "./checkout";

/** What follows a change of payment status (status-change.ts), through the real callback path. */
const finpay = withFinpaySandbox();

describe("what a paid order does to the cart", () => {
  it("takes out exactly what was bought: products and extra quantities added after checkout stay", async () => {
    const user = await newCustomer();
    const { cartId, product: coffee } = await fillCart(user.id, "kopi-gayo-arabika", 2);
    const result = await startCheckout(user, { method: "basic" }, randomUUID(), await deliveryFor(user));
    if (!result.ok) throw new Error(JSON.stringify(result.message));
    const db = await getDb();
    const [sambal] = await db.select().from(products).where(eq(products.slug, "sambal-bawang"));
    await addItem(await getOrCreateUserCartId(user.id), sambal!.id, 1);
    await addItem(cartId, coffee.id, 1); // now 3 coffee: 2 bought, 1 added later
    await finpay.payAtFinpay((await attemptsOf(result.orderId))[0]!.finpayOrderId);
    const lines = await db.select({ productId: cartItems.productId, quantity: cartItems.quantity }).from(cartItems).where(eq(cartItems.cartId, cartId));
    expect(lines.sort((a, b) => a.productId - b.productId)).toEqual(
      [
        { productId: coffee.id, quantity: 1 },
        { productId: sambal!.id, quantity: 1 },
      ].sort((a, b) => a.productId - b.productId),
    );
  });

  it("a replayed paid callback takes nothing more out of the cart", async () => {
    const user = await newCustomer();
    const { cartId } = await fillCart(user.id, "kopi-gayo-arabika", 2);
    const result = await startCheckout(user, { method: "basic" }, randomUUID(), await deliveryFor(user));
    if (!result.ok) throw new Error(JSON.stringify(result.message));
    await finpay.payAtFinpay((await attemptsOf(result.orderId))[0]!.finpayOrderId);
    await fillCart(user.id, "kopi-gayo-arabika", 2); // bought again, same product
    const db = await getDb();
    // Finpay repeats the paid callback: the cart line added since stays.
    const [paid] = await attemptsOf(result.orderId);
    await handleFinpayCallback(await finpay.lastCallbackFor(paid!.finpayOrderId));
    expect(await db.select().from(cartItems).where(eq(cartItems.cartId, cartId))).toHaveLength(1);
  });
});

describe("what a paid order does to the stock", () => {
  it("two customers paying at once for the last unit both keep their payment, and the stock stops at zero", async () => {
    const db = await getDb();
    const slug = `topeng-uji-${randomUUID().slice(0, 8)}`;
    const [mask] = await db.insert(products).values({ slug, name: "Topeng Uji", description: "Test mask", priceIdr: 90_000, imagePath: "/products/topeng-kayu-malang.svg", weightGrams: 300, stock: 1 }).returning();
    // Stock is not reserved for unpaid orders: both checkouts see the one unit and both are made.
    const buyers = [await newCustomer(), await newCustomer()];
    const orderIds: string[] = [];
    for (const buyer of buyers) {
      await fillCart(buyer.id, slug, 1);
      const result = await startCheckout(buyer, { method: "basic" }, randomUUID(), await deliveryFor(buyer));
      if (!result.ok) throw new Error(JSON.stringify(result.message));
      orderIds.push(result.orderId);
    }
    const finpayIds = await Promise.all(orderIds.map(async (id) => (await attemptsOf(id))[0]!.finpayOrderId));
    await Promise.all(finpayIds.map((id) => finpay.payAtFinpay(id)));
    for (const id of orderIds) expect((await db.select({ status: orders.status }).from(orders).where(eq(orders.id, id)))[0]?.status).toBe("paid");
    expect((await db.select({ stock: products.stock }).from(products).where(eq(products.id, mask!.id)))[0]?.stock).toBe(0);
  });
});
