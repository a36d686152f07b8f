import { Text } from "@react-email/components";
import type { EmailTexts } from "../texts";
import { ActionButton, EmailLayout, paragraph } from "./layout";
import { OrderSummary, type EmailOrder } from "./order-summary";

export interface OrderConfirmationProps {
  texts: EmailTexts;
  firstName: string;
  order: EmailOrder;
  paidAt: string;
  paidWith: string | null;
  orderUrl: string;
}

export function OrderConfirmationEmail({ texts, firstName, order, paidAt, paidWith, orderUrl }: OrderConfirmationProps) {
  const t = texts.orderConfirmation;
  return (
    <EmailLayout texts={texts} preview={t.preview} firstName={firstName}>
      <Text style={paragraph}>{t.intro}</Text>
      <OrderSummary texts={texts} order={order} />
      <Text style={paragraph}>
        {t.paidAt}: {paidAt}
        {paidWith ? (
          <>
            <br />
            {t.paidWith}: {paidWith}
          </>
        ) : null}
      </Text>
      <ActionButton href={orderUrl}>{texts.viewOrder}</ActionButton>
    </EmailLayout>
  );
}
