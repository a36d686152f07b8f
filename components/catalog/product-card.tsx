import Image from "next/image";
import Link from "next/link";
import type { CatalogProduct } from "@/lib/catalog/queries";
import { formatIdr } from "@/lib/money";

export function ProductCard({ product }: { product: CatalogProduct }) {
  return (
    <li className="group overflow-hidden rounded-lg border border-stone-200 bg-white shadow-sm transition hover:shadow-md">
      <Link href={`/products/${product.slug}`} className="block focus-visible:outline-offset-[-3px]">
        <Image src={product.imagePath} alt="" width={400} height={400} className="aspect-square w-full object-cover" />
        <div className="space-y-1 p-4">
          <h2 className="font-medium text-stone-900 group-hover:text-brand-700">{product.name}</h2>
          <p className="text-sm font-semibold text-stone-700">{formatIdr(product.priceIdr)}</p>
        </div>
      </Link>
    </li>
  );
}
