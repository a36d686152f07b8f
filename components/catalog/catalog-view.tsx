import type { ReactNode } from "react";

/** The catalog page's frame: its one heading and introduction, then the content (the shop's `/`, and the benchmark's copies of it). */
export function CatalogView({ title, intro, children }: { title: string; intro: string; children: ReactNode }) {
  return (
    <section aria-labelledby="catalog-heading" className="space-y-8">
      <div>
        <h1 id="catalog-heading" className="text-2xl font-semibold tracking-tight">
          {title}
        </h1>
        <p className="mt-1 text-stone-600">{intro}</p>
      </div>
      {children}
    </section>
  );
}
