import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/messages";

type Tree = { [key: string]: string | Tree };

/** Every leaf of a catalogue as "namespace.key.sub" → message. */
function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

/** The argument names a message uses, with their kind (plural, number, date, tag or plain), sorted. */
function argumentsOf(message: string): string[] {
  const found = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) found.add(el.value);
      if (el.type === TYPE.plural || el.type === TYPE.select) {
        // A plural in English may be a plain {count} in Indonesian, which has no plural forms: same argument.
        found.add(el.value);
        for (const option of Object.values(el.options)) walk(option.value);
      }
      if (el.type === TYPE.tag) {
        found.add(`<${el.value}>`);
        walk(el.children);
      }
    }
  };
  walk(parse(message));
  return [...found].sort();
}

const catalogues = Object.entries(MESSAGES).map(([locale, tree]) => [locale, leaves(tree as Tree)] as const);
const [reference, ...others] = catalogues;

describe("message catalogues", () => {
  it("have the same keys in every language", () => {
    const [, referenceKeys] = reference!;
    for (const [locale, keys] of others) {
      expect({ locale, missing: [...referenceKeys.keys()].filter((k) => !keys.has(k)) }).toEqual({ locale, missing: [] });
      expect({ locale, extra: [...keys.keys()].filter((k) => !referenceKeys.has(k)) }).toEqual({ locale, extra: [] });
    }
  });

  it("use the same placeholders and tags for each key", () => {
    const [, referenceKeys] = reference!;
    const differences: string[] = [];
    for (const [locale, keys] of others) {
      for (const [key, message] of referenceKeys) {
        const other = keys.get(key);
        if (other === undefined) continue;
        const want = argumentsOf(message).join(",");
        const got = argumentsOf(other).join(",");
        if (want !== got) differences.push(`${locale} ${key}: {${got}} instead of {${want}}`);
      }
    }
    expect(differences).toEqual([]);
  });

  it("have no empty message and parse as ICU messages", () => {
    for (const [locale, keys] of catalogues) {
      for (const [key, message] of keys) {
        expect(message.trim(), `${locale} ${key}`).not.toBe("");
        expect(() => parse(message), `${locale} ${key}`).not.toThrow();
      }
    }
  });

  it("the parity check itself notices a renamed placeholder and a missing key", () => {
    expect(argumentsOf("Cart, {count, plural, one {# item} other {# items}}")).toEqual(argumentsOf("Keranjang, {count} barang"));
    expect(argumentsOf("Halo {name}")).not.toEqual(argumentsOf("Hello {firstName}"));
    expect(argumentsOf("<b>bold</b>")).not.toEqual(argumentsOf("bold"));
    expect([...leaves({ a: { b: "x" } }).keys()]).toEqual(["a.b"]);
  });
});
