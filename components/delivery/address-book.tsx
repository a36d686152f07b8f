"use client";

import Link from "next/link";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleState } from "@/lib/action-state";
import { deleteAddressAction, setDefaultAddressAction } from "@/lib/delivery/actions";
import { AddressLines } from "./address-card";

type Entry = {
  id: string;
  isDefault: boolean;
  recipientName: string;
  mobilePhone: string;
  street: string;
  district: string;
  city: string;
  provinceName: string;
  postalCode: string;
  notes: string | null;
  /** Accessible names of this entry's buttons ("Edit Budi, Jl. Braga 12"), written by the server in the shopper's language. */
  actionLabels: { edit: string; setDefault: string; delete: string };
};

export type AddressBookLabels = { default: string; edit: string; setDefault: string; delete: string; deleting: string; saving: string; note: string };

export function AddressBook({ addresses, labels }: { addresses: Entry[]; labels: AddressBookLabels }) {
  return (
    <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
      {addresses.map((address) => (
        <AddressRow key={address.id} address={address} labels={labels} />
      ))}
    </ul>
  );
}

function AddressRow({ address, labels }: { address: Entry; labels: AddressBookLabels }) {
  const [deleted, deleteAction] = useActionState(deleteAddressAction, idleState);
  const [defaulted, defaultAction] = useActionState(setDefaultAddressAction, idleState);
  return (
    <li data-testid="address" className="flex flex-wrap items-start justify-between gap-3 px-5 py-4">
      <div>
        {address.isDefault ? <p className="mb-1 inline-block rounded bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-800">{labels.default}</p> : null}
        <AddressLines address={address} noteLabel={labels.note} />
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Link href={`/account/addresses?edit=${address.id}`} className="rounded-md px-3 py-2 text-sm font-medium text-brand-700 hover:bg-stone-100" aria-label={address.actionLabels.edit}>
          {labels.edit}
        </Link>
        {address.isDefault ? null : (
          <form action={defaultAction}>
            <input type="hidden" name="addressId" value={address.id} />
            <SubmitButton variant="secondary" pendingLabel={labels.saving} aria-label={address.actionLabels.setDefault}>
              {labels.setDefault}
            </SubmitButton>
          </form>
        )}
        <form action={deleteAction}>
          <input type="hidden" name="addressId" value={address.id} />
          <SubmitButton variant="danger" pendingLabel={labels.deleting} aria-label={address.actionLabels.delete}>
            {labels.delete}
          </SubmitButton>
        </form>
      </div>
      <div className="basis-full empty:hidden">
        <FormMessage status={deleted.status} message={deleted.message} />
        <FormMessage status={defaulted.status} message={defaulted.message} />
      </div>
    </li>
  );
}
