import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AddressBook } from "@/components/delivery/address-book";
import { AddressForm } from "@/components/delivery/address-form";
import { formatPhone } from "@/lib/account/phone";
import { requireUser } from "@/lib/auth/session";
import { findAddress, listAddresses } from "@/lib/delivery/addresses";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("delivery.book");
  return { title: t("metaTitle") };
}

type Props = { searchParams: Promise<{ edit?: string; saved?: string }> };

export default async function AddressesPage({ searchParams }: Props) {
  const user = await requireUser("/account/addresses");
  const { edit, saved } = await searchParams;
  const [addresses, editing, t, card] = await Promise.all([
    listAddresses(user.id),
    edit ? findAddress(user.id, edit) : undefined,
    getTranslations("delivery.book"),
    getTranslations("delivery.card"),
  ]);
  return (
    <section className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
      {saved ? (
        <p role="status" className="rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-brand-800">
          {t("saved")}
        </p>
      ) : null}
      {addresses.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-center text-stone-700">{t("empty")}</p>
      ) : (
        <AddressBook
          addresses={addresses.map((a) => {
            const address = `${a.recipientName}, ${a.street}`;
            return { ...a, actionLabels: { edit: t("editLabel", { address }), setDefault: t("setDefaultLabel", { address }), delete: t("deleteLabel", { address }) } };
          })}
          labels={{ default: t("default"), edit: t("edit"), setDefault: t("setDefault"), delete: t("delete"), deleting: t("deleting"), saving: t("saving"), note: card("note") }}
        />
      )}
      <div className="rounded-lg border border-stone-200 bg-white p-6">
        <h2 className="mb-4 text-lg font-semibold">{editing ? t("editHeading") : t("addHeading")}</h2>
        {editing ? (
          <>
            <AddressForm key={editing.id} address={{ ...editing, mobilePhone: formatPhone(editing.mobilePhone), notes: editing.notes ?? "" }} submitLabel={t("save")} />
            <Link href="/account/addresses" className="mt-3 inline-block text-sm text-brand-700 underline">
              {t("cancelEdit")}
            </Link>
          </>
        ) : (
          <AddressForm submitLabel={t("add")} />
        )}
      </div>
    </section>
  );
}
