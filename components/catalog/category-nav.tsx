import Link from "next/link";

export interface CategoryLinkData {
  slug: string;
  name: string;
  /** "13 produk" */
  count: string;
}

/** The shop's categories as links, the current one marked. */
export function CategoryNav({ heading, categories, current, headingLevel = 2 }: { heading: string; categories: CategoryLinkData[]; current?: string; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <nav aria-labelledby="category-nav-heading" className="space-y-3">
      <Heading id="category-nav-heading" className="text-lg font-semibold">
        {heading}
      </Heading>
      <ul className="flex flex-wrap gap-2">
        {categories.map((category) => (
          <li key={category.slug}>
            <Link
              href={`/categories/${category.slug}`}
              aria-current={category.slug === current ? "page" : undefined}
              className="inline-flex items-baseline gap-2 rounded-full border border-stone-300 bg-white px-4 py-2 text-sm text-stone-800 hover:border-brand-700 hover:text-brand-700 aria-[current=page]:border-brand-700 aria-[current=page]:bg-brand-700 aria-[current=page]:text-white"
            >
              <span className="font-medium">{category.name}</span>
              <span className="text-xs">{category.count}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
