"use server";

import { AuthError } from "next-auth";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { signIn, signOut } from "@/auth";
import { errorState, type ActionState } from "@/lib/action-state";
import { safeReturnPath } from "@/lib/auth/return-path";
import { requireUser } from "@/lib/auth/session";
import { adoptGuestCart } from "@/lib/cart/current-cart";
import { isUserFacingError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { parseForm } from "@/lib/validation";
import { changePassword, createUser, getUserByEmail, updateProfile } from "./users";
import { changePasswordSchema, PROFILE_FIELDS, profileSchema, SIGN_UP_FIELDS, signInSchema, signUpSchema } from "./validation";

const INVALID_CREDENTIALS = "Email or password is incorrect.";
const THROTTLED = "Too many failed sign-in attempts. Please wait 15 minutes and try again.";

function fromError(error: unknown, event: string, values?: Record<string, string>): ActionState {
  if (isUserFacingError(error)) {
    return errorState(error.message, error.field ? { [error.field]: error.message } : undefined, values);
  }
  logger.error(event, { error });
  return errorState("Something went wrong on our side. Nothing was changed; please try again.", undefined, values);
}

/** Signs in through Auth.js, then hands the guest cart to the customer. Password fields are never echoed back. */
async function startSession(email: string, password: string): Promise<void> {
  await signIn("credentials", { email, password, redirect: false });
  const user = await getUserByEmail(email);
  if (user) await adoptGuestCart(user.id);
}

export async function signInAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = parseForm(signInSchema, formData, ["email", "password"]);
  const values = { email: String(formData.get("email") ?? "") };
  if (!parsed.ok) return errorState("Please correct the marked fields.", parsed.fieldErrors, values);
  try {
    await startSession(parsed.data.email, parsed.data.password);
  } catch (error) {
    if (error instanceof AuthError) {
      const throttled = "code" in error && error.code === "throttled";
      logger.info("auth.sign_in_refused", { reason: throttled ? "throttled" : "invalid_credentials" });
      return errorState(throttled ? THROTTLED : INVALID_CREDENTIALS, undefined, values);
    }
    return fromError(error, "auth.sign_in_failed", values);
  }
  redirect(safeReturnPath(formData.get("callbackUrl"), "/account"));
}

export async function signUpAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = parseForm(signUpSchema, formData, SIGN_UP_FIELDS);
  const values = Object.fromEntries(PROFILE_FIELDS.map((field) => [field, String(formData.get(field) ?? "")]));
  if (!parsed.ok) return errorState("Please correct the marked fields.", parsed.fieldErrors, values);
  try {
    await createUser(parsed.data);
    await startSession(parsed.data.email, parsed.data.password);
  } catch (error) {
    return fromError(error, "auth.sign_up_failed", values);
  }
  redirect(safeReturnPath(formData.get("callbackUrl"), "/account"));
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}

export async function updateProfileAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser("/account");
  const parsed = parseForm(profileSchema, formData, PROFILE_FIELDS);
  if (!parsed.ok) return errorState("Please correct the marked fields.", parsed.fieldErrors, parsed.values);
  try {
    const updated = await updateProfile(user.id, parsed.data);
    revalidatePath("/account");
    return {
      status: "success",
      message: "Your profile has been saved.",
      values: { firstName: updated.firstName, lastName: updated.lastName, email: updated.email, mobilePhone: updated.mobilePhone },
    };
  } catch (error) {
    return fromError(error, "account.profile_update_failed", parsed.data);
  }
}

export async function changePasswordAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser("/account");
  const parsed = parseForm(changePasswordSchema, formData, ["currentPassword", "newPassword", "confirmPassword"]);
  if (!parsed.ok) return errorState("Please correct the marked fields.", parsed.fieldErrors);
  try {
    await changePassword(user.id, parsed.data.currentPassword, parsed.data.newPassword);
    return { status: "success", message: "Your password has been changed." };
  } catch (error) {
    return fromError(error, "account.password_change_failed");
  }
}
