import { randomUUID } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { cartItems, carts, categories, merchantActions, orderItems, orders, products, type OrderStatus } from "@/db/schema";
import { getDb } from "@/lib/db";
import { formatIdr } from "@/lib/money";
import { seed } from "@/db/seed";
import { getOrderForUser } from "@/lib/payments/queries";
import { newCustomer } from "@/test-support/payment-fixtures";
import { createProduct, deleteProduct, replacePicture, setPublished, slugFrom, updateProduct, type CatalogActor } from "./admin";
import { listConsoleProducts, parseProductFilters } from "./admin-queries";
import { parseProductForm, productFormValues, type ProductInput } from "./admin-validation";
import { getActiveProductBySlug } from "./queries";
import { readCatalogVersion } from "./version";

/** The console's catalog module against the real database (PGlite per file, or PostgreSQL with DATABASE_URL). */

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) data.set(name, value);
  return data;
}

let categoryId: number;
let actor: CatalogActor;

async function input(overrides: Partial<ProductInput> = {}): Promise<ProductInput> {
  return {
    name: `Sambal Uji ${randomUUID().slice(0, 6)}`,
    description: "Sambal bawang untuk uji konsol.",
    details: ["Pedas sedang"],
    nameEn: "Test Sambal",
    descriptionEn: "Shallot sambal for the console test.",
    detailsEn: ["Medium hot"],
    categoryId,
    origin: "Bandung",
    maker: "Dapur Uji",
    priceIdr: 40_000,
    stock: 10,
    weightGrams: 250,
    ...overrides,
  };
}

async function productRow(id: number) {
  const db = await getDb();
  const [row] = await db.select().from(products).where(eq(products.id, id));
  return row;
}

async function trail(productId: number) {
  const db = await getDb();
  return db.select().from(merchantActions).where(eq(merchantActions.productId, productId)).orderBy(desc(merchantActions.id));
}

/** A product made in the console, with a picture and published: as a shopper would find it. */
async function publishedProduct(overrides: Partial<ProductInput> = {}) {
  const { id } = await createProduct(actor, await input(overrides));
  await replacePicture(actor, id, `${"ab".repeat(16)}.png`);
  expect(await setPublished(actor, id, true)).toMatchObject({ kind: "done" });
  return (await productRow(id))!;
}

/** An order for `quantity` of the product at its current price, in `status`. */
async function orderOf(productId: number, status: OrderStatus, quantity = 1) {
  const db = await getDb();
  const customer = await newCustomer();
  const product = (await productRow(productId))!;
  const total = product.priceIdr * quantity;
  const [order] = await db.insert(orders).values({ userId: customer.id, status, totalIdr: total, itemsSubtotalIdr: total, shippingIdr: 0, closedAt: status === "pending_payment" ? null : new Date() }).returning();
  await db.insert(orderItems).values({ orderId: order!.id, productId, name: product.name, unitPriceIdr: product.priceIdr, quantity });
  return { order: order!, customer };
}

const seen = (product: { updatedAt: Date; stock: number }) => ({ updatedAt: product.updatedAt.toISOString(), stock: product.stock });

