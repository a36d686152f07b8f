"use client";

import Link from "next/link";
import { useActionState } from "react";
import { FormField, FormMessage } from "@/components/ui/form-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { signInAction } from "@/lib/account/actions";
import { idleState } from "@/lib/action-state";

/** Words of the sign-in form, in the shopper's language (from the server page). */
export type SignInLabels = { email: string; password: string; forgot: string; submit: string; pending: string; newHere: string; createAccount: string };

export function SignInForm({ callbackUrl, labels }: { callbackUrl: string; labels: SignInLabels }) {
  const [state, formAction] = useActionState(signInAction, idleState);
  return (
    <form action={formAction} noValidate className="space-y-4">
      <FormMessage status={state.status} message={state.message} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <FormField name="email" label={labels.email} type="email" autoComplete="email" defaultValue={state.values?.email} error={state.fieldErrors?.email} />
      <FormField name="password" label={labels.password} type="password" autoComplete="current-password" error={state.fieldErrors?.password} />
      <p className="text-right text-sm">
        <Link href="/forgot-password" className="font-medium text-brand-700 underline">
          {labels.forgot}
        </Link>
      </p>
      <SubmitButton pendingLabel={labels.pending} className="w-full">
        {labels.submit}
      </SubmitButton>
      <p className="text-center text-sm text-stone-600">
        {labels.newHere}{" "}
        <Link href={callbackUrl ? `/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-up"} className="font-medium text-brand-700 underline">
          {labels.createAccount}
        </Link>
      </p>
    </form>
  );
}
