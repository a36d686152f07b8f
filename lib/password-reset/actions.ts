"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { errorState, type ActionState } from "@/lib/action-state";
import { clientIp } from "@/lib/auth/client-ip";
import { countEmailRequest } from "@/lib/auth/email-requests";
import { waitInWords } from "@/lib/auth/throttle";
import { logger } from "@/lib/logger";
import { msg } from "@/lib/translatable";
import { getTranslate } from "@/lib/translate";
import { parseForm } from "@/lib/validation";
import { LINK_UNUSABLE } from "./messages";
import { createResetLink, RESET_LINK_MINUTES, resetPasswordWithLink, type ResetOutcome } from "./reset";
import { forgotPasswordSchema, resetPasswordSchema } from "./validation";

const SENT = msg("auth.forgot.sent", { minutes: RESET_LINK_MINUTES });
const TOO_MANY = msg("auth.forgot.tooMany");
const OUR_FAULT = msg("validation.form.ourFault");
const FIX_MARKED = msg("validation.form.fixMarked");

/** The same answer whether or not the email has an account: the form never tells who is a customer. */
export async function requestPasswordResetAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const tr = await getTranslate();
  const parsed = parseForm(forgotPasswordSchema, formData, ["email"], tr);
  const values = { email: String(formData.get("email") ?? "") };
  if (!parsed.ok) return errorState(tr(FIX_MARKED), parsed.fieldErrors, values);
  try {
    const { allowed } = await countEmailRequest("reset", parsed.data.email, clientIp(await headers()));
    if (!allowed) return errorState(tr(TOO_MANY), undefined, values);
    await createResetLink(parsed.data.email);
  } catch (error) {
    logger.error("auth.password_reset_request_failed", { error });
    return errorState(tr(OUR_FAULT), undefined, values);
  }
  return { status: "success", message: tr(SENT), values };
}

export async function resetPasswordAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const tr = await getTranslate();
  const parsed = parseForm(resetPasswordSchema, formData, ["token", "newPassword", "confirmPassword"], tr);
  if (!parsed.ok) return errorState(parsed.fieldErrors.token ?? tr(FIX_MARKED), parsed.fieldErrors);
  let outcome: ResetOutcome;
  try {
    outcome = await resetPasswordWithLink(parsed.data.token, parsed.data.newPassword, clientIp(await headers()));
  } catch (error) {
    logger.error("auth.password_reset_failed", { error });
    return errorState(tr(OUR_FAULT));
  }
  if (!outcome.ok && outcome.reason === "throttled") {
    return errorState(tr(msg("auth.reset.throttled", { wait: waitInWords(outcome.retryAfterSeconds) })));
  }
  if (!outcome.ok) return errorState(tr(LINK_UNUSABLE));
  redirect("/sign-in?reset=done");
}
