"use server";

import { AuthError } from "next-auth";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { redirect } from "next/navigation";
import { signIn, signOut, ThrottledSignIn } from "@/auth";
import { errorState, type ActionState } from "@/lib/action-state";
import { clientIp } from "@/lib/auth/client-ip";
import { countEmailRequest } from "@/lib/auth/email-requests";
import { findMerchant } from "@/lib/auth/merchant";
import { landingFor, safeReturnPath, welcomePath } from "@/lib/auth/return-path";
import { requireSignedIn, requireUser } from "@/lib/auth/session";
import { endSessionsOf } from "@/lib/auth/sessions";
import { waitInWords } from "@/lib/auth/throttle";
import { adoptGuestCart } from "@/lib/cart/current-cart";
import { getCartItemCount } from "@/lib/cart/queries";
import { findUserCartId } from "@/lib/cart/service";
import { settleLocaleAtSignIn } from "@/lib/i18n/preference";
import { isUserFacingError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { confirmSignUp, SIGN_UP_LINK_HOURS, type ConfirmSignUpOutcome, requestSignUp } from "@/lib/sign-up/requests";
import { confirmSignUpSchema } from "@/lib/sign-up/validation";
import { msg, type Text, type Translate } from "@/lib/translatable";
import { getTranslate } from "@/lib/translate";
import { formValue, parseForm } from "@/lib/validation";
import { formatPhone } from "./phone";
import { changePassword, getUserByEmail, setUserLocale, signInWaitSeconds, updateProfile } from "./users";
import { changePasswordSchema, PROFILE_FIELDS, profileSchema, SIGN_UP_FIELDS, signInSchema, signUpSchema } from "./validation";

const FIX_MARKED = msg("validation.form.fixMarked");

/** A UserFacingError in the shopper's language (also under its field); anything else is logged and is our fault. */
function fromError(tr: Translate, error: unknown, event: string, values?: Record<string, string>): ActionState {
  if (isUserFacingError(error)) {
    const text = tr(error.text);
    return errorState(text, error.field ? { [error.field]: text } : undefined, values);
  }
  logger.error(event, { error });
  return errorState(tr(msg("validation.form.ourFault")), undefined, values);
}

/**
 * Signs in through Auth.js, then hands the guest cart to the customer. Password fields are never echoed back.
 * Returns the user's id, or null in the moment's race where the account vanished after a successful sign-in.
 */
async function startSession(email: string, password: string): Promise<string | null> {
  await signIn("credentials", { email, password, redirect: false });
  const user = await getUserByEmail(email);
  if (!user) return null;
  await adoptGuestCart(user.id);
  const { locale, profileChanged } = await settleLocaleAtSignIn(user.locale);
  if (profileChanged && locale) await setUserLocale(user.id, locale);
  return user.id;
}

export async function signInAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const tr = await getTranslate();
  const parsed = parseForm(signInSchema, formData, ["email", "password"], tr);
  const values = { email: formValue(formData, "email") ?? "" };
  if (!parsed.ok) return errorState(tr(FIX_MARKED), parsed.fieldErrors, values);
  let userId: string | null;
  try {
    userId = await startSession(parsed.data.email, parsed.data.password);
  } catch (error) {
    if (error instanceof AuthError) {
      const throttled = throttledFor(error);
      logger.info("auth.sign_in_refused", { reason: throttled ? "throttled" : "invalid_credentials" });
      const message = throttled ? msg("auth.signIn.throttled", { wait: waitInWords(throttled) }) : msg("auth.signIn.invalidCredentials");
      return errorState(tr(message), undefined, values);
    }
    return fromError(tr, error, "auth.sign_in_failed", values);
  }
  redirect(safeReturnPath(formValue(formData, "callbackUrl"), landingFor(Boolean(await findMerchant(userId)))));
}

/** Seconds the sign-in must still wait when `error` is Auth.js's wrapping of a throttled sign-in, else 0. */
function throttledFor(error: unknown): number {
  if (error instanceof ThrottledSignIn) return error.retryAfterSeconds;
  const code = error && typeof error === "object" && "code" in error ? error.code : undefined;
  return code === "throttled" ? THROTTLE_FALLBACK_SECONDS : 0;
}
const THROTTLE_FALLBACK_SECONDS = 15 * 60;

/**
 * Sign-up answers "check your inbox" whether or not the email has an account (lib/sign-up/requests.ts); the account
 * is created by the link in that email. Sign-in is throttled per address and the emails per address and per email:
 * when either must wait, nothing is sent and the customer is told so.
 */
