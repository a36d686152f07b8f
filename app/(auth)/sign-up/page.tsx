import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/account/sign-up-form";
import { findMerchant } from "@/lib/auth/merchant";
import { landingFor, safeReturnPath } from "@/lib/auth/return-path";
import { getSessionUserId } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.signUp");
  return { title: t("title") };
}

type Props = { searchParams: Promise<{ callbackUrl?: string | string[] }> };

export default async function SignUpPage({ searchParams }: Props) {
  const callbackUrl = safeReturnPath((await searchParams).callbackUrl, "");
  const userId = await getSessionUserId();
  if (userId) redirect(callbackUrl || landingFor(Boolean(await findMerchant(userId))));
  const [t, fields, profile] = await Promise.all([getTranslations("auth.signUp"), getTranslations("auth.fields"), getTranslations("account.profile")]);
  return (
    <section className="mx-auto max-w-lg space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-1 text-sm text-stone-600">{t("intro")}</p>
      </div>
      <SignUpForm
        callbackUrl={callbackUrl}
        labels={{
          firstName: profile("firstName"),
          lastName: profile("lastName"),
          lastNameHint: profile("lastNameHint"),
          email: profile("email"),
          mobilePhone: profile("mobilePhone"),
          phoneHint: t("phoneHint"),
          password: fields("password"),
          passwordHint: fields("passwordHint"),
          confirmPassword: fields("confirmPassword"),
          submit: t("submit"),
          pending: t("pending"),
          haveAccount: t("haveAccount"),
          signIn: t("signIn"),
          checkInboxTitle: t("checkInboxTitle"),
          checkInboxHint: t("checkInboxHint"),
        }}
      />
    </section>
  );
}
