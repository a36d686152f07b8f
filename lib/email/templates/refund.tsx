import { Text } from "@react-email/components";
import { formatIdr } from "@/lib/money";
import type { EmailTexts } from "../texts";
import { ActionButton, EmailLayout, paragraph } from "./layout";

export interface RefundProps {
  texts: EmailTexts;
  firstName: string;
  orderNumber: string;
  amountIdr: number;
  card: string | null;
  orderUrl: string;
}

export function RefundEmail({ texts, firstName, orderNumber, amountIdr, card, orderUrl }: RefundProps) {
  const t = texts.refund;
  return (
    <EmailLayout texts={texts} preview={t.preview} firstName={firstName}>
      <Text style={paragraph}>{t.intro}</Text>
      <Text style={paragraph}>
        {texts.orderNumber}: <strong>{orderNumber}</strong>
        <br />
        {t.amount}: <strong>{formatIdr(amountIdr)}</strong>
        {card ? ` (${card})` : null}
      </Text>
      <Text style={paragraph}>{t.timing}</Text>
      <ActionButton href={orderUrl}>{texts.viewOrder}</ActionButton>
    </EmailLayout>
  );
}
