import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb, pickColumns } from "@/lib/db";
import { categories, products, type Category, type Product } from "@/db/schema";

const CATALOG_FIELDS = [
  "id",
  "slug",
  "name",
  "nameEn",
  "description",
  "descriptionEn",
  "details",
  "detailsEn",
  "categoryId",
  "origin",
  "maker",
  "priceIdr",
  "imagePath",
  "weightGrams",
  "stock",
  "createdAt",
] as const;
export type CatalogProduct = Pick<Product, (typeof CATALOG_FIELDS)[number]>;
const catalogColumns = pickColumns(products, CATALOG_FIELDS);

export type CatalogCategory = Category;

export interface Catalog {
  /** In the shop's order (position). */
  categories: CatalogCategory[];
  /** The active products, in catalog order (id). */
  products: CatalogProduct[];
}

/**
 * Every catalog and product page reads the categories and active products, which change rarely, so each server
 * instance keeps them for CATALOG_TTL_MS. Only what is shown comes from here: adding to the cart checks the product
 * (active, stock) in the database, and cart totals and checkout always re-read prices and stock there, so a product
 * changed in the last minute can look stale for that minute but is never sold at a stale price or past its stock.
 * Nothing in this copy is needed by another instance.
 */
export const CATALOG_TTL_MS = 60_000;

let cached: { loadedAt: number; catalog: Promise<Catalog> } | undefined;

async function loadCatalog(): Promise<Catalog> {
  const db = await getDb();
  const [categoryRows, productRows] = await Promise.all([
    db.select().from(categories).orderBy(asc(categories.position), asc(categories.id)),
    db.select(catalogColumns).from(products).where(eq(products.active, true)).orderBy(asc(products.id)),
  ]);
  return { categories: categoryRows, products: productRows };
}

export async function getCatalog(): Promise<Catalog> {
  const now = Date.now();
  if (!cached || now - cached.loadedAt >= CATALOG_TTL_MS) {
    // One load for all requests that arrive while it runs; a failed load is not kept.
    const loading = loadCatalog();
    cached = { loadedAt: now, catalog: loading };
    loading.catch(() => {
      if (cached?.catalog === loading) cached = undefined;
    });
  }
  return cached.catalog;
}

export async function listActiveProducts(): Promise<CatalogProduct[]> {
  return (await getCatalog()).products;
}

export async function listCategories(): Promise<CatalogCategory[]> {
  return (await getCatalog()).categories;
}

export async function getActiveProductBySlug(slug: string): Promise<CatalogProduct | undefined> {
  return (await listActiveProducts()).find((product) => product.slug === slug);
}

export async function getCategoryBySlug(slug: string): Promise<CatalogCategory | undefined> {
  return (await listCategories()).find((category) => category.slug === slug);
}
