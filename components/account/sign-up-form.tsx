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
  checkInboxTitle: string;
  checkInboxHint: string;
};

/**
 * A rejected sign-up names every wrong field at once and keeps what was typed (never the passwords). An accepted one
 * gives way to "check your inbox": the account is finished from the link in the email (lib/sign-up/requests.ts).
 */
export function SignUpForm({ callbackUrl, labels }: { callbackUrl: string; labels: SignUpLabels }) {
  const [state, formAction] = useActionState(signUpAction, idleState);
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  if (state.status === "success") {
    return (
      <section role="status" aria-labelledby="sign-up-sent" className="space-y-2 rounded-md border border-brand-100 bg-brand-50 px-4 py-3 text-sm text-brand-800">
        <h2 id="sign-up-sent" className="text-base font-semibold">
          {labels.checkInboxTitle}
        </h2>
        <p>{state.message}</p>
        <p>{labels.checkInboxHint}</p>
      </section>
    );
  }
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
