import { z } from "zod";
import { normalizeIndonesianMobile, PHONE_FORMAT_MESSAGE } from "./phone";

/** Profile rules follow Finpay's `customer` object limits (finpay-api.md §3.3), so a saved profile is always sendable. */

// Letters, marks, spaces and the punctuation real names carry; no control characters or markup.
const NAME_PATTERN = /^[\p{L}\p{M}][\p{L}\p{M} .'\-]*$/u;

const name = (label: string) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, `${label} is required.`)
    .max(50, `${label} must be at most 50 characters.`)
    .regex(NAME_PATTERN, `${label} may contain letters, spaces, apostrophes, dots and dashes only.`);

export const emailSchema = z
  .string({ error: "Email is required." })
  .trim()
  .min(1, "Email is required.")
  .max(320, "Email must be at most 320 characters.")
  .pipe(z.email("Enter a valid email address, e.g. nama@contoh.co.id."))
  .transform((email) => email.toLowerCase());

export const mobilePhoneSchema = z
  .string({ error: "Mobile phone is required." })
  .trim()
  .min(1, "Mobile phone is required.")
  .max(32, PHONE_FORMAT_MESSAGE)
  .transform((value, ctx) => {
    const normalized = normalizeIndonesianMobile(value);
    if (!normalized) {
      ctx.addIssue({ code: "custom", message: PHONE_FORMAT_MESSAGE });
      return z.NEVER;
    }
    return normalized;
  });

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
const password = (label: string) =>
  z
    .string({ error: `${label} is required.` })
    .min(PASSWORD_MIN, `${label} must be at least ${PASSWORD_MIN} characters.`)
    .max(PASSWORD_MAX, `${label} must be at most ${PASSWORD_MAX} characters.`);

export const profileSchema = z.object({
  firstName: name("First name"),
  lastName: name("Last name"),
  email: emailSchema,
  mobilePhone: mobilePhoneSchema,
});
export type ProfileInput = z.output<typeof profileSchema>;
export const PROFILE_FIELDS = ["firstName", "lastName", "email", "mobilePhone"] as const;

export const signUpSchema = profileSchema
  .extend({ password: password("Password"), confirmPassword: z.string({ error: "Confirm your password." }) })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "The passwords do not match." });
export const SIGN_UP_FIELDS = [...PROFILE_FIELDS, "password", "confirmPassword"] as const;

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string({ error: "Password is required." }).min(1, "Password is required.").max(PASSWORD_MAX, "Email or password is incorrect."),
});

export const changePasswordSchema = z
  .object({
    // No stored password is longer than PASSWORD_MAX, so a longer one is simply wrong (and is not hashed at all).
    currentPassword: z.string({ error: "Current password is required." }).min(1, "Current password is required.").max(PASSWORD_MAX, "Your current password is incorrect."),
    newPassword: password("New password"),
    confirmPassword: z.string({ error: "Confirm your new password." }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "The passwords do not match." });
