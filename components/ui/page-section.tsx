import type { ReactNode } from "react";

/** A page's main section: its one h1, an optional line of explanation, then the content. */
export function PageSection({ title, intro, children }: { title: ReactNode; intro?: ReactNode; children: ReactNode }) {
  return (
    <section className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        {intro ? <p className="mt-1 text-sm text-stone-600">{intro}</p> : null}
      </div>
      {children}
    </section>
  );
}
