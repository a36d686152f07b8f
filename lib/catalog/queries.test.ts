import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { products } from "@/db/schema";
import { CATALOG_TTL_MS, getActiveProductBySlug, listActiveProducts } from "./queries";

async function setPrice(slug: string, priceIdr: number) {
  const db = await getDb();
  await db.update(products).set({ priceIdr }).where(eq(products.slug, slug));
}

describe("catalog queries (real database)", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("lists the active products in catalog order, without withdrawn ones", async () => {
    const list = await listActiveProducts();
    expect(list.length).toBeGreaterThan(0);
    expect(list.map((p) => p.id)).toEqual([...list.map((p) => p.id)].sort((a, b) => a - b));
    expect(list.some((p) => p.slug === "keris-miniatur-edisi-lama")).toBe(false);
  });

  it("finds an active product by slug and nothing for a withdrawn or unknown one", async () => {
    expect(await getActiveProductBySlug("kopi-gayo-arabika")).toMatchObject({ slug: "kopi-gayo-arabika", name: "Kopi Gayo Arabika 250 g" });
    expect(await getActiveProductBySlug("keris-miniatur-edisi-lama")).toBeUndefined();
    expect(await getActiveProductBySlug("no-such-product")).toBeUndefined();
  });

  it("shows a price change once the cached catalog is older than its time to live", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2031-01-01T00:00:00Z"));
    const before = (await getActiveProductBySlug("teh-melati-premium"))!.priceIdr;
    try {
      await setPrice("teh-melati-premium", before + 1_000);
      vi.setSystemTime(new Date(Date.now() + CATALOG_TTL_MS - 1));
      expect((await getActiveProductBySlug("teh-melati-premium"))!.priceIdr).toBe(before);
      vi.setSystemTime(new Date(Date.now() + 1));
      expect((await getActiveProductBySlug("teh-melati-premium"))!.priceIdr).toBe(before + 1_000);
    } finally {
      await setPrice("teh-melati-premium", before);
    }
  });
});
