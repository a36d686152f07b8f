"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * While a payment is pending (or a card is being fetched), re-render the page from the server every few seconds.
 * `note` says so in the shopper's language (from the server page).
 */
export function LiveRefresh({ everyMs = 3000, note }: { everyMs?: number; note: string }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), everyMs);
    return () => clearInterval(timer);
  }, [router, everyMs]);
  return (
    <p className="text-xs text-stone-600" aria-hidden>
      {note}
    </p>
  );
}
