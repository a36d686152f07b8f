"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** While a payment is pending, re-render the page from the server every few seconds until it is final. */
export function LiveRefresh({ everyMs = 3000 }: { everyMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), everyMs);
    return () => clearInterval(timer);
  }, [router, everyMs]);
  return (
    <p className="text-xs text-stone-600" aria-hidden>
      This page updates by itself while the payment is pending.
    </p>
  );
}
