import { Link, Text } from "@react-email/components";
import type { EmailTexts } from "../texts";
import { ActionButton, EmailLayout, paragraph } from "./layout";

export function SignUpConfirmationEmail({ texts, firstName, confirmUrl }: { texts: EmailTexts; firstName: string; confirmUrl: string }) {
  const t = texts.signUpConfirmation;
  return (
    <EmailLayout texts={texts} preview={t.preview} firstName={firstName}>
      <Text style={paragraph}>{t.intro}</Text>
      <ActionButton href={confirmUrl}>{t.button}</ActionButton>
      <Text style={paragraph}>{t.validity}</Text>
      <Text style={paragraph}>{t.notYou}</Text>
      <Text style={{ ...paragraph, fontSize: 13, color: "#57534e" }}>
        {t.linkFallback}
        <br />
        <Link href={confirmUrl}>{confirmUrl}</Link>
      </Text>
    </EmailLayout>
  );
}
