"use client";

import { useActionState } from "react";
import { FormField, FormMessage } from "@/components/ui/form-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { changePasswordAction } from "@/lib/account/actions";
import { idleState } from "@/lib/action-state";

export function PasswordForm() {
  const [state, formAction] = useActionState(changePasswordAction, idleState);
  const e = state.fieldErrors ?? {};
  return (
    <form action={formAction} noValidate aria-labelledby="password-heading" className="space-y-4">
      <h2 id="password-heading" className="text-lg font-semibold">
        Change password
      </h2>
      <FormMessage status={state.status} message={state.message} />
      <FormField name="currentPassword" label="Current password" type="password" autoComplete="current-password" error={e.currentPassword} />
      <FormField name="newPassword" label="New password" type="password" autoComplete="new-password" error={e.newPassword} hint="At least 8 characters." />
      <FormField name="confirmPassword" label="Confirm new password" type="password" autoComplete="new-password" error={e.confirmPassword} />
      <SubmitButton pendingLabel="Changing…">Change password</SubmitButton>
    </form>
  );
}