describe("catalog admin (console)", () => {
  beforeAll(async () => {
    const db = await getDb();
    [{ id: categoryId }] = (await db.select({ id: categories.id }).from(categories).limit(1)) as [{ id: number }];
    const merchant = await newCustomer();
    actor = { id: merchant.id, email: merchant.email };
  }, 120_000);

  describe("the product form", () => {
    it("names every wrong field at once and keeps what was typed", () => {
      const typed = { name: "", description: " ", details: "", nameEn: "", descriptionEn: "", detailsEn: Array(11).fill("baris").join("\n"), categoryId: "", origin: "x".repeat(81), maker: "", price: "Rp 12,5", stock: "-3", weight: "40 kg" };
      const parsed = parseProductForm(form(typed));
      expect(parsed.ok).toBe(false);
      if (parsed.ok) return;
      expect(Object.keys(parsed.errors).sort()).toEqual(["categoryId", "description", "detailsEn", "name", "origin", "price", "stock", "weight"]);
      expect(parsed.errors.name).toEqual({ key: "consoleCatalog.validation.required", values: { field: { key: "consoleCatalog.fields.name" } } });
      expect(parsed.errors.origin).toMatchObject({ key: "consoleCatalog.validation.tooLong", values: { max: 80 } });
      expect(parsed.errors.detailsEn).toMatchObject({ key: "consoleCatalog.validation.detailsTooMany", values: { max: 10 } });
      expect(parsed.errors.price).toMatchObject({ key: "consoleCatalog.validation.priceFormat" });
      expect(parsed.values).toEqual(typed);
    });

    it("reads numbers the way people write them, and holds each to its range", () => {
      const valid = { name: "Kopi", description: "Enak", details: " Sangrai sedang \n\n 100% arabika ", categoryId: "1", price: "Rp 150.000", stock: "1.200", weight: "1.250 g" };
      expect(parseProductForm(form(valid))).toMatchObject({ ok: true, data: { priceIdr: 150_000, stock: 1_200, weightGrams: 1_250, details: ["Sangrai sedang", "100% arabika"], detailsEn: [], nameEn: null, origin: null } });
      // A decimal is refused, never read as thousands (issue 25: "1000.50" once meant Rp 100.050).
      const decimals = parseProductForm(form({ ...valid, price: "1000.50", stock: "1.5", weight: "0.5 g" }));
      expect(decimals.ok === false && Object.keys(decimals.errors).sort()).toEqual(["price", "stock", "weight"]);
      expect(parseProductForm(form({ ...valid, price: "150,000" }))).toMatchObject({ ok: true, data: { priceIdr: 150_000 } });
      const outOfRange = parseProductForm(form({ ...valid, price: "999", stock: "100001", weight: "30001" }));
      expect(outOfRange.ok === false && outOfRange.errors).toMatchObject({
        price: { key: "consoleCatalog.validation.priceRange", values: { min: formatIdr(1_000), max: formatIdr(20_000_000) } }, // "Rp" joined by a no-break space
        stock: { key: "consoleCatalog.validation.stockRange", values: { max: 100_000 } },
        weight: { key: "consoleCatalog.validation.weightRange", values: { max: 30_000 } },
      });
    });

    it("shows a product's values as they would be typed", () => {
      const values = productFormValues({ name: "Kopi", nameEn: null, description: "d", descriptionEn: null, details: ["a", "b"], detailsEn: [], categoryId: 3, origin: null, maker: "M", priceIdr: 1_250_000, stock: 7, weightGrams: 300 });
      expect(values).toMatchObject({ price: "1.250.000", details: "a\nb", nameEn: "", categoryId: "3", stock: "7", weight: "300" });
      expect(parseProductForm(form(values))).toMatchObject({ ok: true, data: { priceIdr: 1_250_000 } });
    });
  });

  it("creates a product unpublished, without a picture, at a free address; audited, and the catalog version raised", async () => {
    const versionBefore = await readCatalogVersion();
    const first = await createProduct(actor, await input({ name: "Rendang Uji Konsol" }));
    const second = await createProduct(actor, await input({ name: "Rendang Uji Konsol" }));
    expect(first.slug).toMatch(/^rendang-uji-konsol(-\d+)?$/);
    expect(second.slug).not.toBe(first.slug);
    expect(await productRow(first.id)).toMatchObject({ active: false, imagePath: "", priceIdr: 40_000 });
    expect(await readCatalogVersion()).toBeGreaterThan(versionBefore);
    const [created] = await trail(first.id);
    expect(created).toMatchObject({ action: "product_create", outcome: "done", actorEmail: actor.email, changes: { priceIdr: { from: null, to: 40_000 }, name: { from: null, to: "Rendang Uji Konsol" } } });
    expect(slugFrom("Kain Tenun Ikat Sumba — édition 2")).toBe("kain-tenun-ikat-sumba-edition-2");
    await expect(createProduct(actor, await input({ categoryId: 999_999 }))).rejects.toMatchObject({ field: "categoryId" });
  });

  it("refuses to publish without a picture (audited), then publishes and unpublishes, and the shop follows at once", async () => {
    const { id, slug } = await createProduct(actor, await input());
    expect(await setPublished(actor, id, true)).toMatchObject({ kind: "needsPicture" });
    expect((await trail(id))[0]).toMatchObject({ action: "product_publish", outcome: "refused", detail: "no_picture" });
    expect(await getActiveProductBySlug(slug)).toBeUndefined();

    await replacePicture(actor, id, `${"cd".repeat(16)}.png`);
    expect(await setPublished(actor, id, true)).toMatchObject({ kind: "done" });
    expect(await getActiveProductBySlug(slug)).toMatchObject({ imagePath: `/media/${"cd".repeat(16)}.png` });
    expect(await setPublished(actor, id, true)).toMatchObject({ kind: "already" });

    expect(await setPublished(actor, id, false)).toMatchObject({ kind: "done" });
    expect(await getActiveProductBySlug(slug)).toBeUndefined();
    expect((await trail(id)).map((row) => [row.action, row.outcome])).toEqual([
      ["product_unpublish", "done"],
      ["product_publish", "done"],
      ["product_picture", "done"],
      ["product_publish", "refused"],
      ["product_create", "done"],
    ]);
  });

  it("changes price and texts: audited field by field, in the shop on the next read, and an order already placed keeps its price", async () => {
    const product = await publishedProduct({ priceIdr: 40_000 });
    const { order, customer } = await orderOf(product.id, "paid", 2);
    expect((await getActiveProductBySlug(product.slug))!.priceIdr).toBe(40_000);

    const result = await updateProduct(actor, product.id, await input({ name: product.name, priceIdr: 55_000, nameEn: "Renamed Sambal", stock: product.stock }), seen(product));
    expect(result).toMatchObject({ kind: "saved", product: { priceIdr: 55_000, nameEn: "Renamed Sambal" } });
    const [edit] = await trail(product.id);
    expect(edit).toMatchObject({ action: "product_update", outcome: "done", changes: { priceIdr: { from: 40_000, to: 55_000 }, nameEn: { from: "Test Sambal", to: "Renamed Sambal" } } });
    expect(Object.keys(edit!.changes!).sort()).toEqual(["nameEn", "priceIdr"]);
    expect((await getActiveProductBySlug(product.slug))!.priceIdr).toBe(55_000);

    const db = await getDb();
    expect(await db.select({ unitPriceIdr: orderItems.unitPriceIdr, quantity: orderItems.quantity }).from(orderItems).where(eq(orderItems.orderId, order.id))).toEqual([{ unitPriceIdr: 40_000, quantity: 2 }]);
    const shown = await getOrderForUser(order.id, customer.id, "id");
    expect(shown).toMatchObject({ order: { totalIdr: 80_000 }, items: [{ unitPriceIdr: 40_000, quantity: 2 }] });
  });

  it("saves nothing, and audits nothing, when nothing changed", async () => {
    const product = await publishedProduct();
    const before = (await trail(product.id)).length;
    const same = await input({ name: product.name, nameEn: product.nameEn, description: product.description, descriptionEn: product.descriptionEn });
    expect(await updateProduct(actor, product.id, same, seen(product))).toMatchObject({ kind: "unchanged" });
    expect(await trail(product.id)).toHaveLength(before);
  });

  it("never undoes a sale: stock left as it was keeps the sold-down number; stock typed over a moved number is refused", async () => {
    const product = await publishedProduct({ stock: 10 });
    const db = await getDb();
    await db.update(products).set({ stock: 8 }).where(eq(products.id, product.id)); // two sold while the form was open
    const base = await input({ name: product.name, description: product.description });

    const moved = await updateProduct(actor, product.id, { ...base, stock: 20 }, seen(product));
    expect(moved).toMatchObject({ kind: "stockMoved", seen: 10, now: 8 });
    expect(await productRow(product.id)).toMatchObject({ stock: 8, updatedAt: product.updatedAt });

    const priceOnly = await updateProduct(actor, product.id, { ...base, stock: 10, priceIdr: 41_000 }, seen(product));
    expect(priceOnly).toMatchObject({ kind: "saved", product: { stock: 8, priceIdr: 41_000 } });
  });

  it("does not overwrite unseen another merchant's save", async () => {
    const product = await publishedProduct();
    const opened = seen(product);
    const theirs = await updateProduct(actor, product.id, await input({ name: product.name, priceIdr: 45_000 }), opened);
    expect(theirs.kind).toBe("saved");
    const mine = await updateProduct(actor, product.id, await input({ name: product.name, priceIdr: 47_000 }), opened);
    expect(mine).toMatchObject({ kind: "editedMeanwhile", product: { priceIdr: 45_000 } });
    expect(await productRow(product.id)).toMatchObject({ priceIdr: 45_000 });
  });

  it("refuses to delete a product in an open order or in past ones (audited, only unpublished), and deletes one never ordered", async () => {
    const open = await publishedProduct();
    await orderOf(open.id, "paid");
    await orderOf(open.id, "expired");
    expect(await deleteProduct(actor, open.id)).toEqual({ kind: "hasOrders", open: 1, past: 1 });
    expect(await productRow(open.id)).toBeDefined();
    expect((await trail(open.id))[0]).toMatchObject({ action: "product_delete", outcome: "refused", detail: "open_orders:1" });
    expect(await setPublished(actor, open.id, false)).toMatchObject({ kind: "done" });

    const past = await publishedProduct();
    await orderOf(past.id, "refunded");
    expect(await deleteProduct(actor, past.id)).toEqual({ kind: "hasOrders", open: 0, past: 1 });
    expect((await trail(past.id))[0]).toMatchObject({ detail: "past_orders:1" });

    const never = await publishedProduct();
    const db = await getDb();
    const shopper = await newCustomer();
    const [cart] = await db.insert(carts).values({ userId: shopper.id }).returning();
    await db.insert(cartItems).values({ cartId: cart!.id, productId: never.id, quantity: 1 });
    expect(await deleteProduct(actor, never.id)).toMatchObject({ kind: "deleted" });
    expect(await productRow(never.id)).toBeUndefined();
    expect(await db.select().from(cartItems).where(and(eq(cartItems.cartId, cart!.id), eq(cartItems.productId, never.id)))).toEqual([]);
    expect(await getActiveProductBySlug(never.slug)).toBeUndefined();
    // The trail outlives the product.
    expect((await trail(never.id))[0]).toMatchObject({ action: "product_delete", outcome: "done", detail: never.slug });
  });

  it("keeps what the merchant edited when the seed runs again (every cluster start runs it)", async () => {
    const db = await getDb();
    const [seeded] = await db.select().from(products).where(eq(products.slug, "dodol-garut"));
    const edited = { name: "Dodol Garut Edisi Toko", nameEn: null, imagePath: `/media/${"ef".repeat(16)}.png`, priceIdr: seeded!.priceIdr + 500 };
    try {
      await db.update(products).set(edited).where(eq(products.id, seeded!.id));
      const versionBefore = await readCatalogVersion();
      await seed(db, { hashPassword: async (password) => password });
      // Kept as edited; only the English name the row lacked is filled in from the seed.
      expect(await productRow(seeded!.id)).toMatchObject({ ...edited, nameEn: seeded!.nameEn });
      expect(await readCatalogVersion()).toBeGreaterThan(versionBefore);
    } finally {
      await db.update(products).set({ name: seeded!.name, nameEn: seeded!.nameEn, imagePath: seeded!.imagePath, priceIdr: seeded!.priceIdr }).where(eq(products.id, seeded!.id));
    }
  });

  it("lists products for the console with search, status and category filters, and pages", async () => {
    const tag = randomUUID().slice(0, 6);
    const shown = await publishedProduct({ name: `Dodol Cari ${tag}` });
    const hidden = await createProduct(actor, await input({ name: `Dodol Cari ${tag} Draf` }));
    const all = await listConsoleProducts(parseProductFilters({ q: `cari ${tag}` }));
    expect(all.rows.map((row) => row.id).sort()).toEqual([shown.id, hidden.id].sort());
    expect((await listConsoleProducts(parseProductFilters({ q: `cari ${tag}`, status: "unpublished" }))).rows.map((row) => row.id)).toEqual([hidden.id]);
    expect((await listConsoleProducts(parseProductFilters({ q: "100%_nothing" }))).total).toBe(0);
    const firstPage = await listConsoleProducts(parseProductFilters({}));
    expect(firstPage.rows).toHaveLength(20);
    expect(firstPage.pageCount).toBe(Math.ceil(firstPage.total / 20));
    const beyond = await listConsoleProducts(parseProductFilters({ page: "999" }));
    expect(beyond.page).toBe(firstPage.pageCount);
    expect(parseProductFilters({ status: "archived", category: "x", page: "-1" })).toEqual({ q: "", status: undefined, categoryId: undefined, page: 1 });
  });
});
