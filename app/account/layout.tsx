import Link from "next/link";

const links = [
  { href: "/account", label: "Profile" },
  { href: "/account/orders", label: "Orders" },
  { href: "/account/cards", label: "Saved cards" },
];

export default function AccountLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="grid gap-8 md:grid-cols-[200px_1fr]">
      <nav aria-label="Account" className="flex gap-2 text-sm md:flex-col">
        {links.map((link) => (
          <Link key={link.href} href={link.href} className="rounded px-3 py-2 hover:bg-stone-100">
            {link.label}
          </Link>
        ))}
      </nav>
      <div>{children}</div>
    </div>
  );
}
