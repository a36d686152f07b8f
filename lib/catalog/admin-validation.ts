import { z } from "zod";
import { formatIdr, parseRupiah } from "@/lib/money";
import { messageKey as k, msg, type MessageKey, type Text } from "@/lib/translatable";
import { formValue } from "@/lib/validation";
import { PRODUCT_FIELDS, PRODUCT_LIMITS, type ProductField } from "./admin-limits";

export { PRODUCT_FIELDS, PRODUCT_LIMITS, type ProductField };

/**
 * The product form of the console (create and edit): what the merchant may type, read the way people write it
 * ("Rp 150.000", "1.250 g"). Every wrong field is named at once; messages are `consoleCatalog.validation` keys with
 * the field's own label as {field}.
 */

const V = (key: string) => k(`consoleCatalog.validation.${key}` as MessageKey);

const required = (max: number) => z.string().trim().min(1, V("required")).max(max, V("tooLong"));
/** English texts may stay empty: the shop then shows the Indonesian one (lib/catalog/localized.ts). */
const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, V("tooLong"))
    .transform((v) => v || null);

const lines = z
  .string()
  .transform((v) =>
    v
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean),
  )
  .superRefine((list, ctx) => {
    if (list.length > PRODUCT_LIMITS.detailsMaxLines) ctx.addIssue({ code: "custom", message: V("detailsTooMany"), params: { max: PRODUCT_LIMITS.detailsMaxLines } });
    else if (list.some((line) => line.length > PRODUCT_LIMITS.detailMax)) ctx.addIssue({ code: "custom", message: V("detailTooLong"), params: { max: PRODUCT_LIMITS.detailMax } });
  });

/** A whole number as people type it: "150.000", "150 000", optionally with a unit ("Rp", "g") around it. */
function wholeNumber({ unit, format, range, min, max }: { unit?: RegExp; format: string; range: string; min: number; max: number }) {
  return z
    .string()
    .trim()
    .transform((v) => (unit ? v.replace(unit, "") : v).replace(/[\s\u00a0]/g, " ").trim())
    // Thousands grouped by dots or spaces only in threes: "1.200" is 1200, "1.5" is refused, never read as 15.
    .pipe(z.string().regex(/^(?:\d{1,9}|\d{1,3}(?:[. ]\d{3}){1,2})$/, V(format)).transform((v) => Number(v.replace(/[. ]/g, ""))))
    .refine((v) => v >= min && v <= max, { message: V(range), params: { max } });
}

export const productSchema = z.object({
  name: required(PRODUCT_LIMITS.nameMax),
  description: required(PRODUCT_LIMITS.descriptionMax),
  details: lines,
  nameEn: optional(PRODUCT_LIMITS.nameMax),
  descriptionEn: optional(PRODUCT_LIMITS.descriptionMax),
  detailsEn: lines,
  categoryId: z.string().regex(/^\d{1,9}$/, V("category")).transform(Number),
  origin: optional(PRODUCT_LIMITS.placeMax),
  maker: optional(PRODUCT_LIMITS.placeMax),
  // Rupiah are read in one place (lib/money.ts): "1.5" or "150.000,50" is refused, never read as thousands.
  priceIdr: z
    .string()
    .transform((value, ctx) => {
      const read = parseRupiah(value);
      if (read.ok) return read.amount;
      ctx.addIssue({ code: "custom", message: V("priceFormat") });
      return z.NEVER;
    })
    .refine((v) => v >= PRODUCT_LIMITS.minPriceIdr && v <= PRODUCT_LIMITS.maxPriceIdr, {
      message: V("priceRange"),
      params: { min: formatIdr(PRODUCT_LIMITS.minPriceIdr), max: formatIdr(PRODUCT_LIMITS.maxPriceIdr) },
    }),
  stock: wholeNumber({ format: "stockFormat", range: "stockRange", min: 0, max: PRODUCT_LIMITS.maxStock }),
  weightGrams: wholeNumber({ unit: /\s*(g|gr|gram)$/i, format: "weightFormat", range: "weightRange", min: 1, max: PRODUCT_LIMITS.maxWeightGrams }),
});
export type ProductInput = z.output<typeof productSchema>;

/** The form's names for the schema's keys (the form says "price"; the product says priceIdr). */
const FORM_NAME: Record<keyof ProductInput, ProductField> = {
  name: "name",
  description: "description",
  details: "details",
  nameEn: "nameEn",
  descriptionEn: "descriptionEn",
  detailsEn: "detailsEn",
  categoryId: "categoryId",
  origin: "origin",
  maker: "maker",
  priceIdr: "price",
  stock: "stock",
  weightGrams: "weight",
};

export type ParsedProduct = { ok: true; data: ProductInput; values: Record<ProductField, string> } | { ok: false; errors: Partial<Record<ProductField, Text>>; values: Record<ProductField, string> };

/** Reads the product form: the typed input, or a message for every wrong field; and always what was typed. */
export function parseProductForm(formData: FormData): ParsedProduct {
  const values = Object.fromEntries(PRODUCT_FIELDS.map((field) => [field, (formValue(formData, field) ?? "").slice(0, 5_000)])) as Record<ProductField, string>;
  const result = productSchema.safeParse({
    ...values,
    priceIdr: values.price,
    weightGrams: values.weight,
  });
  if (result.success) return { ok: true, data: result.data, values };
  const errors: Partial<Record<ProductField, Text>> = {};
  for (const issue of result.error.issues) {
    const field = FORM_NAME[issue.path[0] as keyof ProductInput];
    if (!field || errors[field]) continue;
    const params = issue.code === "custom" ? (issue.params ?? {}) : {};
    const max = issue.code === "too_big" ? Number(issue.maximum) : params.max;
    errors[field] = msg(issue.message as MessageKey, {
      field: msg(`consoleCatalog.fields.${field}`),
      ...(max !== undefined ? { max } : {}),
      ...(params.min !== undefined ? { min: params.min } : {}),
    });
  }
  return { ok: false, errors, values };
}

/** The form's values for an existing product, written the way the merchant would type them. */
export function productFormValues(product: {
  name: string;
  nameEn: string | null;
  description: string;
  descriptionEn: string | null;
  details: string[];
  detailsEn: string[];
  categoryId: number | null;
  origin: string | null;
  maker: string | null;
  priceIdr: number;
  stock: number;
  weightGrams: number;
}): Record<ProductField, string> {
  return {
    name: product.name,
    description: product.description,
    details: product.details.join("\n"),
    nameEn: product.nameEn ?? "",
    descriptionEn: product.descriptionEn ?? "",
    detailsEn: product.detailsEn.join("\n"),
    categoryId: product.categoryId === null ? "" : String(product.categoryId),
    origin: product.origin ?? "",
    maker: product.maker ?? "",
    price: new Intl.NumberFormat("id-ID").format(product.priceIdr),
    stock: String(product.stock),
    weight: String(product.weightGrams),
  };
}
