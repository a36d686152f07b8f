import { eq, sql } from "drizzle-orm";
import type { Database } from "./index";
import { catalogVersion, categories, products, users } from "./schema";
import { DEMO_CUSTOMER, DEMO_MERCHANT, SEED_CATEGORIES, SEED_PRODUCTS } from "./seed-data";

export interface SeedOptions {
  /** Hashes the demo customer's password the way sign-in checks it (lib/auth/password.ts). */
  hashPassword: (password: string) => Promise<string>;
  /** Puts every seeded product's stock back to its seed value (test databases that are reused between runs). */
  restock?: boolean;
  /** Seeds the demo merchant (console login) too; default true. */
  demoMerchant?: boolean;
}

/** The value the insert would have written for a column: `excluded.<column>` in an upsert. */
const excluded = (column: string) => sql.raw(`excluded.${column}`);

/** The seed's value only where the row has none: what a merchant wrote in the console stays. */
const fillIn = (column: string, empty = "null") => sql.raw(`coalesce(nullif(products.${column}, ${empty}), excluded.${column})`);

/**
 * Idempotent: running it again changes nothing. Existing products keep what the merchant edits in the console
 * (texts, price, stock, weight, category, picture, published or not); a database seeded before the bilingual catalog
 * still gains the English texts, categories, origin and maker it has none of. Every run raises the catalog version,
 * so that running instances show the catalog as it now is. The existing demo customer is left as it is.
 */
export async function seed(db: Database, { hashPassword, restock = false, demoMerchant = true }: SeedOptions): Promise<{ products: number; demoCustomer: boolean; demoMerchant: boolean }> {
  const categoryRows = await db
    .insert(categories)
    .values(SEED_CATEGORIES.map((c, position) => ({ ...c, position })))
    .onConflictDoUpdate({ target: categories.slug, set: { name: excluded("name"), nameEn: excluded("name_en"), position: excluded("position") } })
    .returning({ id: categories.id, slug: categories.slug });
  const categoryId = new Map(categoryRows.map((c) => [c.slug, c.id]));

  const seededProducts = await db
    .insert(products)
    .values(
      SEED_PRODUCTS.map((p) => ({
        slug: p.slug,
        name: p.name,
        nameEn: p.nameEn,
        description: p.description,
        descriptionEn: p.descriptionEn,
        details: p.details,
        detailsEn: p.detailsEn,
        categoryId: categoryId.get(p.category)!,
        origin: p.origin,
        maker: p.maker,
        priceIdr: p.priceIdr,
        weightGrams: p.weightGrams,
        stock: p.stock,
        active: p.active ?? true,
        imagePath: `/products/${p.slug}.svg`,
      })),
    )
    .onConflictDoUpdate({
      target: products.slug,
      set: {
        nameEn: fillIn("name_en"),
        descriptionEn: fillIn("description_en"),
        details: fillIn("details", "'{}'::text[]"),
        detailsEn: fillIn("details_en", "'{}'::text[]"),
        categoryId: fillIn("category_id"),
        origin: fillIn("origin"),
        maker: fillIn("maker"),
      },
    })
    // xmax is 0 on a row this statement inserted, not on one it updated: counts only the new products.
    .returning({ inserted: sql<boolean>`(xmax = 0)` });
  const insertedProducts = seededProducts.filter((row) => row.inserted);

  if (restock) {
    for (const p of SEED_PRODUCTS) await db.update(products).set({ stock: p.stock }).where(eq(products.slug, p.slug));
  }
  await db
    .insert(catalogVersion)
    .values({ id: 1 })
    .onConflictDoUpdate({ target: catalogVersion.id, set: { version: sql`${catalogVersion.version} + 1`, changedAt: sql`now()` } });

  const { password, ...profile } = DEMO_CUSTOMER;
  const insertedUsers = await db
    .insert(users)
    .values({ ...profile, passwordHash: await hashPassword(password) })
    .onConflictDoNothing()
    .returning({ id: users.id });

  let insertedMerchant: unknown[] = [];
  if (demoMerchant) {
    const { password: merchantPassword, ...merchant } = DEMO_MERCHANT;
    insertedMerchant = await db
      .insert(users)
      .values({ ...merchant, passwordHash: await hashPassword(merchantPassword) })
      .onConflictDoNothing()
      .returning({ id: users.id });
  }

  return { products: insertedProducts.length, demoCustomer: insertedUsers.length > 0, demoMerchant: insertedMerchant.length > 0 };
}
