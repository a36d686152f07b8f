import { CatalogView } from "@/components/catalog/catalog-view";
import { ProductGrid } from "@/components/catalog/product-card";
import { SEED_PRODUCTS } from "@/db/seed-data";

/**
 * The catalog's markup (CatalogView and its product grid, as app/(shop)/page.tsx renders them) over the seed
 * products, read from code instead of the database. The benchmark-only routes in app/(benchmark-only)/ (bench-static,
 * bench-dynamic) render it: one prerendered at build time, one per request, so that `npm run bench` can separate the
 * cost of rendering from the cost of the data. One page of the catalog, in English, without translations (the
 * prerendered copy has no request to pick a language from).
 */
const products = SEED_PRODUCTS.filter((p) => p.active ?? true)
  .slice(0, 12)
  .map((p, index) => ({ id: index + 1, slug: p.slug, name: p.nameEn, priceIdr: p.priceIdr, imagePath: `/products/${p.slug}.svg` }));

export function SeedCatalog() {
  return (
    <CatalogView title="Crafted across the archipelago" intro="Coffee, food, cloth and crafts from Indonesian makers. Pay by card through Finpay.">
      <ProductGrid products={products} aboveTheFold />
    </CatalogView>
  );
}
