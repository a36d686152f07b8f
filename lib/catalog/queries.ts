import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb, pickColumns } from "@/lib/db";
import { categories, products, type Category, type Product } from "@/db/schema";
import { readCatalogVersion } from "./version";

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
 * instance keeps them in memory, labelled with the catalog version they were read at. Every page view first reads
 * that version (one row by primary key, lib/catalog/version.ts): every change made in the console raises it in
 * its own transaction, so a change made through any instance shows on every instance's next page, and an unchanged
 * catalog costs one tiny read instead of two list queries. Measured in bench/catalog/version-check.ts (README,
 * "Catalog from the console"). Adding to the cart, cart totals and checkout re-read prices and stock in the
 * database anyway: nothing is ever sold from this copy.
 */
let cached: { version: number; catalog: Promise<Catalog> } | undefined;

async function loadCatalog(): Promise<Catalog> {
  const db = await getDb();
  const [categoryRows, productRows] = await Promise.all([
    db.select().from(categories).orderBy(asc(categories.position), asc(categories.id)),
    db.select(catalogColumns).from(products).where(eq(products.active, true)).orderBy(asc(products.id)),
  ]);
  return { categories: categoryRows, products: productRows };
}

export async function getCatalog(): Promise<Catalog> {
  // The version is read before the rows: rows read after it are at least as new as its label says, so a change
  // committed in between is loaded again on the next view, never missed.
  const version = await readCatalogVersion();
  if (!cached || cached.version !== version) {
    // One load for all requests that arrive while it runs; a failed load is not kept.
    const loading = loadCatalog();
    cached = { version, catalog: loading };
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
