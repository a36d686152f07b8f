import Link from "next/link";

export type PaginationLabels = { label: string; previous: string; next: string; page: (page: number) => string };

/** Numbered pages with previous and next: plain links (`?page=2`). Nothing is shown for a single page. */
export function Pagination({ labels, page, pageCount, hrefFor }: { labels: PaginationLabels; page: number; pageCount: number; hrefFor: (page: number) => string }) {
  if (pageCount <= 1) return null;
  const link = "rounded-md border border-stone-300 bg-white px-3 py-2 text-sm hover:border-brand-700 hover:text-brand-700";
  const pages = Array.from({ length: pageCount }, (_, index) => index + 1);
  return (
    <nav aria-label={labels.label} className="flex flex-wrap items-center justify-center gap-2">
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} rel="prev" className={link}>
          {labels.previous}
        </Link>
      ) : null}
      <ul className="flex flex-wrap gap-2">
        {pages.map((n) => (
          <li key={n}>
            <Link
              href={hrefFor(n)}
              aria-label={labels.page(n)}
              aria-current={n === page ? "page" : undefined}
              className={`${link} aria-[current=page]:border-stone-900 aria-[current=page]:bg-stone-900 aria-[current=page]:text-white`}
            >
              {n}
            </Link>
          </li>
        ))}
      </ul>
      {page < pageCount ? (
        <Link href={hrefFor(page + 1)} rel="next" className={link}>
          {labels.next}
        </Link>
      ) : null}
    </nav>
  );
}
