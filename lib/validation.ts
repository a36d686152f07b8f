import type { z } from "zod";
import type { MessageValues, Text, Translate } from "./translatable";

export type ParsedForm<T> = { ok: true; data: T } | { ok: false; fieldErrors: Record<string, string>; values: Record<string, string> };

/**
 * One text field of an action's form. A hand-made action request can pass anything in place of the FormData (a
 * number, an object): that is an empty form, not a crash.
 */
export function formValue(formData: unknown, field: string): string | undefined {
  const value = formData instanceof FormData ? formData.get(field) : null;
  return typeof value === "string" ? value : undefined;
}

/**
 * A zod issue as a Text: its message is a catalogue key (see lib/translatable.ts `messageKey`), and its values come
 * from the issue itself ({min} / {max} of a length check, or the `params` of a custom issue), so one schema
 * serves every language.
 */
export function issueText(issue: z.core.$ZodIssue): Text {
  const values: MessageValues = {};
  if (issue.code === "too_small") values.min = Number(issue.minimum);
  if (issue.code === "too_big") values.max = Number(issue.maximum);
  if (issue.code === "custom" && issue.params) {
    for (const [name, value] of Object.entries(issue.params)) if (typeof value === "string" || typeof value === "number") values[name] = value;
  }
  return { key: issue.message as Text["key"], values };
}

/** Without a Translate, a message stays what the schema says (its key, or its literal text). */
const asWritten: Translate = (text) => (typeof text === "string" ? text : text.key);

/**
 * Turns FormData into a typed object, or into the first message of EVERY wrong field plus what was typed.
 * Server actions pass the request's Translate (`await getTranslate()`, lib/translate.ts) so each message reaches the
 * form in the shopper's language; lib code and tests leave it out and see the keys.
 */
export function parseForm<S extends z.ZodType>(schema: S, formData: FormData, fields: readonly string[], translate: Translate = asWritten): ParsedForm<z.output<S>> {
  const values: Record<string, string> = {};
  for (const field of fields) {
    const value = formValue(formData, field);
    if (value !== undefined) values[field] = value;
  }
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const fieldErrors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? "form");
    fieldErrors[key] ??= translate(issueText(issue));
  }
  return { ok: false, fieldErrors, values };
}
