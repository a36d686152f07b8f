import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ConfirmSignUpForm } from "@/components/account/confirm-sign-up-form";
import { getSignUpLink } from "@/lib/sign-up/requests";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.confirmSignUp");
  // The token is a credential: no Referer carries it to another site.
  return { title: t("title"), referrer: "no-referrer" };
}

type Props = { params: Promise<{ token: string }> };

export default async function ConfirmSignUpPage({ params }: Props) {
  const { token } = await params;
  const [link, t, fields] = await Promise.all([getSignUpLink(token), getTranslations("auth.confirmSignUp"), getTranslations("auth.fields")]);
  return (
    <section className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
      {link ? (
        <>
          <p className="text-sm text-stone-700">{t("intro", { email: link.email })}</p>
          <ConfirmSignUpForm token={token} labels={{ password: fields("password"), submit: t("submit"), pending: t("pending") }} />
        </>
      ) : (
        <div role="alert" className="space-y-3 rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          <p>{t("linkUnusable")}</p>
          <p className="flex gap-4">
            <Link href="/sign-up" className="font-medium text-brand-700 underline">
              {t("signUpAgain")}
            </Link>
            <Link href="/sign-in" className="font-medium text-brand-700 underline">
              {t("signIn")}
            </Link>
          </p>
        </div>
      )}
    </section>
  );
}
