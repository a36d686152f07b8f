"use client";

import Link from "next/link";
import { useActionState } from "react";
import { FormField, FormMessage } from "@/components/ui/form-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleState } from "@/lib/action-state";
import { requestPasswordResetAction } from "@/lib/password-reset/actions";

export type ForgotPasswordLabels = { email: string; submit: string; pending: string; remembered: string; signIn: string };

export function ForgotPasswordForm({ labels }: { labels: ForgotPasswordLabels }) {
  const [state, formAction] = useActionState(requestPasswordResetAction, idleState);
  return (
    <form action={formAction} noValidate className="space-y-4">
      <FormMessage status={state.status} message={state.message} />
      <FormField name="email" label={labels.email} type="email" autoComplete="email" defaultValue={state.values?.email} error={state.fieldErrors?.email} />
      <SubmitButton pendingLabel={labels.pending} className="w-full">
        {labels.submit}
      </SubmitButton>
      <p className="text-center text-sm text-stone-600">
        {labels.remembered}{" "}
        <Link href="/sign-in" className="font-medium text-brand-700 underline">
          {labels.signIn}
        </Link>
      </p>
    </form>
  );
}
