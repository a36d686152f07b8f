import type { Locale } from "@/lib/i18n/locales";

/**
 * The catalog is written in Bahasa Indonesia (name, description, details) with English beside it (*En). A shopper
 * reading English sees the English text, or the Indonesian one where no translation was written.
 */
type Bilingual = {
  name: string;
  nameEn: string | null;
  description?: string;
  descriptionEn?: string | null;
  details?: string[];
  detailsEn?: string[];
};

export interface LocalizedTexts {
  name: string;
  description: string;
  details: string[];
}

export function localized(item: Bilingual, locale: Locale): LocalizedTexts {
  const english = locale === "en";
  return {
    name: (english && item.nameEn) || item.name,
    description: (english && item.descriptionEn) || item.description || "",
    details: english && item.detailsEn && item.detailsEn.length > 0 ? item.detailsEn : (item.details ?? []),
  };
}

/** Just the name, in the shopper's language (category names too). */
export function localizedName(item: { name: string; nameEn: string | null }, locale: Locale): string {
  return (locale === "en" && item.nameEn) || item.name;
}
