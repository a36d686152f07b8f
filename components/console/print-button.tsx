"use client";

/** Opens the browser's print dialog (the slips' print stylesheet lays out one A6 page each). */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()} className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">
      {label}
    </button>
  );
}
