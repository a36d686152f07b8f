import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PasswordForm } from "@/components/account/password-form";
import { ProfileForm } from "@/components/account/profile-form";
import { SignOutEverywhere } from "@/components/account/sign-out-everywhere";
import { formatPhone } from "@/lib/account/phone";
import { safeReturnPath } from "@/lib/auth/return-path";
import { requireUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account.profile");
  return { title: t("metaTitle") };
}

type Props = { searchParams: Promise<{ complete?: string; returnTo?: string; welcome?: string }> };

export default async function AccountPage({ searchParams }: Props) {
  const user = await requireUser("/account");
  const [{ complete, returnTo, welcome }, t, tp] = await Promise.all([searchParams, getTranslations("account.profile"), getTranslations("account.password")]);
  const back = returnTo ? safeReturnPath(returnTo, "") : "";
  return (
    <section className="space-y-8">
      <h1 className="text-2xl font-semibold tracking-tight">{t("hello", { name: user.firstName })}</h1>
      {/* Shown as the page opens, so not a live region: the profile form's own status stays the only one. */}
      {welcome ? (
        <p data-testid="welcome" className="rounded-md border border-brand-100 bg-brand-50 px-4 py-3 text-sm text-brand-800">
          {t("welcome", { name: user.firstName })}
        </p>
      ) : null}
      {complete ? (
        <p role="alert" className="rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          {t("complete")}
        </p>
      ) : null}
      {back ? (
        <Link href={back} className="inline-block text-sm font-medium text-brand-700 underline">
          {back === "/checkout" ? t("backToCheckout") : back === "/cart" ? t("backToCart") : t("backToWhereYouWere")}
        </Link>
      ) : null}
      <div className="rounded-lg border border-stone-200 bg-white p-6">
        <ProfileForm
          profile={{ firstName: user.firstName, lastName: user.lastName, email: user.email, mobilePhone: formatPhone(user.mobilePhone) }}
          labels={{
            heading: t("heading"),
            firstName: t("firstName"),
            lastName: t("lastName"),
            lastNameHint: t("lastNameHint"),
            email: t("email"),
            mobilePhone: t("mobilePhone"),
            phoneHint: t("phoneHint"),
            submit: t("submit"),
            pending: t("pending"),
          }}
        />
      </div>
      <div className="rounded-lg border border-stone-200 bg-white p-6">
        <PasswordForm
          labels={{ heading: tp("heading"), current: tp("current"), new: tp("new"), hint: tp("hint"), confirm: tp("confirm"), submit: tp("submit"), pending: tp("pending") }}
        />
      </div>
      <div className="rounded-lg border border-stone-200 bg-white p-6">
        <SignOutEverywhere />
      </div>
    </section>
  );
}
