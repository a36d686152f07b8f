import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import { products } from "@/db/schema";
import { SEED_CATEGORIES, SEED_PRODUCTS } from "@/db/seed-data";
import { getActiveProductBySlug, getCatalog, getCategoryBySlug, listActiveProducts } from "./queries";
import { localized } from "./localized";
import { raiseCatalogVersion } from "./version";

async function bumpVersion() {
  const db = await getDb();
  await db.transaction((tx) => raiseCatalogVersion(tx));
}

async function setPrice(slug: string, priceIdr: number) {
  const db = await getDb();
  await db.update(products).set({ priceIdr }).where(eq(products.slug, slug));
}

describe("catalog queries (real database)", () => {
  beforeAll(async () => {
    await getDb(); // opening (and seeding) the database can take a while under load: not part of any test's time
  }, 120_000);

  it("lists the active products in catalog order, without withdrawn ones", async () => {
    const list = await listActiveProducts();
    // Other test files on a shared Postgres may add products of their own: the seeded ones must all be here.
    const seededActive = SEED_PRODUCTS.filter((p) => p.active ?? true).map((p) => p.slug);
    expect(seededActive.length).toBeGreaterThanOrEqual(30);
    expect(list.map((p) => p.slug)).toEqual(expect.arrayContaining(seededActive));
    expect(list.map((p) => p.id)).toEqual([...list.map((p) => p.id)].sort((a, b) => a - b));
    expect(list.some((p) => p.slug === "keris-miniatur-edisi-lama")).toBe(false);
  });

  it("gives every product both languages, a category, origin, maker and details", async () => {
    const { products: list, categories } = await getCatalog();
    expect(categories.map((c) => c.slug)).toEqual(SEED_CATEGORIES.map((c) => c.slug));
    const categoryIds = new Set(categories.map((c) => c.id));
    const seeded = new Set(SEED_PRODUCTS.map((p) => p.slug));
    for (const product of list.filter((p) => seeded.has(p.slug))) {
      expect(product.nameEn, product.slug).toBeTruthy();
      expect(product.descriptionEn, product.slug).toBeTruthy();
      expect(product.nameEn).not.toBe(product.name);
      expect(categoryIds.has(product.categoryId!), product.slug).toBe(true);
      expect(product.origin && product.maker, product.slug).toBeTruthy();
      expect(product.details.length, product.slug).toBeGreaterThan(0);
      expect(product.detailsEn).toHaveLength(product.details.length);
    }
  });

  it("finds an active product by slug and nothing for a withdrawn or unknown one", async () => {
    expect(await getActiveProductBySlug("kopi-gayo-arabika")).toMatchObject({ slug: "kopi-gayo-arabika", name: "Kopi Gayo Arabika 250 g", origin: "Aceh Tengah" });
    expect(await getActiveProductBySlug("keris-miniatur-edisi-lama")).toBeUndefined();
    expect(await getActiveProductBySlug("no-such-product")).toBeUndefined();
  });

  it("shows names, descriptions and details in the shopper's language, and categories by slug", async () => {
    const coffee = (await getActiveProductBySlug("kopi-gayo-arabika"))!;
    expect(localized(coffee, "id")).toMatchObject({ name: "Kopi Gayo Arabika 250 g", details: coffee.details });
    expect(localized(coffee, "id").description).toContain("dataran tinggi Gayo");
    expect(localized(coffee, "en")).toMatchObject({ name: "Gayo Arabica Coffee 250 g", details: coffee.detailsEn });
    expect(localized({ ...coffee, nameEn: null, descriptionEn: null, detailsEn: [] }, "en")).toEqual(localized(coffee, "id"));
    expect(await getCategoryBySlug("kopi-teh")).toMatchObject({ name: "Kopi & Teh", nameEn: "Coffee & Tea" });
    expect(await getCategoryBySlug("nope")).toBeUndefined();
  });

  it("keeps its copy while the catalog version stands, and reloads on the next read once a change raises it", async () => {
    const before = (await getActiveProductBySlug("teh-melati-premium"))!.priceIdr;
    try {
      // Written behind the catalog's back (no version raised): the copy is what pages see, so the old price stays.
      await setPrice("teh-melati-premium", before + 1_000);
      expect((await getActiveProductBySlug("teh-melati-premium"))!.priceIdr).toBe(before);
      await bumpVersion();
      expect((await getActiveProductBySlug("teh-melati-premium"))!.priceIdr).toBe(before + 1_000);
    } finally {
      await setPrice("teh-melati-premium", before);
      await bumpVersion();
    }
  });

  it("shows a change made through another instance on this instance's next read", async () => {
    // A second copy of the module is a second instance's memory: same database, its own cached catalog.
    vi.resetModules();
    const otherInstance = await import("./queries");
    expect(otherInstance.getCatalog).not.toBe(getCatalog);
    const before = (await otherInstance.getActiveProductBySlug("teh-melati-premium"))!.priceIdr;
    expect((await getActiveProductBySlug("teh-melati-premium"))!.priceIdr).toBe(before);
    try {
      await setPrice("teh-melati-premium", before + 2_000);
      await bumpVersion(); // what every change in the console does in its transaction (lib/catalog/admin.ts)
      expect((await otherInstance.getActiveProductBySlug("teh-melati-premium"))!.priceIdr).toBe(before + 2_000);
      expect((await getActiveProductBySlug("teh-melati-premium"))!.priceIdr).toBe(before + 2_000);
    } finally {
      await setPrice("teh-melati-premium", before);
      await bumpVersion();
    }
  });
});
