"use client";

import { useActionState } from "react";
import { FormField, FormMessage } from "@/components/ui/form-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { changePasswordAction } from "@/lib/account/actions";
import { idleState } from "@/lib/action-state";

export type PasswordFormLabels = { heading: string; current: string; new: string; hint: string; confirm: string; submit: string; pending: string };

export function PasswordForm({ labels }: { labels: PasswordFormLabels }) {
  const [state, formAction] = useActionState(changePasswordAction, idleState);
  const e = state.fieldErrors ?? {};
  return (
    <form action={formAction} noValidate aria-labelledby="password-heading" className="space-y-4">
      <h2 id="password-heading" className="text-lg font-semibold">
        {labels.heading}
      </h2>
      <FormMessage status={state.status} message={state.message} />
      <FormField name="currentPassword" label={labels.current} type="password" autoComplete="current-password" error={e.currentPassword} />
      <FormField name="newPassword" label={labels.new} type="password" autoComplete="new-password" error={e.newPassword} hint={labels.hint} />
      <FormField name="confirmPassword" label={labels.confirm} type="password" autoComplete="new-password" error={e.confirmPassword} />
      <SubmitButton pendingLabel={labels.pending}>{labels.submit}</SubmitButton>
    </form>
  );
}
