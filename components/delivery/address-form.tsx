import { useTranslations } from "next-intl";
import { AddressFormClient, type AddressFormProps } from "./address-form-client";

export type { AddressValues } from "./address-form-client";

/**
 * Add or edit a delivery address (the address book and checkout). A server component that puts the form's words in
 * the shopper's language, so its callers pass only what they did before: address, returnTo and the submit label.
 */
export function AddressForm(props: AddressFormProps) {
  const t = useTranslations("delivery.form");
  const labels = {
    recipientName: t("recipientName"),
    mobilePhone: t("mobilePhone"),
    mobilePhoneHint: t("mobilePhoneHint"),
    street: t("street"),
    streetHint: t("streetHint"),
    district: t("district"),
    city: t("city"),
    postalCode: t("postalCode"),
    postalCodeHint: t("postalCodeHint"),
    province: t("province"),
    choose: t("choose"),
    notes: t("notes"),
    notesHint: t("notesHint"),
    makeDefault: t("makeDefault"),
    saving: t("saving"),
  };
  return <AddressFormClient {...props} labels={labels} />;
}
