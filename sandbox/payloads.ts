import type { SandboxOrder } from "./state";
import { formatJakarta } from "./time";

/**
 * The two views of an order Finpay sends out: the `data` of a check-status answer (docs/finpay-reference.md §4.2) and the
 * callback body (§5.1), member order as in docs/finpay-contract.md. Member order matters: the callback is signed over
 * its exact serialisation.
 */

/** Acquirer id carried in callbacks' `transaction` [CODE: seen in integrations, value invented]. */
export const SANDBOX_ACQUIRER_ID = "MPGS_SANDBOX";

function cardView(order: SandboxOrder) {
  // `card` is absent until a card was entered (e.g. on an order that expired unpaid).
  return order.card ? { card: { mask: order.card.mask, info: { ...order.card.info } } } : {};
}

function paymentResult(order: SandboxOrder) {
  return {
    amount: order.amount,
    status: order.status,
    statusDesc: order.statusDesc,
  };
}

function completedAt(order: SandboxOrder): string | null {
  return order.completedAt ? formatJakarta(new Date(order.completedAt)) : null;
}

export function statusData(order: SandboxOrder) {
  return {
    customer: { id: order.customer.id },
    order: { id: order.id, reference: order.reference, amount: order.amount, currency: order.currency },
    ...cardView(order),
    meta: { data: order.metaData ?? null },
    sourceOfFunds: { type: "cc", paymentCode: null },
    result: {
      payment: {
        ...paymentResult(order),
        datetime: completedAt(order),
        reference: order.paymentReference,
        channel: null,
      },
    },
  };
}

export function callbackPayload(order: SandboxOrder, merchantId: string) {
  return {
    customer: { id: order.customer.id },
    order: { id: order.id, reference: order.reference, amount: order.amount, currency: order.currency },
    ...cardView(order),
    meta: { data: order.metaData ?? null },
    sourceOfFunds: { type: "cc", paymentCode: null },
    merchant: { id: merchantId },
    transaction: { acquirerId: SANDBOX_ACQUIRER_ID },
    result: {
      payment: {
        ...paymentResult(order),
        userDesc: order.userDesc,
        datetime: completedAt(order),
        reference: order.paymentReference,
        channel: null,
      },
    },
  };
}
