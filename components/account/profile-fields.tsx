import { FormField } from "@/components/ui/form-field";

type Values = Partial<Record<"firstName" | "lastName" | "email" | "mobilePhone", string>>;

/** The four fields of Finpay's `customer` object, shared by sign-up and the profile form. */
export function ProfileFields({ values, errors, phoneHint }: { values: Values; errors: Record<string, string>; phoneHint: string }) {
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField name="firstName" label="First name" autoComplete="given-name" maxLength={50} defaultValue={values.firstName} error={errors.firstName} />
        <FormField name="lastName" label="Last name" autoComplete="family-name" maxLength={50} defaultValue={values.lastName} error={errors.lastName} />
      </div>
      <FormField name="email" label="Email" type="email" autoComplete="email" defaultValue={values.email} error={errors.email} />
      <FormField name="mobilePhone" label="Mobile phone" type="tel" autoComplete="tel" defaultValue={values.mobilePhone} error={errors.mobilePhone} hint={phoneHint} />
    </>
  );
}
