import { useTranslations } from "next-intl";
import type { FilterError } from "@/lib/console/filters";
import type { Option } from "./filter-form";

/** Shared pieces of the console's lists: "any" first in a choice, the "filters not applied" note, the empty state, the table. */

export function withAny(anyLabel: string, options: Option[]): Option[] {
  return [{ value: "", label: anyLabel }, ...options];
}

/** The filter errors (`console.validation` keys from lib/console) in the merchant's language, by field, for the form. */
export function worded(errors: Record<string, FilterError>, say: (key: FilterError) => string): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([field, key]) => [field, say(key)]));
}

export function FilterErrors({ errors }: { errors: Record<string, string> }) {
  const t = useTranslations("console.filters");
  if (Object.keys(errors).length === 0) return null;
  return (
    <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      {t("notApplied", { errors: Object.values(errors).join(" ") })}
    </p>
  );
}

export function EmptyList({ children }: { children: React.ReactNode }) {
  return <p className="rounded-lg border border-dashed border-stone-300 bg-white px-4 py-8 text-center text-sm text-stone-600">{children}</p>;
}

export type Column = { label: string; align?: "right" };

/**
 * A list as a table on wide screens; on a phone the header is hidden and each row (the caller's `<tr>`, with
 * `grid grid-cols-2 … md:table-row`) stacks its cells. `caption` names the table for screen readers.
 */
export function ListTable({ caption, columns, children }: { caption: string; columns: Column[]; children: React.ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="hidden border-b border-stone-200 bg-stone-50 text-xs uppercase tracking-wide text-stone-600 md:table-header-group">
          <tr>
            {columns.map((column) => (
              <th key={column.label} scope="col" className={column.align === "right" ? "px-3 py-2 text-right" : "px-3 py-2"}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-200">{children}</tbody>
      </table>
    </div>
  );
}
