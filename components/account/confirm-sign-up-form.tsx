"use client";

import { useActionState } from "react";
import { FormField, FormMessage } from "@/components/ui/form-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { confirmSignUpAction } from "@/lib/account/actions";
import { idleState } from "@/lib/action-state";

export type ConfirmSignUpLabels = { password: string; submit: string; pending: string };

/** The form behind the sign-up email's link: the password chosen at sign-up finishes the account and signs it in. */
export function ConfirmSignUpForm({ token, labels }: { token: string; labels: ConfirmSignUpLabels }) {
  const [state, formAction] = useActionState(confirmSignUpAction, idleState);
  return (
    <form action={formAction} noValidate className="space-y-4">
      <FormMessage status={state.status} message={state.message} />
      <input type="hidden" name="token" value={token} />
      <FormField name="password" label={labels.password} type="password" autoComplete="current-password" error={state.fieldErrors?.password} />
      <SubmitButton pendingLabel={labels.pending} className="w-full">
        {labels.submit}
      </SubmitButton>
    </form>
  );
}
