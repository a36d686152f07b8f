"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleState, type ActionState } from "@/lib/action-state";
import { cancelPaymentAction, checkStatusAction, startOverAction } from "@/lib/payments/actions";

/** A button's words in the shopper's language, from the server page. */
export type ActionLabels = { submit: string; pending: string };

type Props = { orderId: string; labels: ActionLabels };

/** One button that runs an action on an order and shows its answer underneath. */
function OrderActionForm({ action, orderId, labels, danger = false }: Props & { action: (state: ActionState, formData: FormData) => Promise<ActionState>; danger?: boolean }) {
  const [state, formAction] = useActionState(action, idleState);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="orderId" value={orderId} />
      <SubmitButton variant={danger ? "danger" : "secondary"} pendingLabel={labels.pending} className={danger ? "border border-red-200" : undefined}>
        {labels.submit}
      </SubmitButton>
      <FormMessage status={state.status} message={state.message} />
    </form>
  );
}

export const CheckStatusButton = (props: Props) => <OrderActionForm action={checkStatusAction} {...props} />;

export const CancelPaymentButton = (props: Props) => <OrderActionForm action={cancelPaymentAction} danger {...props} />;

/** "Cancel and start over" at checkout: cancels the open payment at Finpay and closes its order. */
export const StartOverButton = (props: Props) => <OrderActionForm action={startOverAction} {...props} />;
