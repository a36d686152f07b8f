import type { Metadata } from "next";
import { PasswordForm } from "@/components/account/password-form";
import { ProfileForm } from "@/components/account/profile-form";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const user = await requireUser("/account");
  return (
    <section className="space-y-8">
      <h1 className="text-2xl font-semibold tracking-tight">Hello, {user.firstName}</h1>
      <div className="rounded-lg border border-stone-200 bg-white p-6">
        <ProfileForm profile={user} />
      </div>
      <div className="rounded-lg border border-stone-200 bg-white p-6">
        <PasswordForm />
      </div>
    </section>
  );
}
