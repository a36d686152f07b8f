import Link from "next/link";

export default function AccountLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="grid gap-8 md:grid-cols-[200px_1fr]">
      <nav aria-label="Account" className="flex gap-2 text-sm md:flex-col">
        <Link href="/account" className="rounded px-3 py-2 hover:bg-stone-100">
          Profile
        </Link>
      </nav>
      <div>{children}</div>
    </div>
  );
}
