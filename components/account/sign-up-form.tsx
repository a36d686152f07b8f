"use client";

import Link from "next/link";
import { useActionState } from "react";
import { ProfileFields } from "@/components/account/profile-fields";
import { FormField, FormMessage } from "@/components/ui/form-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { signUpAction } from "@/lib/account/actions";
import { idleState } from "@/lib/action-state";

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, formAction] = useActionState(signUpAction, idleState);
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  return (
    <form action={formAction} noValidate className="space-y-4">
      <FormMessage status={state.status} message={state.message} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <ProfileFields values={v} errors={e} phoneHint="Indonesian mobile number, e.g. 0812 3456 7890. Finpay needs it for card payments." />
      <FormField name="password" label="Password" type="password" autoComplete="new-password" error={e.password} hint="At least 8 characters." />
      <FormField name="confirmPassword" label="Confirm password" type="password" autoComplete="new-password" error={e.confirmPassword} />
      <SubmitButton pendingLabel="Creating account…" className="w-full">
        Create account
      </SubmitButton>
      <p className="text-center text-sm text-stone-600">
        Already have an account?{" "}
        <Link href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="font-medium text-brand-700 underline">
          Sign in
        </Link>
      </p>
    </form>
  );
}
