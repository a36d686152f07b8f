"use client";

import { useActionState } from "react";
import { FormField, FormMessage } from "@/components/ui/form-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleState } from "@/lib/action-state";
import { refundAction, voidAction } from "@/lib/console/actions";

/** The forms' words, from the server panel, already filled in for this payment (no next-intl in client code). */
export type RefundFormLabels = { form: string; amount: string; amountHint: string; reason: string; submit: string; pending: string };
export type VoidFormLabels = { form: string; reason: string; submit: string; pending: string };

type Props = { orderId: string; attemptId: string };

/** Refund part or all of what is left of one payment. */
export function RefundForm({ orderId, attemptId, labels }: Props & { labels: RefundFormLabels }) {
  const [state, formAction] = useActionState(refundAction, idleState);
  const id = `refund-${attemptId}`;
  return (
    <form action={formAction} className="space-y-3" aria-label={labels.form}>
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="attemptId" value={attemptId} />
      <FormMessage status={state.status} message={state.message} />
      <FormField id={`${id}-amount`} name="amount" label={labels.amount} inputMode="numeric" maxLength={20} hint={labels.amountHint} error={state.fieldErrors?.amount} defaultValue={state.status === "error" ? state.values?.amount : ""} />
      <FormField id={`${id}-reason`} name="reason" label={labels.reason} required={false} maxLength={200} error={state.fieldErrors?.reason} defaultValue={state.status === "error" ? state.values?.reason : ""} />
      <SubmitButton pendingLabel={labels.pending}>{labels.submit}</SubmitButton>
    </form>
  );
}

/** Void a paid payment before Finpay settles it: the whole amount, nothing taken. */
export function VoidForm({ orderId, attemptId, labels }: Props & { labels: VoidFormLabels }) {
  const [state, formAction] = useActionState(voidAction, idleState);
  return (
    <form action={formAction} className="space-y-3" aria-label={labels.form}>
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="attemptId" value={attemptId} />
      <FormMessage status={state.status} message={state.message} />
      <FormField id={`void-${attemptId}-reason`} name="reason" label={labels.reason} required={false} maxLength={200} error={state.fieldErrors?.reason} defaultValue={state.status === "error" ? state.values?.reason : ""} />
      <SubmitButton variant="secondary" pendingLabel={labels.pending} className="border-red-300 text-red-800">
        {labels.submit}
      </SubmitButton>
    </form>
  );
}
