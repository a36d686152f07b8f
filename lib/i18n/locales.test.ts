import { describe, expect, it } from "vitest";
import { negotiateLocale, resolveLocale } from "./locales";

describe("locale", () => {
  it("takes the shopper's choice first, then Accept-Language, then Bahasa Indonesia", () => {
    expect(resolveLocale("en", "id-ID,id;q=0.9")).toBe("en");
    expect(resolveLocale(undefined, "en-US,en;q=0.9")).toBe("en");
    expect(resolveLocale("fr", "id-ID")).toBe("id");
    expect(resolveLocale(undefined, undefined)).toBe("id");
    expect(resolveLocale(undefined, "fr-FR,de;q=0.5")).toBe("id");
  });

  it("negotiates by quality, then order, on the primary subtag", () => {
    expect(negotiateLocale("fr;q=1, en;q=0.5, id;q=0.8")).toBe("id");
    expect(negotiateLocale("en-GB, id")).toBe("en");
    expect(negotiateLocale("in-ID")).toBe("id");
    expect(negotiateLocale("id;q=0, en;q=0.1")).toBe("en");
    expect(negotiateLocale("*")).toBeUndefined();
    expect(negotiateLocale("")).toBeUndefined();
  });
});
