import "server-only";
import { getTranslations } from "next-intl/server";
import { PRODUCT_FIELDS, PRODUCT_LIMITS } from "@/lib/catalog/admin-limits";
import { PICTURE_RULES } from "@/lib/media/picture";
import type { ProductFormLabels } from "./product-form";
import type { PictureFormLabels } from "./picture-form";

/** The client forms' words, in the merchant's language (client components get their words as props). */

export async function productFormLabels(mode: "create" | "edit"): Promise<ProductFormLabels> {
  const t = await getTranslations("consoleCatalog");
  return {
    fields: Object.fromEntries(PRODUCT_FIELDS.map((field) => [field, t(`fields.${field}`)])) as ProductFormLabels["fields"],
    hints: {
      price: t("edit.priceHint"),
      stock: t("edit.stockHint"),
      weight: t("edit.weightHint"),
      details: t("edit.detailsHint", { max: PRODUCT_LIMITS.detailsMaxLines }),
      nameEn: t("edit.englishHint"),
      detailsEn: t("edit.detailsHint", { max: PRODUCT_LIMITS.detailsMaxLines }),
      origin: t("edit.originHint"),
      maker: t("edit.makerHint"),
    },
    sections: { sale: t("edit.sectionSale"), indonesian: t("edit.sectionIndonesian"), english: t("edit.sectionEnglish"), about: t("edit.sectionAbout") },
    chooseCategory: t("edit.chooseCategory"),
    submit: mode === "create" ? t("edit.create") : t("edit.save"),
    pending: mode === "create" ? t("edit.creating") : t("edit.saving"),
  };
}

export async function pictureFormLabels(): Promise<PictureFormLabels> {
  const t = await getTranslations("consoleCatalog.picture");
  const maxMb = PICTURE_RULES.maxBytes / (1024 * 1024);
  return {
    current: t("current"),
    none: t("none"),
    label: t("label"),
    hint: t("hint", { maxMb, minSide: PICTURE_RULES.minSide, maxSide: PICTURE_RULES.maxSide }),
    upload: t("upload"),
    uploading: t("uploading"),
    missing: t("missing"),
    tooLarge: t("tooLarge", { maxMb }),
    failed: t("failed"),
  };
}
