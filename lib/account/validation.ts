import { z } from "zod";
import { messageKey as k } from "@/lib/translatable";
import { normalizeIndonesianMobile } from "./phone";

/** Messages are catalogue keys of the `validation` namespace (lib/validation.ts parseForm translates them). */

/** Profile rules follow Finpay's `customer` object limits (docs/finpay-reference.md §3.3), so a saved profile is always sendable. */

// Letters, marks, spaces and the punctuation real names carry; no control characters or markup.
const NAME_PATTERN = /^[\p{L}\p{M}][\p{L}\p{M} .'\-]*$/u;

export const NAME_MAX = 50; // Finpay's customer.firstName / lastName limit (lib/finpay/schemas.ts counts UTF-16 units)
// Real scripts put at most a few marks on one letter (Vietnamese two, Devanagari conjuncts three); more is "Zalgo".
export const NAME_MAX_MARKS_PER_LETTER = 3;
const graphemes = new Intl.Segmenter("und", { granularity: "grapheme" });

/**
 * A name is normalised to NFC (a precomposed "é" is one character, as the customer sees it) and counted in
 * graphemes, the letters the customer sees. A letter may carry a few combining marks, not dozens. What is stored and
 * sent to Finpay must also fit Finpay's 50 characters as Finpay counts them, so a name whose marks do not compose
 * is held to that too.
 */
const name = (field: "firstName" | "lastName", presence: "required" | "optional") =>
  z
    .string({ error: k(`validation.${field}.required`) })
    .trim()
    .transform((value) => value.normalize("NFC"))
    .superRefine((value, ctx) => {
      const fail = (message: string) => ctx.addIssue({ code: "custom", message, params: { max: NAME_MAX } });
      if (value.length === 0) return presence === "required" ? fail(k(`validation.${field}.required`)) : undefined;
      // Anything four times over the limit is too long however it is counted; not worth segmenting.
      const letters = value.length > NAME_MAX * 4 ? undefined : [...graphemes.segment(value)].map((part) => part.segment);
      if (!letters || letters.length > NAME_MAX) return fail(k(`validation.${field}.tooLong`));
      if (!NAME_PATTERN.test(value)) return fail(k(`validation.${field}.pattern`));
      if (letters.some((letter) => (letter.match(/\p{M}/gu)?.length ?? 0) > NAME_MAX_MARKS_PER_LETTER)) {
        return fail(k(`validation.${field}.tooManyMarks`));
      }
      if (value.length > NAME_MAX) return fail(k(`validation.${field}.tooLongWithMarks`));
    });

export const emailSchema = z
  .string({ error: k("validation.email.required") })
  .trim()
  .min(1, k("validation.email.required"))
  .max(320, k("validation.email.tooLong"))
  .pipe(z.email(k("validation.email.invalid")))
  .transform((email) => email.toLowerCase());

const PHONE_INVALID = k("validation.mobilePhone.invalid");
export const mobilePhoneSchema = z
  .string({ error: k("validation.mobilePhone.required") })
  .trim()
  .min(1, k("validation.mobilePhone.required"))
  .max(32, PHONE_INVALID)
  .transform((value, ctx) => {
    const normalized = normalizeIndonesianMobile(value);
    if (!normalized) {
      ctx.addIssue({ code: "custom", message: PHONE_INVALID });
      return z.NEVER;
    }
    return normalized;
  });

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
export const newPasswordSchema = (field: "password" | "newPassword") =>
  z
    .string({ error: k(`validation.${field}.required`) })
    .min(PASSWORD_MIN, k(`validation.${field}.tooShort`))
    .max(PASSWORD_MAX, k(`validation.${field}.tooLong`));

/**
 * When "the passwords do not match" is checked: whenever both password strings are there, even if other fields are
 * wrong. By default zod skips an object's refinements once any field has failed with an aborting issue (a failed
 * pipe or transform, e.g. the email or the phone), so sign-up reported the confirmation only on the next round trip.
 */
export const whenPasswordsGiven =
  (field: "password" | "newPassword") =>
  ({ value }: { value: unknown }): boolean => {
    const form = value as Partial<Record<string, unknown>> | undefined;
    return typeof form?.[field] === "string" && typeof form?.confirmPassword === "string";
  };
export const PASSWORDS_DIFFER = k("validation.password.mismatch");

export const profileSchema = z.object({
  firstName: name("firstName", "required"),
  // Many Indonesians have one name: no last name is stored as "" (lib/account/names.ts; Finpay gets "-").
  lastName: z.preprocess((value) => value ?? "", name("lastName", "optional")),
  email: emailSchema,
  mobilePhone: mobilePhoneSchema,
});
export type ProfileInput = z.output<typeof profileSchema>;
export const PROFILE_FIELDS = ["firstName", "lastName", "email", "mobilePhone"] as const;

export const signUpSchema = profileSchema
  .extend({ password: newPasswordSchema("password"), confirmPassword: z.string({ error: k("validation.password.confirm") }) })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: PASSWORDS_DIFFER, when: whenPasswordsGiven("password") });
export const SIGN_UP_FIELDS = [...PROFILE_FIELDS, "password", "confirmPassword"] as const;

export const signInSchema = z.object({
  email: emailSchema,
  password: z
    .string({ error: k("validation.signInPassword.required") })
    .min(1, k("validation.signInPassword.required"))
    .max(PASSWORD_MAX, k("auth.signIn.invalidCredentials")),
});

export const changePasswordSchema = z
  .object({
    // No stored password is longer than PASSWORD_MAX, so a longer one is simply wrong (and is not hashed at all).
    currentPassword: z
      .string({ error: k("validation.currentPassword.required") })
      .min(1, k("validation.currentPassword.required"))
      .max(PASSWORD_MAX, k("validation.currentPassword.incorrect")),
    newPassword: newPasswordSchema("newPassword"),
    confirmPassword: z.string({ error: k("validation.newPassword.confirm") }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: PASSWORDS_DIFFER, when: whenPasswordsGiven("newPassword") });
