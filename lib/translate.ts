import "server-only";
import { getTranslations } from "next-intl/server";
import { translatorFrom, type Translate } from "./translatable";

/**
 * The request's Translate (cookie NEXT_LOCALE, else Accept-Language, else Bahasa Indonesia), for server actions and
 * pages: `const tr = await getTranslate(); parseForm(schema, formData, fields, tr); errorState(tr(error.text))`.
 */
export async function getTranslate(): Promise<Translate> {
  return translatorFrom(await getTranslations());
}
