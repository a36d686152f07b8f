import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ForgotPasswordForm } from "@/components/account/forgot-password-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.forgot");
  return { title: t("metaTitle") };
}

export default async function ForgotPasswordPage() {
  const [t, fields] = await Promise.all([getTranslations("auth.forgot"), getTranslations("auth.fields")]);
  return (
    <section className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="text-sm text-stone-700">{t("intro")}</p>
      <ForgotPasswordForm labels={{ email: fields("email"), submit: t("submit"), pending: t("pending"), remembered: t("remembered"), signIn: t("signIn") }} />
    </section>
  );
}
