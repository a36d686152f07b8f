"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** The console's words, from its server layout (client components get their words as props). */
export type ConsoleNavLabels = { nav: string; overview: string; orders: string; callbacks: string; products: string };

const LINKS = [
  { href: "/console", label: "overview" },
  { href: "/console/orders", label: "orders" },
  { href: "/console/products", label: "products" },
  { href: "/console/callbacks", label: "callbacks" },
] as const;

export function ConsoleNav({ labels }: { labels: ConsoleNavLabels }) {
  const pathname = usePathname();
  return (
    <nav aria-label={labels.nav} className="flex flex-wrap gap-1 border-b border-stone-200 pb-2 text-sm">
      {LINKS.map(({ href, label }) => {
        const current = href === "/console" ? pathname === href : pathname.startsWith(href);
        return (
          <Link
            key={href}
            href={href}
            aria-current={current ? "page" : undefined}
            className={`rounded-md px-3 py-1.5 font-medium ${current ? "bg-brand-700 text-white" : "text-stone-700 hover:bg-stone-100"}`}
          >
            {labels[label]}
          </Link>
        );
      })}
    </nav>
  );
}
