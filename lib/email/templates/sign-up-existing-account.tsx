import { Link, Text } from "@react-email/components";
import type { EmailTexts } from "../texts";
import { ActionButton, EmailLayout, paragraph } from "./layout";

/** The owner of an account hears that its email was typed into the sign-up form; the form itself said nothing. */
export function SignUpExistingAccountEmail({ texts, firstName, signInUrl, forgotUrl }: { texts: EmailTexts; firstName: string; signInUrl: string; forgotUrl: string }) {
  const t = texts.signUpExistingAccount;
  return (
    <EmailLayout texts={texts} preview={t.preview} firstName={firstName}>
      <Text style={paragraph}>{t.intro}</Text>
      <Text style={paragraph}>{t.signInHint}</Text>
      <ActionButton href={signInUrl}>{t.signIn}</ActionButton>
      <Text style={paragraph}>
        {t.forgotHint} <Link href={forgotUrl}>{t.forgot}</Link>
      </Text>
      <Text style={paragraph}>{t.notYou}</Text>
    </EmailLayout>
  );
}
