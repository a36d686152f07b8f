import type { MessageKeys, NestedKeyOf } from "next-intl";
import type { Messages } from "@/messages";

/**
 * User-facing text that lib code produces without knowing the shopper's language: a catalogue key plus its values,
 * translated at the action (or page) boundary, where the request's language is known (lib/translate.ts). Lib code
 * and its vitest tests deal in keys only; nothing here calls next-intl's request APIs.
 */

/** Every full catalogue key, "namespace.group.key": a misspelt key is a compile error. */
export type MessageKey = MessageKeys<Messages, NestedKeyOf<Messages>>;

/** A value may itself be a translatable text ("Please wait {wait}" with wait = "15 minutes" / "15 menit"). */
export type MessageValues = { [name: string]: string | number | Text };

export type Text = { key: MessageKey; values?: MessageValues };

/**
 * What an action may show: a Text, or a plain string, which is shown as it is (legacy English text from code not yet
 * translated, or a string already translated).
 */
export type Translatable = Text | string;

export const msg = (key: MessageKey, values?: MessageValues): Text => (values ? { key, values } : { key });

/** A catalogue key written where only a string fits (a zod message), still checked by the compiler. */
export const messageKey = (key: MessageKey): string => key;

/** Turns any Translatable into the words to show, in one language. */
export type Translate = (text: Translatable) => string;

/** The parts of next-intl's translator (getTranslations() / createTranslator()) that Translate needs. */
export type CatalogueTranslator = ((...args: never[]) => string) & { has(key: never): boolean };

export function isText(value: unknown): value is Text {
  return typeof value === "object" && value !== null && typeof (value as { key?: unknown }).key === "string";
}

/**
 * A Translate over a next-intl translator. A key the catalogue does not know is shown as it is: schemas and errors
 * of code that still carries English sentences instead of keys keep working unchanged.
 */
export function translatorFrom(t: CatalogueTranslator): Translate {
  const call = t as unknown as { (key: string, values?: Record<string, string | number>): string; has(key: string): boolean };
  const translate: Translate = (text) => {
    if (typeof text === "string") return text;
    if (!call.has(text.key)) return text.key;
    const values: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(text.values ?? {})) values[name] = isText(value) ? translate(value) : value;
    return call(text.key, values);
  };
  return translate;
}
