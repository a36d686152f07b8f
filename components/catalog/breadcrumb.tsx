import Link from "next/link";

/**
 * Where the page sits in the catalog: links up to the current page, which is named but not linked. The product page
 * leaves `current` out: its heading right below already names it.
 */
export function Breadcrumb({ label, trail, current }: { label: string; trail: { href: string; name: string }[]; current?: string }) {
  return (
    <nav aria-label={label} className="text-sm text-stone-600">
      <ol className="flex flex-wrap items-center gap-1">
        {trail.map((step, index) => (
          <li key={step.href} className="flex items-center gap-1">
            {index > 0 ? <span aria-hidden="true">›</span> : null}
            <Link href={step.href} className="text-brand-700 hover:underline">
              {step.name}
            </Link>
          </li>
        ))}
        {current ? (
          <li aria-current="page" className="flex items-center gap-1 text-stone-700">
            <span aria-hidden="true">›</span>
            {current}
          </li>
        ) : null}
      </ol>
    </nav>
  );
}
