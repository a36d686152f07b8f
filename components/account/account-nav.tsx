"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export type AccountNavLink = { href: string; label: string };

/** The account sidebar; the page shown is marked for screen readers (aria-current) and by sight. */
export function AccountNav({ label, links }: { label: string; links: AccountNavLink[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="flex flex-wrap gap-2 text-sm md:flex-col">
      {links.map((link) => {
        const current = pathname === link.href;
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={current ? "page" : undefined}
            className="rounded border-l-4 border-transparent px-3 py-2 hover:bg-stone-100 aria-[current=page]:border-brand-700 aria-[current=page]:bg-brand-50 aria-[current=page]:font-semibold aria-[current=page]:text-brand-800"
          >
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}
