import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { carts, products } from "@/db/schema";
import { createUser } from "@/lib/account/users";
import { idleState } from "@/lib/action-state";
import "@/test-support/next-intl-english";
import { cookieJar, session } from "@/test-support/next-request-context";
import { addToCartAction } from "./actions";
import { adoptGuestCart, CART_COOKIE, getCurrentCartId } from "./current-cart";
import { getCartView } from "./queries";

function form(values: Record<string, string | number>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, String(value));
  return data;
}

async function productId(slug: string): Promise<number> {
  const db = await getDb();
  const [row] = await db.select({ id: products.id }).from(products).where(eq(products.slug, slug));
  return row!.id;
}

async function newUserId(): Promise<string> {
  const email = `merge.${Math.random().toString(36).slice(2)}@example.com`;
  return (await createUser({ firstName: "Ani", lastName: "Lestari", email, mobilePhone: "+6281322223333", password: "rahasia-123" })).id;
}

async function add(slug: string, quantity: number) {
  expect((await addToCartAction(idleState, form({ productId: await productId(slug), quantity }))).status).toBe("success");
}

async function quantities(): Promise<Record<string, number>> {
  const cart = await getCartView(await getCurrentCartId());
  return Object.fromEntries(cart.lines.map((line) => [line.slug, line.quantity]));
}

beforeEach(() => {
  cookieJar.clear();
  session.userId = null;
});

describe("guest cart merge at sign-in", () => {
  it("hands the guest cart to a customer who has none, and drops the guest cookie", async () => {
    const userId = await newUserId();
    await add("teh-melati-premium", 2);
    const guestCartId = cookieJar.get(CART_COOKIE)!.value;

    session.userId = userId;
    await adoptGuestCart(userId);
    expect(cookieJar.has(CART_COOKIE)).toBe(false);
    expect(await quantities()).toEqual({ "teh-melati-premium": 2 });
    const db = await getDb();
    const [cart] = await db.select().from(carts).where(eq(carts.id, guestCartId));
    expect(cart?.userId).toBe(userId);
  });

  it("sums quantities into the customer's cart, capped at 99, and removes the guest cart", async () => {
    const userId = await newUserId();
    session.userId = userId;
    await add("kopi-gayo-arabika", 60);
    await add("sambal-bawang", 1);

    session.userId = null;
    await add("kopi-gayo-arabika", 50);
    await add("gula-aren-organik", 3);
    const guestCartId = cookieJar.get(CART_COOKIE)!.value;

    session.userId = userId;
    await adoptGuestCart(userId);
    expect(await quantities()).toEqual({ "kopi-gayo-arabika": 99, "sambal-bawang": 1, "gula-aren-organik": 3 });
    const db = await getDb();
    expect(await db.select().from(carts).where(eq(carts.id, guestCartId))).toEqual([]);
  });

  it("after sign-out the browser shows no cart; the customer finds it again at the next sign-in", async () => {
    const userId = await newUserId();
    session.userId = userId;
    await add("lampu-bambu", 1);

    session.userId = null; // signed out: the JWT is gone and the guest cookie was removed at sign-in
    expect(await getCurrentCartId()).toBeNull();
    expect(await quantities()).toEqual({});

    session.userId = userId;
    await adoptGuestCart(userId); // nothing to merge
    expect(await quantities()).toEqual({ "lampu-bambu": 1 });
  });

  it("never takes over a cart that belongs to another customer", async () => {
    const owner = await newUserId();
    session.userId = owner;
    await add("sabun-sereh-wangi", 4);
    const ownersCartId = (await getCurrentCartId())!;

    const intruder = await newUserId();
    session.userId = intruder;
    cookieJar.set(CART_COOKIE, ownersCartId); // a forged cookie naming someone else's cart
    await adoptGuestCart(intruder);
    expect(await quantities()).toEqual({});
    session.userId = owner;
    expect(await quantities()).toEqual({ "sabun-sereh-wangi": 4 });
  });

  it("ignores a malformed guest cookie at sign-in and clears it", async () => {
    const userId = await newUserId();
    cookieJar.set(CART_COOKIE, "garbage");
    session.userId = userId;
    await adoptGuestCart(userId);
    expect(cookieJar.has(CART_COOKIE)).toBe(false);
    expect(await quantities()).toEqual({});
  });
});
