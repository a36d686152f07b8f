import { randomUUID } from "node:crypto";
import { getTranslations } from "next-intl/server";
import type { ActionState } from "@/lib/action-state";
import { formatIdr } from "@/lib/money";
import { PAYMENT_LINK_MINUTES } from "@/lib/payments/link-lifetime";
import type { SavedCardView } from "@/lib/payments/saved-cards";
import { PaymentChoices } from "./payment-choices";

type Props = {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  savedCards: Pick<SavedCardView, "id" | "label" | "expiry">[];
  amountIdr: number;
  orderId?: string;
  delivery?: { addressId: string; optionId: string };
};

/**
 * How to pay (checkout and "Pay again"), in the shopper's language: the client form gets its words and a fresh
 * idempotency key from here. The page lifetime it states is the timeout sent to Finpay.
 */
export async function PaymentOptions({ action, savedCards, amountIdr, orderId, delivery }: Props) {
  const t = await getTranslations("checkout.payment");
  return (
    <PaymentChoices
      action={action}
      idempotencyKey={randomUUID()}
      orderId={orderId}
      delivery={delivery}
      savedCards={savedCards.map((card) => ({ id: card.id, label: t("payWith", { card: card.label }), hint: card.expiry ? t("expires", { expiry: card.expiry }) : undefined }))}
      labels={{
        savedCards: t("savedCards"),
        newCard: t("newCard"),
        saveCard: t("saveCard"),
        saveCardHint: t("saveCardHint"),
        payNew: t("payNew"),
        starting: t("starting"),
        note: t("note", { amount: formatIdr(amountIdr) }),
        linkLifetime: t("linkLifetime", { minutes: PAYMENT_LINK_MINUTES }),
      }}
    />
  );
}
