import { readFileSync } from "node:fs";
import { inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { users } from "@/db/schema";
import { DEMO_CUSTOMER, DEMO_MERCHANT, SEED_PRODUCTS } from "@/db/seed-data";

/** What `npm run db:seed` puts in a new database (the test database is seeded the same way), and what README says of it. */
describe("the seed", () => {
  it("gives the demo accounts no saved language: nobody chose one, so a browser's own language is kept at sign-in", async () => {
    const db = await getDb();
    const demo = await db.select({ email: users.email, locale: users.locale }).from(users).where(inArray(users.email, [DEMO_CUSTOMER.email, DEMO_MERCHANT.email]));
    expect(demo.map((row) => row.email).sort()).toEqual([DEMO_CUSTOMER.email, DEMO_MERCHANT.email].sort());
    expect(demo.map((row) => row.locale)).toEqual([null, null]);
  });

  it("README names the number of products db:seed seeds", () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const said = [...readme.matchAll(/seeds (\d+) products/g)].map((match) => Number(match[1]));
    expect(said.length).toBeGreaterThan(0);
    expect(said).toEqual(said.map(() => SEED_PRODUCTS.length));
  });
});
