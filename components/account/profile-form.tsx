"use client";

import { useActionState } from "react";
import { ProfileFields, type ProfileFieldLabels } from "@/components/account/profile-fields";
import { FormMessage } from "@/components/ui/form-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { updateProfileAction } from "@/lib/account/actions";
import { idleState } from "@/lib/action-state";

/** The profile as shown: the phone already grouped (`+62 812-3456-7890`, lib/account/phone.ts formatPhone). */
type Profile = { firstName: string; lastName: string; email: string; mobilePhone: string };

export type ProfileFormLabels = ProfileFieldLabels & { heading: string; phoneHint: string; submit: string; pending: string };

export function ProfileForm({ profile, labels }: { profile: Profile; labels: ProfileFormLabels }) {
  const [state, formAction] = useActionState(updateProfileAction, idleState);
  const v = { ...profile, ...state.values };
  const e = state.fieldErrors ?? {};
  return (
    <form action={formAction} noValidate aria-labelledby="profile-heading" className="space-y-4">
      <h2 id="profile-heading" className="text-lg font-semibold">
        {labels.heading}
      </h2>
      <FormMessage status={state.status} message={state.message} />
      <ProfileFields values={v} errors={e} labels={labels} phoneHint={labels.phoneHint} />
      <SubmitButton pendingLabel={labels.pending}>{labels.submit}</SubmitButton>
    </form>
  );
}
