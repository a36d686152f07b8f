import type { Metadata } from "next";
import { formatPhone } from "@/lib/account/phone";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { redirect } from "next/navigation";
import { DeliveryPicker } from "@/components/checkout/delivery-picker";
import { OpenPaymentNotice } from "@/components/checkout/open-payment-notice";
import { PaymentOptions } from "@/components/checkout/payment-options";
import { AddressForm } from "@/components/delivery/address-form";
import { OrderLines } from "@/components/orders/order-lines";
import { requireUser } from "@/lib/auth/session";
import { deliveryOptionChoices, deliveryProblemText, deliveryRows } from "@/lib/delivery/presentation";
import { startCheckoutAction } from "@/lib/payments/actions";
import { getCheckoutPage, isProfileComplete } from "@/lib/payments/checkout";
import { shortfallText } from "@/lib/payments/texts";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("checkout.meta");
  return { title: t("title") };
}

type Props = { searchParams: Promise<{ address?: string | string[]; option?: string | string[] }> };

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

export default async function CheckoutPage({ searchParams }: Props) {
  const user = await requireUser("/checkout");
  if (!isProfileComplete(user)) redirect("/account?complete=1&returnTo=%2Fcheckout");
  const wanted = await searchParams;
  const [{ cart, savedCards, openOrder, delivery, shortfalls }, t, tDelivery, tStock] = await Promise.all([
    getCheckoutPage(user, await getLocale(), { addressId: one(wanted.address), optionId: one(wanted.option) }),
    getTranslations("checkout"),
    getTranslations("checkout.delivery"),
    getTranslations("checkout.stock"),
  ]);

  if (cart.lines.length === 0) {
    return (
      <section className="mx-auto max-w-md space-y-4 py-12 text-center">
        <h1 className="text-2xl font-semibold">{t("heading")}</h1>
        <p className="text-stone-700">{t("empty")}</p>
        <Link href="/" className="inline-block rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">
          {t("browse")}
        </Link>
      </section>
    );
  }
  const unavailable = cart.lines.some((line) => !line.available);
  const { address, option } = delivery;
  const shippingIdr = option?.costIdr ?? 0;
  // Why no Pay button, in the order the customer can fix it.
  const blocker = unavailable ? "unavailable" : shortfalls.length > 0 ? "stock" : !address ? "address" : !option ? "delivery" : null;
  // The same cart with a payment already open: continue it or start over, never a second payable link.
  const continueOnly = openOrder?.sameCart && openOrder.paymentOpen;
  const cartLink = (chunks: React.ReactNode) => (
    <Link href="/cart" className="underline">
      {chunks}
    </Link>
  );
  return (
    <section className="grid gap-8 lg:grid-cols-[1fr_380px]">
      <div className="space-y-6">
        <h1 className="text-2xl font-semibold tracking-tight">{t("heading")}</h1>
        <OrderLines
          title={t("orderSummary")}
          lines={cart.lines.map((line) => ({ ...line, unavailable: !line.available }))}
          rows={option ? deliveryRows(tDelivery, delivery.itemsSubtotalIdr, option.name, shippingIdr) : []}
          totalIdr={delivery.itemsSubtotalIdr + shippingIdr}
          totalTestId="checkout-total"
        />
        <section className="space-y-4 rounded-lg border border-stone-200 bg-white p-5" aria-labelledby="delivery-heading">
          <h2 id="delivery-heading" className="font-semibold">
            {t("delivery.heading")}
          </h2>
          {delivery.addresses.length > 0 ? (
            <DeliveryPicker
              addresses={delivery.addresses}
              addressId={address?.id ?? null}
              options={deliveryOptionChoices(tDelivery, delivery.options)}
              optionId={option?.id ?? null}
              labels={{ deliverTo: t("delivery.deliverTo"), option: t("delivery.option"), update: t("delivery.update"), updating: t("delivery.updating") }}
            />
          ) : (
            <p className="text-sm text-stone-700">{t("delivery.noAddress")}</p>
          )}
          {delivery.problem ? (
            <p role="alert" data-testid="delivery-problem" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
              {deliveryProblemText(tDelivery, delivery.problem)}
            </p>
          ) : null}
          {delivery.addresses.length > 0 ? (
            <details className="rounded-md border border-stone-200 p-3">
              <summary className="cursor-pointer text-sm font-medium text-brand-700">{t("delivery.addAddress")}</summary>
              <div className="pt-4">
                <AddressForm returnTo="/checkout" submitLabel={t("delivery.saveAndDeliver")} />
              </div>
            </details>
          ) : (
            <AddressForm returnTo="/checkout" submitLabel={t("delivery.saveAndDeliver")} />
          )}
        </section>
        <div className="rounded-lg border border-stone-200 bg-white p-5 text-sm">
          <h2 className="mb-2 font-semibold">{t("billing.heading")}</h2>
          <p>
            {user.firstName} {user.lastName} · {user.email} · {formatPhone(user.mobilePhone)}
          </p>
          <p className="text-stone-600">{t("billing.address")}</p>
          <Link href="/account?returnTo=%2Fcheckout" className="text-brand-700 underline">
            {t("billing.edit")}
          </Link>
        </div>
      </div>
      <div className="h-fit space-y-4 rounded-lg border border-stone-200 bg-white p-5">
        <h2 className="font-semibold">{t("payment.heading")}</h2>
        {openOrder && !blocker ? <OpenPaymentNotice openOrder={openOrder} /> : null}
        {blocker === "unavailable" ? (
          <p role="alert" className="text-sm text-amber-900">
            {t.rich("payment.unavailable", { link: cartLink })}
          </p>
        ) : blocker === "stock" ? (
          <p role="alert" data-testid="stock-problem" className="text-sm text-amber-900">
            {shortfallText(tStock, shortfalls)}{" "}
            <Link href="/cart" className="underline">
              {t("payment.goToCart")}
            </Link>
          </p>
        ) : blocker === "address" ? (
          <p className="text-sm text-stone-700">{t("payment.needAddress")}</p>
        ) : blocker === "delivery" ? (
          <p className="text-sm text-stone-700">{t("payment.noOption")}</p>
        ) : continueOnly || !address || !option ? null : (
          <PaymentOptions
            action={startCheckoutAction}
            savedCards={savedCards}
            amountIdr={delivery.itemsSubtotalIdr + shippingIdr}
            delivery={{ addressId: address.id, optionId: option.id }}
          />
        )}
      </div>
    </section>
  );
}
