import { AddButton } from "./add-button";

/** The same markup on every variant: a page the size of the shop's catalog (24 product cards, one client island each). */
const PRODUCTS = Array.from({ length: 24 }, (_, i) => ({
  slug: `produk-${i + 1}`,
  name: `Produk Nusantara ${i + 1}`,
  origin: ["Aceh Tengah", "Toraja", "Flores", "Bali"][i % 4],
  priceIdr: 25_000 + i * 7_500,
}));

const idr = new Intl.NumberFormat("id-ID", { style: "currency", currency: "IDR", maximumFractionDigits: 0 });

export function Catalog() {
  return (
    <main>
      <h1>Katalog</h1>
      <ul>
        {PRODUCTS.map((p) => (
          <li key={p.slug}>
            <a href={`/products/${p.slug}`}>{p.name}</a>
            <p>{p.origin}</p>
            <p>{idr.format(p.priceIdr)}</p>
            <AddButton name={p.name} />
          </li>
        ))}
      </ul>
    </main>
  );
}
