import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { products } from "@/db/schema";
import { addItem, createCart, setQuantity } from "@/lib/cart/service";
import { getCartView } from "@/lib/cart/queries";
import { checkCartStock, StockLimitError } from "./stock";

async function product(slug: string) {
  const db = await getDb();
  const [row] = await db.select().from(products).where(eq(products.slug, slug));
  return row!;
}

/** What the refusal says, as a code the action translates (catalog.stock.cart.<reason>). */
async function refusal(promise: Promise<unknown>): Promise<Pick<StockLimitError, "reason" | "stock" | "inCart">> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StockLimitError);
  const { reason, stock, inCart } = error as StockLimitError;
  return { reason, stock, inCart };
}

describe("stock in the cart (real database)", () => {
  let lowStock: Awaited<ReturnType<typeof product>>;
  let soldOut: Awaited<ReturnType<typeof product>>;

  beforeAll(async () => {
    lowStock = await product("topeng-kayu-malang");
    soldOut = await product("selendang-songket-palembang");
  }, 120_000);

  it("the seed has a product nearly gone and an active one sold out", () => {
    expect(lowStock).toMatchObject({ active: true, stock: 3 });
    expect(soldOut).toMatchObject({ active: true, stock: 0 });
  });

  it("refuses to add more than is left and keeps the last valid quantity", async () => {
    const cartId = await createCart();
    expect(await refusal(addItem(cartId, lowStock.id, 4))).toEqual({ reason: "onlyLeft", stock: 3, inCart: 0 });
    expect((await getCartView(cartId)).lines).toHaveLength(0);
    expect(await addItem(cartId, lowStock.id, 2)).toBe(2);
    expect(await refusal(addItem(cartId, lowStock.id, 2))).toEqual({ reason: "onlyLeftWithCart", stock: 3, inCart: 2 });
    expect(await addItem(cartId, lowStock.id, 1)).toBe(3);
    expect((await getCartView(cartId)).lines[0]).toMatchObject({ productId: lowStock.id, quantity: 3 });
  });

  it("refuses a line above the stock, keeps the line, and always lets it go down", async () => {
    const cartId = await createCart();
    await addItem(cartId, lowStock.id, 2);
    expect(await refusal(setQuantity(cartId, lowStock.id, 5))).toEqual({ reason: "keptQuantity", stock: 3, inCart: 2 });
    expect((await getCartView(cartId)).lines[0]!.quantity).toBe(2);
    await setQuantity(cartId, lowStock.id, 3);
    await setQuantity(cartId, lowStock.id, 1);
    expect((await getCartView(cartId)).lines[0]!.quantity).toBe(1);
    // Stock that fell below a line does not stop the customer from lowering it.
    expect(() => checkCartStock({ name: "x", nameEn: null, stock: 1 }, 4, { wanted: 3 })).not.toThrow();
    expect(() => checkCartStock({ name: "x", nameEn: null, stock: 1 }, 4, { wanted: 5 })).toThrow(StockLimitError);
  });

  it("says sold out for a product with nothing left", async () => {
    const cartId = await createCart();
    expect(await refusal(addItem(cartId, soldOut.id, 1))).toEqual({ reason: "soldOut", stock: 0, inCart: 0 });
  });

  it("names cart lines in the shopper's language, Bahasa Indonesia unless asked otherwise", async () => {
    const cartId = await createCart();
    await addItem(cartId, lowStock.id, 1);
    expect((await getCartView(cartId)).lines[0]!.name).toBe(lowStock.name);
    expect((await getCartView(cartId, "en")).lines[0]!.name).toBe(lowStock.nameEn);
  });
});
