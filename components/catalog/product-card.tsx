import Image from "next/image";
import Link from "next/link";
import { formatIdr } from "@/lib/money";

export type CardImageLoading = "preload" | "eager" | "lazy";

/** What a card shows, already in the shopper's language. */
export interface ProductCardData {
  id: number;
  slug: string;
  name: string;
  priceIdr: number;
  imagePath: string;
  /** "Habis" / "Tersisa 3": shown over the price when stock is low or gone. */
  stockNote?: { text: string; soldOut: boolean };
}

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

/** The grid's columns (2, 3 from sm, 4 from lg in a 72rem container): what the browser needs to pick a size. */
export const CARD_IMAGE_SIZES = "(min-width: 1024px) 270px, (min-width: 640px) 33vw, 50vw";

export function ProductCard({ product, image = "lazy", headingLevel = 2 }: { product: ProductCardData; image?: CardImageLoading; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <li data-testid="product-card" className="group overflow-hidden rounded-lg border border-stone-200 bg-white shadow-sm transition hover:shadow-md">
      <Link href={`/products/${product.slug}`} className="block focus-visible:outline-offset-[-3px]">
        {/* The name is the card's text right below: the picture adds nothing to read aloud. */}
        <Image src={product.imagePath} alt="" width={400} height={400} sizes={CARD_IMAGE_SIZES} {...imageLoading(image)} className="aspect-square w-full object-cover" />
        <div className="space-y-1 p-4">
          <Heading className="font-medium text-stone-900 group-hover:text-brand-700">{product.name}</Heading>
          <p data-testid="product-card-price" className="text-sm font-semibold text-stone-700">{formatIdr(product.priceIdr)}</p>
          {product.stockNote ? (
            <p className={`text-xs font-medium ${product.stockNote.soldOut ? "text-stone-600" : "text-amber-800"}`}>{product.stockNote.text}</p>
          ) : null}
        </div>
      </Link>
    </li>
  );
}

/** Cards per row on the widest layout (lg:grid-cols-4): these are on screen before any scrolling. */
const FIRST_ROW = 4;

/** A grid of product cards; `aboveTheFold` when it is the first thing on the page, so its first row loads at once. */
export function ProductGrid({ products, aboveTheFold = false, headingLevel = 2 }: { products: ProductCardData[]; aboveTheFold?: boolean; headingLevel?: 2 | 3 }) {
  return (
    <ul className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4">
      {products.map((product, index) => (
        <ProductCard
          key={product.id}
          product={product}
          headingLevel={headingLevel}
          image={aboveTheFold && index === 0 ? "preload" : aboveTheFold && index < FIRST_ROW ? "eager" : "lazy"}
        />
      ))}
    </ul>
  );
}
