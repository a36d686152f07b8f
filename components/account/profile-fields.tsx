import { FormField } from "@/components/ui/form-field";

type Values = Partial<Record<"firstName" | "lastName" | "email" | "mobilePhone", string>>;

/** The four field labels, in the shopper's language. */
export type ProfileFieldLabels = { firstName: string; lastName: string; lastNameHint: string; email: string; mobilePhone: string };

/** The four fields of Finpay's `customer` object, shared by sign-up and the profile form. */
export function ProfileFields({ values, errors, labels, phoneHint }: { values: Values; errors: Record<string, string>; labels: ProfileFieldLabels; phoneHint: string }) {
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField name="firstName" label={labels.firstName} autoComplete="given-name" maxLength={50} defaultValue={values.firstName} error={errors.firstName} />
        {/* Optional: many Indonesians go by one name. */}
        <FormField
          name="lastName"
          label={labels.lastName}
          autoComplete="family-name"
          maxLength={50}
          defaultValue={values.lastName}
          error={errors.lastName}
          hint={labels.lastNameHint}
          required={false}
        />
      </div>
      <FormField name="email" label={labels.email} type="email" autoComplete="email" defaultValue={values.email} error={errors.email} />
      <FormField name="mobilePhone" label={labels.mobilePhone} type="tel" autoComplete="tel" defaultValue={values.mobilePhone} error={errors.mobilePhone} hint={phoneHint} />
    </>
  );
}
