"use client";

import { useActionState } from "react";
import { FormField, FormMessage } from "@/components/ui/form-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { updateProfileAction } from "@/lib/account/actions";
import { idleState } from "@/lib/action-state";

type Profile = { firstName: string; lastName: string; email: string; mobilePhone: string };

export function ProfileForm({ profile }: { profile: Profile }) {
  const [state, formAction] = useActionState(updateProfileAction, idleState);
  const v = { ...profile, ...state.values };
  const e = state.fieldErrors ?? {};
  return (
    <form action={formAction} noValidate aria-labelledby="profile-heading" className="space-y-4">
      <h2 id="profile-heading" className="text-lg font-semibold">
        Profile
      </h2>
      <FormMessage status={state.status} message={state.message} />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField name="firstName" label="First name" autoComplete="given-name" maxLength={50} defaultValue={v.firstName} error={e.firstName} />
        <FormField name="lastName" label="Last name" autoComplete="family-name" maxLength={50} defaultValue={v.lastName} error={e.lastName} />
      </div>
      <FormField name="email" label="Email" type="email" autoComplete="email" defaultValue={v.email} error={e.email} />
      <FormField
        name="mobilePhone"
        label="Mobile phone"
        type="tel"
        autoComplete="tel"
        defaultValue={v.mobilePhone}
        error={e.mobilePhone}
        hint="Saved in international form (+62…), as Finpay requires."
      />
      <SubmitButton pendingLabel="Saving…">Save profile</SubmitButton>
    </form>
  );
}
