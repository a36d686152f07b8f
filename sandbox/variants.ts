import { z } from "zod";

/**
 * Callback variants: the control API makes the sandbox send callbacks the way a real Finpay might, where its
 * reference is silent or unsure, so the storefront's tolerances are tested end to end. Every variant is still
 * signed correctly (the HMAC covers the reshaped body), exactly as Finpay would sign whatever it sends.
 */

export const CallbackVariantRequestSchema = z.strictObject({
  /** Sent as the Content-Type header instead of application/json (e.g. "text/plain", "application/x-www-form-urlencoded"). */
  contentType: z.string().min(1).max(200).regex(/^[\x21-\x7e][\x20-\x7e]*$/, "printable ASCII").optional(),
  /** order.amount and result.payment.amount as strings ("150000") instead of numbers. */
  amountsAsStrings: z.boolean().default(false),
  /** Members the reference does not list, at the top level and inside order and result.payment. */
  extraMembers: z.boolean().default(false),
  /** Leave out every member the reference marks optional (meta, card, sourceOfFunds, merchant, transaction, …). */
  missingOptionalMembers: z.boolean().default(false),
  /** result.payment.status as given (an unknown status); the order itself keeps its real status. */
  status: z.string().min(1).max(40).optional(),
  /** How many callbacks to reshape; absent: every one until DELETE /__sandbox/callback-variants. */
  count: z.number().int().min(1).max(1_000).optional(),
});
export type CallbackVariant = Omit<z.infer<typeof CallbackVariantRequestSchema>, "count">;

type Payload = Record<string, unknown> & { order: Record<string, unknown>; result: { payment: Record<string, unknown> } };

/** The variant switched on through the control API, consumed one callback at a time. */
export class CallbackVariants {
  private active: { variant: CallbackVariant; remaining: number | null } | null = null;

  set(request: z.infer<typeof CallbackVariantRequestSchema>): void {
    const { count, ...variant } = request;
    this.active = { variant, remaining: count ?? null };
  }

  get(): { variant: CallbackVariant; remaining: number | null } | null {
    return this.active;
  }

  clear(): void {
    this.active = null;
  }

  take(): CallbackVariant | null {
    const active = this.active;
    if (!active) return null;
    if (active.remaining !== null && --active.remaining <= 0) this.active = null;
    return active.variant;
  }
}

/** The callback payload reshaped by a variant; member order otherwise unchanged. */
export function reshapeCallback<T extends Payload>(payload: T, variant: CallbackVariant): Record<string, unknown> {
  let order: Record<string, unknown> = { ...payload.order };
  let payment: Record<string, unknown> = { ...payload.result.payment };
  let top: Record<string, unknown> = { ...payload };
  if (variant.status) payment.status = variant.status;
  if (variant.amountsAsStrings) {
    order.amount = String(order.amount);
    if (payment.amount !== null && payment.amount !== undefined) payment.amount = String(payment.amount);
  }
  if (variant.missingOptionalMembers) {
    // What the reference's callback table requires (order id/amount, customer, the payment status) stays.
    order = { id: order.id, amount: order.amount };
    payment = { status: payment.status };
    top = { customer: top.customer, order: top.order, result: top.result };
  }
  if (variant.extraMembers) {
    order = { ...order, installment: null, mcc: "5999" };
    payment = { ...payment, approvalCode: "831000", eci: "02", responseCodeAcquirer: "00" };
    top = { ...top, transactionTime: "2026-03-01 10:05:12", additionalInfo: { channelName: "MPGS", installmentTenor: null, promo: [] } };
  }
  // Every member keeps its place; only order and result.payment are replaced.
  return Object.fromEntries(
    Object.entries(top).map(([key, value]) => [key, key === "order" ? order : key === "result" ? { ...(value as Record<string, unknown>), payment } : value]),
  );
}
