import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/submit-button";
import { signOutEverywhereAction } from "@/lib/account/actions";

/** Ends every session of the customer: a lost phone or a shared computer is signed out too. (A server component.) */
export function SignOutEverywhere() {
  const t = useTranslations("account.sessions");
  return (
    <form action={signOutEverywhereAction} aria-labelledby="sessions-heading" className="space-y-3">
      <h2 id="sessions-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <p className="text-sm text-stone-600">{t("intro")}</p>
      <SubmitButton variant="secondary" pendingLabel={t("pending")}>
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
