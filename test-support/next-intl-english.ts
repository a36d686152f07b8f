import { vi } from "vitest";

/**
 * Server actions translate their answers with next-intl's getTranslations, which needs a Next.js request. Tests that
 * call actions import this module: the translator is next-intl's own (createTranslator) over the real English
 * catalogue, so the English the tests assert is the English a shopper reads.
 */
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("next-intl");
  const { default: messages } = await import("@/messages/en");
  return {
    getLocale: async () => "en",
    getTranslations: async (namespace?: string) => createTranslator({ locale: "en", messages, namespace: namespace as never }),
  };
});
