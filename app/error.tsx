"use client";

import { useSyncExternalStore } from "react";
import en from "@/messages/en/errorPage.json";
import id from "@/messages/id/errorPage.json";

// An error boundary is a client component rendered outside next-intl's server context: it carries its own few words
// in both languages (not the whole catalogue) and picks them by the page's <html lang>.
const TEXTS = { id, en };
const pageLocale = () => (document.documentElement.lang === "en" ? "en" : "id");
const noSubscription = () => () => {};

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = TEXTS[useSyncExternalStore(noSubscription, pageLocale, () => "id" as const)];
  return (
    <section role="alert" className="mx-auto max-w-md space-y-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">{t.title}</h1>
      <p className="text-stone-600">{t.body}</p>
      <button type="button" onClick={reset} className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">
        {t.retry}
      </button>
    </section>
  );
}
