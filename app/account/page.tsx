import type { Metadata } from "next";
import { PasswordForm } from "@/components/account/password-form";
import { ProfileForm } from "@/components/account/profile-form";
import Link from "next/link";
import { safeReturnPath } from "@/lib/auth/return-path";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Your account" };

type Props = { searchParams: Promise<{ complete?: string; returnTo?: string }> };

export default async function AccountPage({ searchParams }: Props) {
  const user = await requireUser("/account");
  const { complete, returnTo } = await searchParams;
  const back = returnTo ? safeReturnPath(returnTo, "") : "";
  return (
    <section className="space-y-8">
      <h1 className="text-2xl font-semibold tracking-tight">Hello, {user.firstName}</h1>
      {complete ? (
        <p role="alert" className="rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          Finpay needs your full name, email and Indonesian mobile number to take a card payment. Please complete your profile.
        </p>
      ) : null}
      {back ? (
        <Link href={back} className="inline-block text-sm font-medium text-brand-700 underline">
          ← Back to {back === "/checkout" ? "checkout" : "where you were"}
        </Link>
      ) : null}
      <div className="rounded-lg border border-stone-200 bg-white p-6">
        <ProfileForm profile={user} />
      </div>
      <div className="rounded-lg border border-stone-200 bg-white p-6">
        <PasswordForm />
      </div>
    </section>
  );
}
