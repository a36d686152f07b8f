"use server";

import { revalidatePath } from "next/cache";
import { setUserLocale } from "@/lib/account/users";
import { getSessionUserId } from "@/lib/auth/session";
import { formValue } from "@/lib/validation";
import { isLocale } from "./locales";
import { rememberLocale } from "./preference";

/**
 * The header's ID | EN switch: the choice is kept in a cookie and, for a signed-in customer, in the profile, so that
 * their next sign-in elsewhere and every email they are sent use it. An unknown value changes nothing.
 */
export async function switchLocaleAction(formData: FormData): Promise<void> {
  const requested = formValue(formData, "locale");
  if (!isLocale(requested)) return;
  const locale = await rememberLocale(requested);
  const userId = await getSessionUserId();
  if (userId) await setUserLocale(userId, locale);
  revalidatePath("/", "layout");
}
