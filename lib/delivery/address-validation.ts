import { z } from "zod";
import { mobilePhoneSchema } from "@/lib/account/validation";
import { messageKey as k } from "@/lib/translatable";
import { PROVINCE_CODES } from "./provinces";
import { ADDRESS_LINE_MAX, NOTES_MAX, RECIPIENT_NAME_MAX } from "./address-limits";

/**
 * The address form's rules. Lengths are Finpay's address limits (docs/finpay-reference.md §3.9: street, street2 and city
 * 1-100) so that a saved address is always sendable; the province comes from the fixed list, so its Finpay name
 * and code are known (provinces.ts); the recipient's name becomes shipping.contact, whose names are at most 50.
 */

// Printable text on one line: no control characters or angle brackets (it is shown back and sent to Finpay).
const ONE_LINE = /^[^\p{Cc}<>]*$/u;

// Messages are catalogue keys of the `validation` namespace, one set a field (parseForm translates them).
const line = (field: "recipientName" | "street" | "district" | "city", max: number) =>
  z
    .string({ error: k(`validation.${field}.required`) })
    .trim()
    .min(1, k(`validation.${field}.required`))
    .max(max, k(`validation.${field}.tooLong`))
    .regex(ONE_LINE, k(`validation.${field}.pattern`));

export const addressSchema = z.object({
  recipientName: line("recipientName", RECIPIENT_NAME_MAX),
  mobilePhone: mobilePhoneSchema,
  street: line("street", ADDRESS_LINE_MAX),
  district: line("district", ADDRESS_LINE_MAX),
  city: line("city", ADDRESS_LINE_MAX),
  provinceCode: z.enum(PROVINCE_CODES, { error: k("validation.provinceCode.invalid") }),
  postalCode: z
    .string({ error: k("validation.postalCode.required") })
    .trim()
    .regex(/^\d{5}$/, k("validation.postalCode.invalid")),
  notes: z
    .string()
    .trim()
    .max(NOTES_MAX, k("validation.notes.tooLong"))
    .regex(ONE_LINE, k("validation.notes.pattern"))
    .optional()
    .transform((notes) => (notes ? notes : null)),
  makeDefault: z
    .enum(["on"])
    .optional()
    .transform((v) => v === "on"),
});

export type AddressInput = z.output<typeof addressSchema>;
export const ADDRESS_FIELDS = ["recipientName", "mobilePhone", "street", "district", "city", "provinceCode", "postalCode", "notes", "makeDefault"] as const;
