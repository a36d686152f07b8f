import { Text } from "@react-email/components";
import type { EmailTexts } from "../texts";
import { ActionButton, EmailLayout, paragraph } from "./layout";
import { OrderSummary, type EmailOrder } from "./order-summary";

export interface PaymentProblemProps {
  texts: EmailTexts;
  firstName: string;
  problem: "failed" | "expired";
  order: EmailOrder;
  /** The order page, where "Pay again" starts a new payment. */
  payAgainUrl: string;
}

export function PaymentProblemEmail({ texts, firstName, problem, order, payAgainUrl }: PaymentProblemProps) {
  const t = texts.paymentProblem;
  return (
    <EmailLayout texts={texts} preview={problem === "failed" ? t.failedIntro : t.expiredIntro} firstName={firstName}>
      <Text style={paragraph}>{problem === "failed" ? t.failedIntro : t.expiredIntro}</Text>
      <Text style={paragraph}>{t.notCharged}</Text>
      <OrderSummary texts={texts} order={order} />
      <ActionButton href={payAgainUrl}>{t.payAgain}</ActionButton>
    </EmailLayout>
  );
}
