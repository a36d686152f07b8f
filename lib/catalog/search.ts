import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { productSearchDocument, products } from "@/db/schema";
import { paginate, sortProducts, type Page, type Sort } from "./browse";
import { getCatalog, type CatalogCategory, type CatalogProduct } from "./queries";

/** Longest query we look at; the rest of a pasted paragraph is ignored. */
const MAX_QUERY_WORDS = 8;
const MAX_WORD_LENGTH = 40;

/**
 * The words of a search query, lowercased: letters and digits only, so nothing the shopper types can reach the
 * tsquery syntax (&, |, !, :, quotes).
 */
export function searchWords(query: string): string[] {
  const words = query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words.map((word) => word.slice(0, MAX_WORD_LENGTH)))].slice(0, MAX_QUERY_WORDS);
}

/**
 * Ids of the active products whose name or description, in Bahasa Indonesia or English, has every word of the query
 * (each as a word prefix: "kop" finds "kopi"), best match first. PostgreSQL full-text search with the 'simple'
 * configuration, the same expression as the products_search_idx index; works on PGlite as on Postgres.
 */
export async function searchProductIds(query: string): Promise<number[]> {
  const words = searchWords(query);
  if (words.length === 0) return [];
  const tsquery = words.map((word) => `${word}:*`).join(" & ");
  const document = productSearchDocument(products);
  const match = sql`to_tsquery('simple', ${tsquery})`;
  const db = await getDb();
  const rows = await db
    .select({ id: products.id })
    .from(products)
    .where(and(eq(products.active, true), sql`${document} @@ ${match}`))
    .orderBy(sql`ts_rank(${document}, ${match}) desc`, products.id);
  return rows.map((row) => row.id);
}

export interface ProductQuery {
  /** Free text; blank means no search (the whole catalog or category). */
  query?: string;
  categorySlug?: string;
  sort: Sort;
  page: number;
}

export interface ProductListing extends Page<CatalogProduct> {
  /** The category asked for, when it exists. */
  category?: CatalogCategory;
}

/**
 * One page of the catalog, a category or a search. Browsing reads the cached catalog; a search asks the database
 * which products match and keeps those that are in the catalog, in relevance order for "featured".
 */
export async function findProducts({ query = "", categorySlug, sort, page }: ProductQuery): Promise<ProductListing> {
  const catalog = await getCatalog();
  const category = categorySlug ? catalog.categories.find((c) => c.slug === categorySlug) : undefined;
  let items = catalog.products;
  if (categorySlug) items = category ? items.filter((p) => p.categoryId === category.id) : [];
  if (query.trim()) {
    const byId = new Map(items.map((p) => [p.id, p]));
    items = (await searchProductIds(query)).flatMap((id) => byId.get(id) ?? []);
  }
  return { ...paginate(sortProducts(items, sort), page), category };
}
