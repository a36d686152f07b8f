"use client";

import Form from "next/form";
import { SubmitButton } from "@/components/ui/submit-button";

export type Option = { value: string; label: string };
/** The form's own words, from the server page (client components get their words as props). */
export type FilterFormLabels = { apply: string; applying: string; clear: string };
export type FilterField =
  | { kind: "text"; name: string; label: string; placeholder?: string; hint?: string }
  | { kind: "date"; name: string; label: string }
  | { kind: "select"; name: string; label: string; options: Option[] };

/**
 * A GET form for list filters: the filters live in the address (bookmarkable, exportable). next/form navigates
 * on the client, so the button shows that the list is loading. Field labels and errors arrive already translated.
 */
export function FilterForm({ action, fields, values, errors, labels }: { action: string; fields: FilterField[]; values: Record<string, string>; errors: Record<string, string>; labels: FilterFormLabels }) {
  return (
    <Form action={action} className="grid gap-3 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4">
      {fields.map((field) => {
        const id = `filter-${field.name}`;
        const error = errors[field.name];
        const describedBy = [field.kind === "text" && field.hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
        const common = {
          id,
          name: field.name,
          defaultValue: values[field.name] ?? "",
          "aria-invalid": error ? true : undefined,
          "aria-describedby": describedBy,
          className: "w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-sm text-stone-900 aria-[invalid]:border-red-600 aria-[invalid]:bg-red-50",
        } as const;
        return (
          <div key={field.name} className={`space-y-1 ${field.kind === "text" ? "sm:col-span-2" : ""}`}>
            <label htmlFor={id} className="block text-sm font-medium text-stone-800">
              {field.label}
            </label>
            {field.kind === "select" ? (
              <select {...common}>
                {field.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            ) : (
              <input {...common} type={field.kind === "date" ? "date" : "search"} placeholder={field.kind === "text" ? field.placeholder : undefined} maxLength={100} />
            )}
            {field.kind === "text" && field.hint ? <p id={`${id}-hint`} className="text-xs text-stone-600">{field.hint}</p> : null}
            {error ? <p id={`${id}-error`} className="text-sm text-red-700">{error}</p> : null}
          </div>
        );
      })}
      <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-4">
        <SubmitButton pendingLabel={labels.applying}>{labels.apply}</SubmitButton>
        <a href={action} className="rounded-md px-3 py-2 text-sm text-brand-700 hover:underline">
          {labels.clear}
        </a>
      </div>
    </Form>
  );
}
