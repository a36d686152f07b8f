import { z } from "zod";
import { PASSWORD_MAX } from "@/lib/account/validation";
import { messageKey as k } from "@/lib/translatable";

export const SIGN_UP_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/; // 32 random bytes, base64url

/** The form behind the link: the token it carries and the password chosen at sign-up. */
export const confirmSignUpSchema = z.object({
  token: z.string().regex(SIGN_UP_TOKEN_PATTERN, k("validation.signUpToken.invalid")),
  // No sign-up stored a longer password, so a longer one is simply wrong (and is not hashed at all).
  password: z
    .string({ error: k("validation.signInPassword.required") })
    .min(1, k("validation.signInPassword.required"))
    .max(PASSWORD_MAX, k("auth.confirmSignUp.wrongPassword")),
});
