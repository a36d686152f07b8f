import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ResetPasswordForm } from "@/components/account/reset-password-form";
import { isResetLinkUsable } from "@/lib/password-reset/reset";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.reset");
  return { title: t("title"), referrer: "no-referrer" };
}

type Props = { params: Promise<{ token: string }> };

export default async function ResetPasswordPage({ params }: Props) {
  const { token } = await params;
  const [usable, t, fields] = await Promise.all([isResetLinkUsable(token), getTranslations("auth.reset"), getTranslations("auth.fields")]);
  return (
    <section className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
      {usable ? (
        <>
          <p className="text-sm text-stone-700">{t("intro")}</p>
          <ResetPasswordForm
            token={token}
            labels={{
              newPassword: fields("newPassword"),
              passwordHint: fields("passwordHint"),
              confirmPassword: fields("confirmNewPassword"),
              submit: t("submit"),
              pending: t("pending"),
              askAgain: t("askAgain"),
            }}
          />
        </>
      ) : (
        <div role="alert" className="space-y-3 rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          <p>{t("linkUnusable")}</p>
          <Link href="/forgot-password" className="font-medium text-brand-700 underline">
            {t("askAgain")}
          </Link>
        </div>
      )}
    </section>
  );
}
