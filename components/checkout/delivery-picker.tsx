"use client";

import Form from "next/form";
import { AddressLines } from "@/components/delivery/address-card";
import { SubmitButton } from "@/components/ui/submit-button";

type Address = { id: string; isDefault: boolean; recipientName: string; mobilePhone: string; street: string; district: string; city: string; provinceName: string; postalCode: string; notes: string | null };
export type OptionChoice = { id: string; name: string; description: string; available: boolean; detail: string; priceLabel: string | null };

/** The picker's words in the shopper's language, from the checkout page. */
export type DeliveryPickerLabels = { deliverTo: string; option: string; update: string; updating: string };

type Props = { addresses: Address[]; addressId: string | null; options: OptionChoice[]; optionId: string | null; labels: DeliveryPickerLabels };

/**
 * Where to and how: a GET form, so the chosen address and option live in the page's URL and the server prices
 * them (the browser never sends a price). Choosing re-renders the checkout with the new total at once; the button
 * does the same without JavaScript.
 */
export function DeliveryPicker({ addresses, addressId, options, optionId, labels }: Props) {
  return (
    <Form action="/checkout" replace scroll={false} className="space-y-5" onChange={(event) => event.currentTarget.requestSubmit()}>
      <fieldset className="space-y-2">
        <legend className="mb-2 text-sm font-medium text-stone-800">{labels.deliverTo}</legend>
        {addresses.map((address) => (
          <label key={address.id} className="flex cursor-pointer items-start gap-3 rounded-md border border-stone-200 p-3 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50">
            <input type="radio" name="address" value={address.id} defaultChecked={address.id === addressId} className="mt-1 size-4 accent-brand-700" />
            <AddressLines address={address} />
          </label>
        ))}
      </fieldset>
      {options.length > 0 ? (
        <fieldset className="space-y-2">
          <legend className="mb-2 text-sm font-medium text-stone-800">{labels.option}</legend>
          {options.map((option) => (
            <label
              key={option.id}
              data-testid="delivery-option"
              className={`flex items-start justify-between gap-3 rounded-md border border-stone-200 p-3 text-sm ${option.available ? "cursor-pointer has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50" : "bg-stone-50 text-stone-600"}`}
            >
              <span className="flex items-start gap-3">
                <input type="radio" name="option" value={option.id} defaultChecked={option.id === optionId} disabled={!option.available} className="mt-1 size-4 accent-brand-700" />
                <span>
                  <span className="block font-medium text-stone-900">
                    {option.name} <span className="font-normal text-stone-600">· {option.description}</span>
                  </span>
                  <span className="block">{option.detail}</span>
                </span>
              </span>
              {option.priceLabel ? <span className="font-medium text-stone-900">{option.priceLabel}</span> : null}
            </label>
          ))}
        </fieldset>
      ) : null}
      <SubmitButton variant="secondary" pendingLabel={labels.updating}>
        {labels.update}
      </SubmitButton>
    </Form>
  );
}
