import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { cartItems, carts, products } from "@/db/schema";
import { idleState } from "@/lib/action-state";
import { CHECK_VIOLATION, expectRefusedBy } from "@/test-support/database-errors";
import "@/test-support/next-intl-english";
import { cookieJar } from "@/test-support/next-request-context";
import { addToCartAction, removeFromCartAction, setCartQuantityAction } from "./actions";
import { CART_COOKIE } from "./current-cart";
import { getCartItemCount, getCartView } from "./queries";

function form(values: Record<string, string | number>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, String(value));
  return data;
}

let coffee: { id: number; priceIdr: number };
let shirt: { id: number; priceIdr: number };
let withdrawnId: number;

async function productBySlug(slug: string) {
  const db = await getDb();
  const [row] = await db.select().from(products).where(eq(products.slug, slug));
  return row!;
}

async function currentCart() {
  return getCartView(cookieJar.get(CART_COOKIE)?.value ?? null);
}

async function cartRowCount(): Promise<number> {
  const db = await getDb();
  return (await db.select({ id: carts.id }).from(carts)).length;
}

beforeAll(async () => {
  coffee = await productBySlug("kopi-gayo-arabika");
  shirt = await productBySlug("kemeja-batik-tulis");
  withdrawnId = (await productBySlug("keris-miniatur-edisi-lama")).id;
});

beforeEach(() => cookieJar.clear());

