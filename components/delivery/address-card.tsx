import { formatPhone } from "@/lib/account/phone";

type Address = { recipientName: string; mobilePhone: string; street: string; district: string; city: string; provinceName: string; postalCode: string; notes: string | null };

/**
 * An address as the customer wrote it, on the address book, at checkout and on orders; the phone grouped as
 * `+62 812-3456-7890`. `noteLabel` is "Note: {notes}" already translated without the notes, e.g. "Catatan:"; without
 * it the notes are shown on their own (in quotes).
 */
export function AddressLines({ address, noteLabel }: { address: Address; noteLabel?: string }) {
  return (
    <span className="block text-sm text-stone-700">
      <span className="block font-medium text-stone-900">{address.recipientName}</span>
      <span className="block">{formatPhone(address.mobilePhone)}</span>
      <span className="block">{address.street}</span>
      <span className="block">{address.district}</span>
      <span className="block">
        {address.city}, {address.provinceName} {address.postalCode}
      </span>
      {address.notes ? <span className="block text-stone-600">{noteLabel ? `${noteLabel} ${address.notes}` : `“${address.notes}”`}</span> : null}
    </span>
  );
}
