import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/account/sign-in-form";
import { safeReturnPath } from "@/lib/auth/return-path";
import { getSessionUserId } from "@/lib/auth/session";
import { demoCredentialsToShow } from "@/lib/account/demo-customer";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ callbackUrl?: string | string[] }> };

export default async function SignInPage({ searchParams }: Props) {
  const callbackUrl = safeReturnPath((await searchParams).callbackUrl, "/account");
  if (await getSessionUserId()) redirect(callbackUrl);
  const demo = demoCredentialsToShow();
  return (
    <section className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Sign in</h1>
      {demo ? (
        <aside aria-label="Demo account" className="rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          <p className="font-medium">Demo customer (local Finpay sandbox)</p>
          <p>
            Email <code className="font-mono">{demo.email}</code> · password <code className="font-mono">{demo.password}</code>
          </p>
        </aside>
      ) : null}
      <SignInForm callbackUrl={callbackUrl} />
    </section>
  );
}
