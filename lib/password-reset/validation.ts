import { z } from "zod";
import { emailSchema, newPasswordSchema, PASSWORDS_DIFFER, whenPasswordsGiven } from "@/lib/account/validation";
import { messageKey as k } from "@/lib/translatable";

export const RESET_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/; // 32 random bytes, base64url

export const forgotPasswordSchema = z.object({ email: emailSchema });

export const resetPasswordSchema = z
  .object({
    token: z.string().regex(RESET_TOKEN_PATTERN, k("validation.resetToken.invalid")),
    newPassword: newPasswordSchema("newPassword"),
    confirmPassword: z.string({ error: k("validation.newPassword.confirm") }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: PASSWORDS_DIFFER, when: whenPasswordsGiven("newPassword") });
