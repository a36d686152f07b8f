"use client";

import { useEffect, useState } from "react";

function format(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}`;
}

/** Time left on Finpay's payment link; `expiredLabel` in the shopper's language, from the order page. */
export function Countdown({ expiresAt, expiredLabel }: { expiresAt: string; expiredLabel: string }) {
  const end = new Date(expiresAt).getTime();
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    const tick = () => setNow(Date.now());
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, []);
  const left = now === null ? null : end - now;
  return (
    <span role="timer" aria-live="off" data-testid="link-countdown" className="font-mono tabular-nums">
      {left === null ? "--:--:--" : left > 0 ? format(left) : expiredLabel}
    </span>
  );
}
