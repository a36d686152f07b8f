import type { Metadata } from "next";
import Image from "next/image";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AddToCartForm } from "@/components/cart/add-to-cart-form";
import { getActiveProductBySlug } from "@/lib/catalog/queries";
import { formatIdr } from "@/lib/money";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const product = await getActiveProductBySlug((await params).slug);
  return { title: product?.name ?? "Product not found" };
}

export default async function ProductPage({ params }: Props) {
  const product = await getActiveProductBySlug((await params).slug);
  if (!product) notFound();
  return (
    <article className="grid gap-8 md:grid-cols-2">
      <Image src={product.imagePath} alt={product.name} width={600} height={600} priority className="w-full rounded-lg border border-stone-200" />
      <div className="space-y-4">
        <Link href="/" className="text-sm text-brand-700 hover:underline">
          ← Back to catalog
        </Link>
        <h1 className="text-3xl font-semibold tracking-tight">{product.name}</h1>
        <p className="text-2xl font-semibold text-stone-800">{formatIdr(product.priceIdr)}</p>
        <p className="leading-relaxed text-stone-700">{product.description}</p>
        <AddToCartForm productId={product.id} />
      </div>
    </article>
  );
}
