import { connection } from "next/server";
import { ProductCard } from "@/components/catalog/product-card";
import { listActiveProducts } from "@/lib/catalog/queries";

/** Cards per row on the widest layout (lg:grid-cols-4): these are on screen before any scrolling. */
const FIRST_ROW = 4;

export default async function CatalogPage() {
  await connection(); // rendered per request: the build never opens the (single-process) embedded database
  const products = await listActiveProducts();
  return (
    <section aria-labelledby="catalog-heading" className="space-y-6">
      <div>
        <h1 id="catalog-heading" className="text-2xl font-semibold tracking-tight">
          Crafted across the archipelago
        </h1>
        <p className="mt-1 text-stone-600">Coffee, cloth and crafts from Indonesian makers. Pay by card through Finpay.</p>
      </div>
      {products.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 bg-white p-8 text-center text-stone-600">
          The catalog is empty. Run <code>npm run db:seed</code> to add the demo products.
        </p>
      ) : (
        <ul className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4">
          {products.map((product, index) => (
            <ProductCard key={product.id} product={product} image={index === 0 ? "preload" : index < FIRST_ROW ? "eager" : "lazy"} />
          ))}
        </ul>
      )}
    </section>
  );
}
