import Image from "next/image";
import Link from "next/link";
import type { CatalogProduct } from "@/lib/catalog/queries";
import { formatIdr } from "@/lib/money";

export type CardImageLoading = "preload" | "eager" | "lazy";

/**
 * How the card's picture loads. The catalog's first row is on screen before any scrolling and its first picture is
 * the page's largest paint (Lighthouse, `npm run bench`): "preload" for that one, requested from the document's head
 * before the scripts, "eager" for the rest of the row, "lazy" below it.
 */
function imageLoading(mode: CardImageLoading) {
  if (mode === "preload") return { preload: true };
  if (mode === "eager") return { loading: "eager", fetchPriority: "high" } as const;
  return { loading: "lazy" } as const;
}

export function ProductCard({ product, image = "lazy" }: { product: CatalogProduct; image?: CardImageLoading }) {
  return (
    <li className="group overflow-hidden rounded-lg border border-stone-200 bg-white shadow-sm transition hover:shadow-md">
      <Link href={`/products/${product.slug}`} className="block focus-visible:outline-offset-[-3px]">
        <Image
          src={product.imagePath}
          alt=""
          width={400}
          height={400}
          {...imageLoading(image)}
          className="aspect-square w-full object-cover"
        />
        <div className="space-y-1 p-4">
          <h2 className="font-medium text-stone-900 group-hover:text-brand-700">{product.name}</h2>
          <p className="text-sm font-semibold text-stone-700">{formatIdr(product.priceIdr)}</p>
        </div>
      </Link>
    </li>
  );
}
