import { useTranslations } from "next-intl";
import Link from "next/link";
import { StartOverButton } from "@/components/orders/order-actions";

type OpenOrder = { id: string; number: string; sameCart: boolean; continueUrl: string | null; paymentOpen: boolean };

/**
 * The checkout says when the customer already has an order that can be paid, and what paying now would do with it:
 * the same cart goes back to that order (never a second payable one); a changed cart closes it first.
 */
export function OpenPaymentNotice({ openOrder }: { openOrder: OpenOrder }) {
  const t = useTranslations("checkout.open");
  const link = (chunks: React.ReactNode) => (
    <Link href={`/orders/${openOrder.id}`} className="underline">
      {chunks}
    </Link>
  );
  if (!openOrder.sameCart) {
    return (
      <p data-testid="open-payment" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
        {t.rich("differentItems", { number: openOrder.number, link })}
      </p>
    );
  }
  if (!openOrder.paymentOpen) {
    return (
      <p data-testid="open-payment" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
        {t.rich("failedBefore", { number: openOrder.number, link })}
      </p>
    );
  }
  return (
    <div data-testid="open-payment" className="space-y-3 rounded-md border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900">
      <p role="status">{t.rich("alreadyOpen", { number: openOrder.number, link })}</p>
      <div className="flex flex-wrap items-start gap-3">
        <a
          href={openOrder.continueUrl ?? `/orders/${openOrder.id}`}
          className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800"
        >
          {t("continue")}
        </a>
        <StartOverButton orderId={openOrder.id} labels={{ submit: t("startOver"), pending: t("cancelling") }} />
      </div>
    </div>
  );
}
