"use client";
import { useState } from "react";

/** Counts its clicks: a page whose scripts were blocked never hydrates, so the count stays 0. */
export function AddButton({ name }: { name: string }) {
  const [count, setCount] = useState(0);
  return (
    <button type="button" aria-label={`Tambah ${name}`} onClick={() => setCount(count + 1)}>
      Tambah ({count})
    </button>
  );
}
