"use client";

import Link from "next/link";
import { useActionState } from "react";
import { FormField, FormMessage } from "@/components/ui/form-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleState } from "@/lib/action-state";
import { resetPasswordAction } from "@/lib/password-reset/actions";

export type ResetPasswordLabels = { newPassword: string; passwordHint: string; confirmPassword: string; submit: string; pending: string; askAgain: string };

export function ResetPasswordForm({ token, labels }: { token: string; labels: ResetPasswordLabels }) {
  const [state, formAction] = useActionState(resetPasswordAction, idleState);
  const e = state.fieldErrors ?? {};
  return (
    <form action={formAction} noValidate className="space-y-4">
      <FormMessage status={state.status} message={state.message} />
      {state.status === "error" && !e.newPassword && !e.confirmPassword ? (
        <p className="text-sm">
          <Link href="/forgot-password" className="font-medium text-brand-700 underline">
            {labels.askAgain}
          </Link>
        </p>
      ) : null}
      <input type="hidden" name="token" value={token} />
      <FormField name="newPassword" label={labels.newPassword} type="password" autoComplete="new-password" error={e.newPassword} hint={labels.passwordHint} />
      <FormField name="confirmPassword" label={labels.confirmPassword} type="password" autoComplete="new-password" error={e.confirmPassword} />
      <SubmitButton pendingLabel={labels.pending} className="w-full">
        {labels.submit}
      </SubmitButton>
    </form>
  );
}
