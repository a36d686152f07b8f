"use client";

import { useActionState } from "react";
import { FormField, FormMessage } from "@/components/ui/form-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleState } from "@/lib/action-state";
import { saveAddressAction } from "@/lib/delivery/actions";
import { ADDRESS_LINE_MAX, NOTES_MAX, RECIPIENT_NAME_MAX } from "@/lib/delivery/address-limits";
import { PROVINCES } from "@/lib/delivery/provinces";

export type AddressValues = Partial<Record<"recipientName" | "mobilePhone" | "street" | "district" | "city" | "provinceCode" | "postalCode" | "notes", string>> & {
  id?: string;
  isDefault?: boolean;
};

/** The form's words in the shopper's language (address-form.tsx fills them in on the server). */
export type AddressFormLabels = {
  recipientName: string;
  mobilePhone: string;
  mobilePhoneHint: string;
  street: string;
  streetHint: string;
  district: string;
  city: string;
  postalCode: string;
  postalCodeHint: string;
  province: string;
  choose: string;
  notes: string;
  notesHint: string;
  makeDefault: string;
  saving: string;
};

export type AddressFormProps = {
  /** Editing this address; absent: a new one. */
  address?: AddressValues;
  /** "/checkout" when added from checkout: saving goes back there with the new address chosen. */
  returnTo?: "/checkout";
  submitLabel: string;
};

/** Add or edit a delivery address. A rejected form names every wrong field and keeps what was typed. */
export function AddressFormClient({ address = {}, returnTo, submitLabel, labels }: AddressFormProps & { labels: AddressFormLabels }) {
  const [state, formAction] = useActionState(saveAddressAction, idleState);
  const v: AddressValues = { ...address, ...state.values };
  const e = state.fieldErrors ?? {};
  const provinceError = e.provinceCode;
  return (
    <form action={formAction} noValidate className="space-y-4" data-testid="address-form">
      {address.id ? <input type="hidden" name="addressId" value={address.id} /> : null}
      {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
      <FormMessage status={state.status} message={state.message} />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField name="recipientName" label={labels.recipientName} autoComplete="name" maxLength={RECIPIENT_NAME_MAX} defaultValue={v.recipientName} error={e.recipientName} />
        <FormField name="mobilePhone" label={labels.mobilePhone} type="tel" autoComplete="tel" defaultValue={v.mobilePhone} error={e.mobilePhone} hint={labels.mobilePhoneHint} />
      </div>
      <FormField name="street" label={labels.street} autoComplete="address-line1" maxLength={ADDRESS_LINE_MAX} defaultValue={v.street} error={e.street} hint={labels.streetHint} />
      <FormField name="district" label={labels.district} autoComplete="address-line2" maxLength={ADDRESS_LINE_MAX} defaultValue={v.district} error={e.district} />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField name="city" label={labels.city} autoComplete="address-level2" maxLength={ADDRESS_LINE_MAX} defaultValue={v.city} error={e.city} />
        <FormField name="postalCode" label={labels.postalCode} autoComplete="postal-code" maxLength={5} defaultValue={v.postalCode} error={e.postalCode} hint={labels.postalCodeHint} />
      </div>
      <div className="space-y-1">
        <label htmlFor="field-provinceCode" className="block text-sm font-medium text-stone-800">
          {labels.province}
        </label>
        <select
          id="field-provinceCode"
          name="provinceCode"
          defaultValue={v.provinceCode ?? ""}
          key={v.provinceCode}
          required
          aria-invalid={provinceError ? true : undefined}
          aria-describedby={provinceError ? "field-provinceCode-error" : undefined}
          className="w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-stone-900 aria-[invalid]:border-red-600 aria-[invalid]:bg-red-50"
        >
          <option value="">{labels.choose}</option>
          {PROVINCES.map((p) => (
            <option key={p.code} value={p.code}>
              {p.name}
            </option>
          ))}
        </select>
        {provinceError ? (
          <p id="field-provinceCode-error" className="text-sm text-red-700">
            {provinceError}
          </p>
        ) : null}
      </div>
      <FormField name="notes" label={labels.notes} required={false} maxLength={NOTES_MAX} defaultValue={v.notes} error={e.notes} hint={labels.notesHint} />
      {address.isDefault ? null : (
        <div className="flex items-center gap-2">
          <input id="field-makeDefault" name="makeDefault" type="checkbox" defaultChecked={state.values?.makeDefault === "on"} className="size-4 accent-brand-700" />
          <label htmlFor="field-makeDefault" className="text-sm text-stone-800">
            {labels.makeDefault}
          </label>
        </div>
      )}
      <SubmitButton pendingLabel={labels.saving}>{submitLabel}</SubmitButton>
    </form>
  );
}
