import type { z } from "zod";

export type ParsedForm<T> = { ok: true; data: T } | { ok: false; fieldErrors: Record<string, string>; values: Record<string, string> };

/** Turns FormData into a typed object, or into the first message per field plus what was typed. */
export function parseForm<S extends z.ZodType>(schema: S, formData: FormData, fields: readonly string[]): ParsedForm<z.output<S>> {
  const values: Record<string, string> = {};
  for (const field of fields) {
    const value = formData.get(field);
    if (typeof value === "string") values[field] = value;
  }
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const fieldErrors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? "form");
    fieldErrors[key] ??= issue.message;
  }
  return { ok: false, fieldErrors, values };
}
