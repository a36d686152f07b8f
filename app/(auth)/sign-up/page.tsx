import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/account/sign-up-form";
import { safeReturnPath } from "@/lib/auth/return-path";
import { getSessionUserId } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Create an account" };

type Props = { searchParams: Promise<{ callbackUrl?: string | string[] }> };

export default async function SignUpPage({ searchParams }: Props) {
  const callbackUrl = safeReturnPath((await searchParams).callbackUrl, "/account");
  if (await getSessionUserId()) redirect(callbackUrl);
  return (
    <section className="mx-auto max-w-lg space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Create an account</h1>
        <p className="mt-1 text-sm text-stone-600">Your name, email and mobile phone are sent to Finpay with each payment.</p>
      </div>
      <SignUpForm callbackUrl={callbackUrl} />
    </section>
  );
}
