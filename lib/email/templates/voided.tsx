import { Text } from "@react-email/components";
import type { EmailTexts } from "../texts";
import { ActionButton, EmailLayout, paragraph } from "./layout";

export interface VoidedProps {
  texts: EmailTexts;
  firstName: string;
  orderNumber: string;
  /** The order page's own sentence about the void (orders.refund.voided), so the email and the page agree. */
  statement: string;
  orderUrl: string;
}

/** A void is not a refund: the charge was cancelled before settlement and no money ever left the card. */
export function VoidedEmail({ texts, firstName, orderNumber, statement, orderUrl }: VoidedProps) {
  return (
    <EmailLayout texts={texts} preview={texts.voided.preview} firstName={firstName}>
      <Text style={paragraph}>
        {texts.orderNumber}: <strong>{orderNumber}</strong>
      </Text>
      <Text style={paragraph}>{statement}</Text>
      <ActionButton href={orderUrl}>{texts.viewOrder}</ActionButton>
    </EmailLayout>
  );
}
