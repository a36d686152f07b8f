"use client";

import Link from "next/link";
import { useActionState } from "react";
import { ProfileFields, type ProfileFieldLabels } from "@/components/account/profile-fields";
import { FormField, FormMessage } from "@/components/ui/form-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { signUpAction } from "@/lib/account/actions";
import { idleState } from "@/lib/action-state";

/** Words of the sign-up form, in the shopper's language (from the server page). */
export type SignUpLabels = ProfileFieldLabels & {
  phoneHint: string;
  password: string;
  passwordHint: string;
  confirmPassword: string;
  submit: string;
  pending: string;
  haveAccount: string;
  signIn: string;
};

/** A rejected sign-up names every wrong field at once and keeps what was typed (never the passwords). */
export function SignUpForm({ callbackUrl, labels }: { callbackUrl: string; labels: SignUpLabels }) {
  const [state, formAction] = useActionState(signUpAction, idleState);
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  return (
    <form action={formAction} noValidate className="space-y-4">
      <FormMessage status={state.status} message={state.message} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <ProfileFields values={v} errors={e} labels={labels} phoneHint={labels.phoneHint} />
      <FormField name="password" label={labels.password} type="password" autoComplete="new-password" error={e.password} hint={labels.passwordHint} />
      <FormField name="confirmPassword" label={labels.confirmPassword} type="password" autoComplete="new-password" error={e.confirmPassword} />
      <SubmitButton pendingLabel={labels.pending} className="w-full">
        {labels.submit}
      </SubmitButton>
      <p className="text-center text-sm text-stone-600">
        {labels.haveAccount}{" "}
        <Link href={callbackUrl ? `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-in"} className="font-medium text-brand-700 underline">
          {labels.signIn}
        </Link>
      </p>
    </form>
  );
}
