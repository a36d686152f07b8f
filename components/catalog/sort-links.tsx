import Link from "next/link";

export interface SortOption {
  label: string;
  href: string;
  current: boolean;
}

/** Sorting as links (`?sort=price-asc`): no JavaScript needed, and the choice stays in the address. */
export function SortLinks({ label, options }: { label: string; options: SortOption[] }) {
  return (
    <nav aria-label={label} className="flex flex-wrap items-center gap-2 text-sm">
      <span aria-hidden="true" className="text-stone-600">
        {label}:
      </span>
      <ul className="flex flex-wrap gap-1">
        {options.map((option) => (
          <li key={option.href}>
            <Link
              href={option.href}
              aria-current={option.current ? "true" : undefined}
              className="rounded-md px-2 py-1 text-stone-700 hover:bg-stone-100 hover:text-brand-700 aria-[current=true]:bg-stone-900 aria-[current=true]:text-white"
            >
              {option.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