export async function signUpAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const tr = await getTranslate();
  const parsed = parseForm(signUpSchema, formData, SIGN_UP_FIELDS, tr);
  // What was typed comes back (never the passwords), so a rejected form loses nothing.
  const values = Object.fromEntries(PROFILE_FIELDS.map((field) => [field, formValue(formData, field) ?? ""]));
  if (!parsed.ok) return errorState(tr(FIX_MARKED), parsed.fieldErrors, values);
  const ip = clientIp(await headers());
  const wait = await signInWaitSeconds(parsed.data.email, ip);
  if (wait > 0) return errorState(tr(msg("auth.signUp.throttled", { wait: waitInWords(wait) })), undefined, values);
  try {
    const { allowed } = await countEmailRequest("sign-up", parsed.data.email, ip);
    if (!allowed) return errorState(tr(msg("auth.signUp.tooMany")), undefined, values);
    const returnPath = safeReturnPath(formValue(formData, "callbackUrl"), "/account");
    await requestSignUp({ ...parsed.data, locale: await getLocale(), returnPath });
  } catch (error) {
    return fromError(tr, error, "auth.sign_up_failed", values);
  }
  return { status: "success", message: tr(msg("auth.signUp.checkInbox", { email: parsed.data.email, hours: SIGN_UP_LINK_HOURS })), values };
}

/** What the confirmation form says when the link does not create the account. */
function confirmRefusal(outcome: Exclude<ConfirmSignUpOutcome, { ok: true }>): Text {
  switch (outcome.reason) {
    case "unusable":
      return msg("auth.confirmSignUp.linkUnusable");
    case "wrong_password":
      return msg("auth.confirmSignUp.wrongPassword");
    case "account_exists":
      return msg("auth.confirmSignUp.accountExists");
    case "throttled":
      return msg("auth.confirmSignUp.throttled", { wait: waitInWords(outcome.retryAfterSeconds) });
  }
}

/** The link from the sign-up email, with the password chosen at sign-up: creates the account and signs it in. */
export async function confirmSignUpAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const tr = await getTranslate();
  const parsed = parseForm(confirmSignUpSchema, formData, ["token", "password"], tr);
  if (!parsed.ok) return errorState(parsed.fieldErrors.token ?? tr(FIX_MARKED), parsed.fieldErrors);
  let outcome: ConfirmSignUpOutcome;
  try {
    outcome = await confirmSignUp(parsed.data.token, parsed.data.password, clientIp(await headers()));
  } catch (error) {
    return fromError(tr, error, "auth.sign_up_confirm_failed");
  }
  if (!outcome.ok) {
    const text = tr(confirmRefusal(outcome));
    return errorState(text, outcome.reason === "wrong_password" ? { password: text } : undefined);
  }
  let userId: string | null;
  try {
    userId = await startSession(outcome.email, parsed.data.password);
  } catch (error) {
    // The account exists now; say so truthfully and send the customer to sign in later.
    logger.error("auth.sign_up_sign_in_failed", { error });
    const wait = throttledFor(error);
    const message = wait ? msg("auth.signUp.createdThrottled", { wait: waitInWords(wait) }) : msg("auth.signUp.createdSignInFailed");
    return errorState(tr(message));
  }
  // A welcome, and the way back to the page that sent them to sign-up (or their cart, which is theirs now).
  redirect(welcomePath(outcome.returnPath, userId !== null && (await getCartItemCount(await findUserCartId(userId))) > 0));
}

/** Ends this session on the server (auth.ts's signOut event) and clears the cookie. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}

/** Ends every session of the customer, on every device and browser, this one included. */
export async function signOutEverywhereAction(): Promise<void> {
  const { user } = await requireSignedIn("/account");
  const ended = await endSessionsOf(user.id);
  logger.info("auth.signed_out_everywhere", { userId: user.id, sessions: ended });
  await signOut({ redirectTo: "/sign-in" });
}

export async function updateProfileAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser("/account");
  const tr = await getTranslate();
  const parsed = parseForm(profileSchema, formData, PROFILE_FIELDS, tr);
  if (!parsed.ok) return errorState(tr(FIX_MARKED), parsed.fieldErrors, parsed.values);
  try {
    const updated = await updateProfile(user.id, parsed.data);
    revalidatePath("/account");
    return {
      status: "success",
      message: tr(msg("account.profile.saved")),
      values: { firstName: updated.firstName, lastName: updated.lastName, email: updated.email, mobilePhone: formatPhone(updated.mobilePhone) },
    };
  } catch (error) {
    return fromError(tr, error, "account.profile_update_failed", Object.fromEntries(PROFILE_FIELDS.map((f) => [f, formValue(formData, f) ?? ""])));
  }
}

export async function changePasswordAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const { user, sessionId } = await requireSignedIn("/account");
  const tr = await getTranslate();
  const parsed = parseForm(changePasswordSchema, formData, ["currentPassword", "newPassword", "confirmPassword"], tr);
  if (!parsed.ok) return errorState(tr(FIX_MARKED), parsed.fieldErrors);
  try {
    await changePassword(user.id, parsed.data.currentPassword, parsed.data.newPassword, sessionId);
    return { status: "success", message: tr(msg("account.password.changed")) };
  } catch (error) {
    return fromError(tr, error, "account.password_change_failed");
  }
}
