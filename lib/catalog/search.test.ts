import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { listHref, PAGE_SIZE, parsePage, parseSort } from "./browse";
import { getActiveProductBySlug, getCategoryBySlug } from "./queries";
import { findProducts, searchProductIds, searchWords } from "./search";

async function slugsFor(query: string): Promise<string[]> {
  return (await findProducts({ query, sort: "featured", page: 1 })).items.map((p) => p.slug);
}

describe("catalog search, sorting and paging (real database)", () => {
  beforeAll(async () => {
    await getDb();
  }, 120_000);

  it("finds a product by a word of its Indonesian description", async () => {
    const coffee = (await getActiveProductBySlug("kopi-gayo-arabika"))!;
    // "dataran" (highlands) is only in the Indonesian text: the English one cannot be what matched.
    expect(coffee.description).toContain("dataran");
    expect(`${coffee.nameEn} ${coffee.descriptionEn}`.toLowerCase()).not.toContain("dataran");
    expect(await slugsFor("dataran")).toEqual(["kopi-gayo-arabika"]);
  });

  it("finds a product by an English word, in any case, and by the start of a word", async () => {
    const puppet = (await getActiveProductBySlug("wayang-kulit-arjuna"))!;
    expect(`${puppet.name} ${puppet.description}`.toLowerCase()).not.toContain("puppet");
    expect(await slugsFor("Puppet")).toEqual(["wayang-kulit-arjuna"]);
    expect(await slugsFor("shadow pup")).toEqual(["wayang-kulit-arjuna"]);
    expect(await slugsFor("kop")).toEqual(expect.arrayContaining(["kopi-gayo-arabika", "kopi-toraja-sapan", "kopi-kintamani-bali"]));
  });

  it("needs every word of the query, and never shows a withdrawn product", async () => {
    expect(await slugsFor("kopi bali")).toEqual(["kopi-kintamani-bali"]);
    expect(await slugsFor("keris")).toEqual([]);
    expect(await slugsFor("zzzz-nothing")).toEqual([]);
  });

  it("treats an empty query as no search and symbols as nothing to find, safely", async () => {
    expect(searchWords("  Kopi, GAYO!  kopi ")).toEqual(["kopi", "gayo"]);
    expect(await searchProductIds("")).toEqual([]);
    expect(await searchProductIds("&|!:*'()")).toEqual([]);
    expect(await searchProductIds("kopi:* | !teh")).toEqual(await searchProductIds("kopi teh"));
    const all = await findProducts({ query: "   ", sort: "featured", page: 1 });
    expect(all.total).toBeGreaterThanOrEqual(30);
    expect((await findProducts({ query: "%%", sort: "featured", page: 1 })).total).toBe(0);
  });

  it("sorts by price both ways and by newest, ties in catalog order", async () => {
    const up = (await findProducts({ categorySlug: "makanan", sort: "price-asc", page: 1 })).items.map((p) => p.priceIdr);
    expect(up).toEqual([...up].sort((a, b) => a - b));
    const down = (await findProducts({ categorySlug: "makanan", sort: "price-desc", page: 1 })).items.map((p) => p.priceIdr);
    expect(down).toEqual([...down].sort((a, b) => b - a));
    expect(down[0]).toBeGreaterThan(down.at(-1)!);
    const newest = (await findProducts({ sort: "newest", page: 1 })).items;
    for (let i = 1; i < newest.length; i++) {
      const [a, b] = [newest[i - 1]!, newest[i]!];
      expect(a.createdAt.getTime() > b.createdAt.getTime() || (a.createdAt.getTime() === b.createdAt.getTime() && a.id > b.id)).toBe(true);
    }
    const found = (await findProducts({ query: "kopi", sort: "price-desc", page: 1 })).items.map((p) => p.priceIdr);
    expect(found).toEqual([...found].sort((a, b) => b - a));
  });

  it("filters by category and pages by twelve, a page past the end showing the last", async () => {
    const food = (await getCategoryBySlug("makanan"))!;
    const first = await findProducts({ categorySlug: "makanan", sort: "featured", page: 1 });
    expect(first.category?.id).toBe(food.id);
    expect(first.total).toBeGreaterThan(PAGE_SIZE);
    expect(first.items).toHaveLength(PAGE_SIZE);
    expect(first.pageCount).toBe(Math.ceil(first.total / PAGE_SIZE));
    const second = await findProducts({ categorySlug: "makanan", sort: "featured", page: 2 });
    expect(second.page).toBe(2);
    expect(second.items).toHaveLength(first.total - PAGE_SIZE);
    const all = [...first.items, ...second.items];
    expect(new Set(all.map((p) => p.id)).size).toBe(first.total);
    expect(all.every((p) => p.categoryId === food.id)).toBe(true);
    expect((await findProducts({ categorySlug: "makanan", sort: "featured", page: 99 })).page).toBe(first.pageCount);
    expect(await findProducts({ categorySlug: "no-such-category", sort: "featured", page: 1 })).toMatchObject({ total: 0, category: undefined });
    // A search inside a category keeps to it.
    expect((await findProducts({ query: "bali", categorySlug: "makanan", sort: "featured", page: 1 })).items.map((p) => p.slug)).toEqual(["cokelat-bali-70"]);
  });

  it("reads sort and page from the address, ignoring what it does not know", () => {
    expect(parseSort("price-asc")).toBe("price-asc");
    expect(parseSort(["newest", "price-asc"])).toBe("newest");
    expect(parseSort("cheapest")).toBe("featured");
    expect(parsePage("2")).toBe(2);
    expect([parsePage(undefined), parsePage("0"), parsePage("-1"), parsePage("2.5"), parsePage("abc")]).toEqual([1, 1, 1, 1, 1]);
    expect(listHref("/categories/makanan", { sort: "featured", page: 1 })).toBe("/categories/makanan");
    expect(listHref("/search", { query: "kopi gayo", sort: "price-asc", page: 2 })).toBe("/search?q=kopi+gayo&sort=price-asc&page=2");
  });
});
