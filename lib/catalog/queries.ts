import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { products, type Product } from "@/db/schema";

export type CatalogProduct = Pick<Product, "id" | "slug" | "name" | "description" | "priceIdr" | "imagePath">;

const catalogColumns = {
  id: products.id,
  slug: products.slug,
  name: products.name,
  description: products.description,
  priceIdr: products.priceIdr,
  imagePath: products.imagePath,
};

/**
 * Every catalog and product page reads the active products, which change rarely, so each server instance keeps them
 * for CATALOG_TTL_MS. Only what is shown comes from here: adding to the cart checks the product in the database,
 * and cart totals and checkout always re-read prices there, so a product changed in the last minute can look stale
 * for that minute but is never sold at a stale price. Nothing in this copy is needed by another instance.
 */
export const CATALOG_TTL_MS = 60_000;

let cached: { loadedAt: number; products: Promise<CatalogProduct[]> } | undefined;

async function loadActiveProducts(): Promise<CatalogProduct[]> {
  const db = await getDb();
  return db.select(catalogColumns).from(products).where(eq(products.active, true)).orderBy(asc(products.id));
}

export async function listActiveProducts(): Promise<CatalogProduct[]> {
  const now = Date.now();
  if (!cached || now - cached.loadedAt >= CATALOG_TTL_MS) {
    // One load for all requests that arrive while it runs; a failed load is not kept.
    const loading = loadActiveProducts();
    cached = { loadedAt: now, products: loading };
    loading.catch(() => {
      if (cached?.products === loading) cached = undefined;
    });
  }
  return cached.products;
}

export async function getActiveProductBySlug(slug: string): Promise<CatalogProduct | undefined> {
  return (await listActiveProducts()).find((product) => product.slug === slug);
}
