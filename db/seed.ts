import { hashPassword } from "../lib/auth/password";
import type { Database } from "./index";
import { products, users } from "./schema";
import { DEMO_CUSTOMER, SEED_PRODUCTS } from "./seed-data";

/** Idempotent: existing products and the existing demo customer are left as they are. */
export async function seed(db: Database): Promise<{ products: number; demoCustomer: boolean }> {
  const insertedProducts = await db
    .insert(products)
    .values(
      SEED_PRODUCTS.map((p) => ({
        slug: p.slug,
        name: p.name,
        description: p.description,
        priceIdr: p.priceIdr,
        active: p.active ?? true,
        imagePath: `/products/${p.slug}.svg`,
      })),
    )
    .onConflictDoNothing({ target: products.slug })
    .returning({ id: products.id });

  const { password, ...profile } = DEMO_CUSTOMER;
  const insertedUsers = await db
    .insert(users)
    .values({ ...profile, passwordHash: await hashPassword(password) })
    .onConflictDoNothing()
    .returning({ id: users.id });

  return { products: insertedProducts.length, demoCustomer: insertedUsers.length > 0 };
}
