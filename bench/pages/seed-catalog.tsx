import { ProductCard } from "@/components/catalog/product-card";
import { SEED_PRODUCTS } from "@/db/seed-data";

/**
 * The catalog's markup (as app/(shop)/page.tsx renders it) over the seed products, read from code instead of the
 * database. The benchmark-only routes app/bench-static and app/bench-dynamic render it: one prerendered at build
 * time, one per request, so that `npm run bench` can separate the cost of rendering from the cost of the data.
 */
const products = SEED_PRODUCTS.filter((p) => p.active ?? true).map((p, index) => ({
  id: index + 1,
  slug: p.slug,
  name: p.name,
  description: p.description,
  priceIdr: p.priceIdr,
  imagePath: `/products/${p.slug}.svg`,
}));

export function SeedCatalog() {
  return (
    <section aria-labelledby="catalog-heading" className="space-y-6">
      <div>
        <h1 id="catalog-heading" className="text-2xl font-semibold tracking-tight">
          Crafted across the archipelago
        </h1>
        <p className="mt-1 text-stone-600">Coffee, cloth and crafts from Indonesian makers. Pay by card through Finpay.</p>
      </div>
      <ul className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4">
        {products.map((product, index) => (
          <ProductCard key={product.id} product={product} image={index === 0 ? "preload" : index < 4 ? "eager" : "lazy"} />
        ))}
      </ul>
    </section>
  );
}
