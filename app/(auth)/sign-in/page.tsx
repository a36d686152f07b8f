import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/account/sign-in-form";
import { findMerchant } from "@/lib/auth/merchant";
import { landingFor, safeReturnPath } from "@/lib/auth/return-path";
import { getSessionUserId } from "@/lib/auth/session";
import { demoCredentialsToShow } from "@/lib/account/demo-customer";
import { demoMerchantToShow } from "@/lib/console/demo-merchant";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.signIn");
  return { title: t("title") };
}

type Props = { searchParams: Promise<{ callbackUrl?: string | string[]; reset?: string | string[] }> };

// Never broken across lines: at 390 px "merchant-pass-" / "123" reads as two things to type.
const code = (chunks: React.ReactNode) => <code className="whitespace-nowrap font-mono">{chunks}</code>;

export default async function SignInPage({ searchParams }: Props) {
  const query = await searchParams;
  // Empty when no page asked: the sign-in then lands merchants on /console and customers on /account.
  const callbackUrl = safeReturnPath(query.callbackUrl, "");
  const userId = await getSessionUserId();
  if (userId) redirect(callbackUrl || landingFor(Boolean(await findMerchant(userId))));
  const [t, fields] = await Promise.all([getTranslations("auth.signIn"), getTranslations("auth.fields")]);
  const demo = demoCredentialsToShow();
  const merchant = demoMerchantToShow();
  const credentials = (login: { email: string; password: string }) => t.rich("demoCredentials", { email: () => code(login.email), password: () => code(login.password) });
  return (
    <section className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
      {query.reset === "done" ? (
        <p role="status" className="rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-brand-800">
          {t("resetDone")}
        </p>
      ) : null}
      {demo ? (
        <aside aria-label={t("demoCustomerLabel")} className="rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          <p className="font-medium">{t("demoCustomerTitle")}</p>
          <p>{credentials(demo)}</p>
        </aside>
      ) : null}
      {merchant ? (
        <aside aria-label={t("demoMerchantLabel")} className="rounded-md border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-900">
          <p className="font-medium">{t("demoMerchantTitle")}</p>
          <p>{credentials(merchant)}</p>
        </aside>
      ) : null}
      <SignInForm
        callbackUrl={callbackUrl}
        labels={{
          email: fields("email"),
          password: fields("password"),
          forgot: t("forgot"),
          submit: t("submit"),
          pending: t("pending"),
          newHere: t("newHere"),
          createAccount: t("createAccount"),
        }}
      />
    </section>
  );
}
