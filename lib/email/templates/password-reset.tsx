import { Link, Text } from "@react-email/components";
import type { EmailTexts } from "../texts";
import { ActionButton, EmailLayout, paragraph } from "./layout";

export function PasswordResetEmail({ texts, firstName, resetUrl }: { texts: EmailTexts; firstName: string; resetUrl: string }) {
  const t = texts.passwordReset;
  return (
    <EmailLayout texts={texts} preview={t.preview} firstName={firstName}>
      <Text style={paragraph}>{t.intro}</Text>
      <ActionButton href={resetUrl}>{t.button}</ActionButton>
      <Text style={paragraph}>{t.validity}</Text>
      <Text style={paragraph}>{t.notYou}</Text>
      <Text style={{ ...paragraph, fontSize: 13, color: "#57534e" }}>
        {t.linkFallback}
        <br />
        <Link href={resetUrl}>{resetUrl}</Link>
      </Text>
    </EmailLayout>
  );
}