describe("cart actions against the database", () => {
  it("creates a guest cart on first add and keeps only its random id in the cookie", async () => {
    const result = await addToCartAction(idleState, form({ productId: coffee.id, quantity: 2 }));
    expect(result.status).toBe("success");
    const cookie = cookieJar.get(CART_COOKIE)?.value;
    expect(cookie).toMatch(/^[0-9a-f-]{36}$/);
    const cart = await currentCart();
    expect(cart.lines).toHaveLength(1);
    expect(cart.lines[0]).toMatchObject({ productId: coffee.id, quantity: 2, lineTotalIdr: coffee.priceIdr * 2 });
    expect(cart.totalIdr).toBe(coffee.priceIdr * 2);
  });

  it("adds to an existing line, changes quantity, removes, and totals from database prices", async () => {
    await addToCartAction(idleState, form({ productId: coffee.id, quantity: 1 }));
    await addToCartAction(idleState, form({ productId: coffee.id, quantity: 2 }));
    const added = await addToCartAction(idleState, form({ productId: shirt.id, quantity: 1 }));
    // The answer counts the product just added and the whole cart, as the header badge does.
    expect(added).toMatchObject({ status: "success", message: "Added to cart: 1 of this product. Your cart now holds 4 items." });
    let cart = await currentCart();
    expect(cart.itemCount).toBe(4);
    expect(cart.totalIdr).toBe(coffee.priceIdr * 3 + shirt.priceIdr);

    expect((await setCartQuantityAction(idleState, form({ productId: shirt.id, quantity: 5 }))).status).toBe("success");
    expect((await removeFromCartAction(idleState, form({ productId: coffee.id }))).status).toBe("success");
    cart = await currentCart();
    expect(cart.lines.map((l) => [l.productId, l.quantity])).toEqual([[shirt.id, 5]]);
    expect(cart.totalIdr).toBe(shirt.priceIdr * 5);
    expect(await getCartItemCount(cart.cartId)).toBe(5);
  });

  it.each([
    ["0", "Quantity must be a whole number from 1 to 99."],
    ["-3", "Quantity must be a whole number from 1 to 99."],
    ["1.5", "Quantity must be a whole number from 1 to 99."],
    ["100", "Quantity must be a whole number from 1 to 99."],
  ])("refuses quantity %s on add and creates nothing", async (quantity, message) => {
    const before = await cartRowCount();
    const result = await addToCartAction(idleState, form({ productId: coffee.id, quantity }));
    expect(result).toMatchObject({ status: "error", message, fieldErrors: { quantity: message }, values: { quantity } });
    expect(cookieJar.has(CART_COOKIE)).toBe(false);
    expect(await cartRowCount()).toBe(before);
  });

  it("refuses invalid quantities on update and leaves the line as it was", async () => {
    await addToCartAction(idleState, form({ productId: coffee.id, quantity: 3 }));
    for (const quantity of ["0", "-1", "2.5", "100", ""]) {
      const result = await setCartQuantityAction(idleState, form({ productId: coffee.id, quantity }));
      expect(result.status).toBe("error");
    }
    expect((await currentCart()).lines[0]?.quantity).toBe(3);
  });

  it("refuses a line that would exceed 99 in total", async () => {
    await addToCartAction(idleState, form({ productId: coffee.id, quantity: 98 }));
    const result = await addToCartAction(idleState, form({ productId: coffee.id, quantity: 2 }));
    expect(result).toMatchObject({ status: "error", message: "You can have at most 99 of one product in your cart." });
    expect((await currentCart()).lines[0]?.quantity).toBe(98);
  });

  it("refuses unknown and withdrawn products and creates no cart", async () => {
    const before = await cartRowCount();
    const unknown = await addToCartAction(idleState, form({ productId: 999_999, quantity: 1 }));
    expect(unknown).toMatchObject({ status: "error", message: "That product does not exist." });
    const withdrawn = await addToCartAction(idleState, form({ productId: withdrawnId, quantity: 1 }));
    expect(withdrawn).toMatchObject({ status: "error", message: "That product is no longer available." });
    expect(cookieJar.has(CART_COOKIE)).toBe(false);
    expect(await cartRowCount()).toBe(before);
  });

  it("refuses a malformed cart cookie, changes nothing, and clears the cookie", async () => {
    cookieJar.set(CART_COOKIE, "not-a-uuid");
    const before = await cartRowCount();
    const result = await addToCartAction(idleState, form({ productId: coffee.id, quantity: 1 }));
    expect(result).toMatchObject({ status: "error", message: "Your cart could not be recognised, so nothing was changed. Please try again." });
    expect(await cartRowCount()).toBe(before);
    expect(cookieJar.has(CART_COOKIE)).toBe(false);
    expect((await addToCartAction(idleState, form({ productId: coffee.id, quantity: 1 }))).status).toBe("success");
  });

  it("refuses changing a product that is not in the cart", async () => {
    await addToCartAction(idleState, form({ productId: coffee.id, quantity: 1 }));
    const result = await setCartQuantityAction(idleState, form({ productId: shirt.id, quantity: 2 }));
    expect(result).toMatchObject({ status: "error", message: "That product is not in your cart." });
    const removal = await removeFromCartAction(idleState, form({ productId: shirt.id }));
    expect(removal).toMatchObject({ status: "error", message: "That product is not in your cart." });
  });

  it("shows a product withdrawn after it was added but leaves it out of the totals", async () => {
    await addToCartAction(idleState, form({ productId: coffee.id, quantity: 1 }));
    const cartId = cookieJar.get(CART_COOKIE)!.value;
    const db = await getDb();
    await db.insert(cartItems).values({ cartId, productId: withdrawnId, quantity: 2 });
    const cart = await getCartView(cartId);
    expect(cart.lines).toHaveLength(2);
    expect(cart.lines.find((l) => l.productId === withdrawnId)?.available).toBe(false);
    expect(cart.totalIdr).toBe(coffee.priceIdr);
    expect(cart.itemCount).toBe(1);
  });

  it("the database itself refuses quantities outside 1..99", async () => {
    await addToCartAction(idleState, form({ productId: coffee.id, quantity: 1 }));
    const cartId = cookieJar.get(CART_COOKIE)!.value;
    const db = await getDb();
    const refusal = { code: CHECK_VIOLATION, constraint: "cart_items_quantity_range" };
    await expectRefusedBy(db.update(cartItems).set({ quantity: 0 }).where(eq(cartItems.cartId, cartId)), refusal);
    await expectRefusedBy(db.update(cartItems).set({ quantity: 100 }).where(eq(cartItems.cartId, cartId)), refusal);
  });
});
