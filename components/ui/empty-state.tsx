import Link from "next/link";
import type { ReactNode } from "react";

/** What a list page shows when it has nothing to list, with an optional way on ("Browse the catalog"). */
export function EmptyState({ children, link }: { children: ReactNode; link?: { href: string; label: string } }) {
  return (
    <div className="rounded-lg border border-dashed border-stone-300 bg-white p-10 text-center">
      <p className="text-stone-700">{children}</p>
      {link ? (
        <Link href={link.href} className="mt-4 inline-block rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">
          {link.label}
        </Link>
      ) : null}
    </div>
  );
}

