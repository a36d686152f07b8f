import Link from "next/link";

export default function NotFound() {
  return (
    <section className="mx-auto max-w-md space-y-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="text-stone-600">We could not find what you were looking for. It may have been removed or the address may be mistyped.</p>
      <Link href="/" className="inline-block rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">
        Browse the catalog
      </Link>
    </section>
  );
}
