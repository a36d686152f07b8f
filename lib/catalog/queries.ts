import { and, asc, eq } from "drizzle-orm";
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

export async function listActiveProducts(): Promise<CatalogProduct[]> {
  const db = await getDb();
  return db.select(catalogColumns).from(products).where(eq(products.active, true)).orderBy(asc(products.id));
}

export async function getActiveProductBySlug(slug: string): Promise<CatalogProduct | undefined> {
  const db = await getDb();
  const [row] = await db
    .select(catalogColumns)
    .from(products)
    .where(and(eq(products.slug, slug), eq(products.active, true)))
    .limit(1);
  return row;
}
