"use client";

import { useActionState } from "react";
import { ProfileFields } from "@/components/account/profile-fields";
import { FormMessage } from "@/components/ui/form-field";
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
      <ProfileFields values={v} errors={e} phoneHint="Saved in international form (+62…), as Finpay requires." />
      <SubmitButton pendingLabel="Saving…">Save profile</SubmitButton>
    </form>
  );
}
