import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { PaymentChoices } from "@/components/checkout/payment-choices";
import { OrderLines } from "@/components/orders/order-lines";
import { requireUser } from "@/lib/auth/session";
import { getCartView } from "@/lib/cart/queries";
import { findUserCartId } from "@/lib/cart/service";
import { formatIdr } from "@/lib/money";
import { startCheckoutAction } from "@/lib/payments/actions";
import { isProfileComplete } from "@/lib/payments/checkout";
import { listSavedCards } from "@/lib/payments/saved-cards";

export const metadata: Metadata = { title: "Checkout" };

export default async function CheckoutPage() {
  const user = await requireUser("/checkout");
  if (!isProfileComplete(user)) redirect("/account?complete=1&returnTo=%2Fcheckout");
  const [cart, cards] = await Promise.all([findUserCartId(user.id).then(getCartView), listSavedCards(user.id)]);

  if (cart.lines.length === 0) {
    return (
      <section className="mx-auto max-w-md space-y-4 py-12 text-center">
        <h1 className="text-2xl font-semibold">Checkout</h1>
        <p className="text-stone-700">Your cart is empty.</p>
        <Link href="/" className="inline-block rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">
          Browse the catalog
        </Link>
      </section>
    );
  }
  const blocked = cart.lines.some((line) => !line.available);
  return (
    <section className="grid gap-8 lg:grid-cols-[1fr_380px]">
      <div className="space-y-6">
        <h1 className="text-2xl font-semibold tracking-tight">Checkout</h1>
        <OrderLines
          title="Order summary"
          lines={cart.lines.map((line) => ({ ...line, unavailable: !line.available }))}
          totalIdr={cart.totalIdr}
          totalTestId="checkout-total"
        />
        <div className="rounded-lg border border-stone-200 bg-white p-5 text-sm">
          <h2 className="mb-2 font-semibold">Billed to</h2>
          <p>
            {user.firstName} {user.lastName} · {user.email} · {user.mobilePhone}
          </p>
          <Link href="/account?returnTo=%2Fcheckout" className="text-brand-700 underline">
            Edit profile
          </Link>
        </div>
      </div>
      <div className="h-fit space-y-4 rounded-lg border border-stone-200 bg-white p-5">
        <h2 className="font-semibold">Payment</h2>
        {blocked ? (
          <p role="alert" className="text-sm text-amber-900">
            A product in your cart is no longer available. <Link href="/cart" className="underline">Remove it from your cart</Link> to continue.
          </p>
        ) : (
          <PaymentChoices action={startCheckoutAction} idempotencyKey={randomUUID()} savedCards={cards} amountLabel={formatIdr(cart.totalIdr)} />
        )}
      </div>
    </section>
  );
}
