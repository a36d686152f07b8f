import { getTranslations } from "next-intl/server";
import { AccountNav } from "@/components/account/account-nav";

export default async function AccountLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations("account.nav");
  const links = [
    { href: "/account", label: t("profile") },
    { href: "/account/orders", label: t("orders") },
    { href: "/account/addresses", label: t("addresses") },
    { href: "/account/cards", label: t("cards") },
  ];
  return (
    <div className="grid gap-8 md:grid-cols-[200px_1fr]">
      <AccountNav label={t("label")} links={links} />
      <div>{children}</div>
    </div>
  );
}
