"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleState } from "@/lib/action-state";
import { cancelPaymentAction, checkStatusAction } from "@/lib/payments/actions";

export function CheckStatusButton({ orderId }: { orderId: string }) {
  const [state, formAction] = useActionState(checkStatusAction, idleState);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="orderId" value={orderId} />
      <SubmitButton variant="secondary" pendingLabel="Checking…">
        Check status
      </SubmitButton>
      <FormMessage status={state.status} message={state.message} />
    </form>
  );
}

export function CancelPaymentButton({ orderId }: { orderId: string }) {
  const [state, formAction] = useActionState(cancelPaymentAction, idleState);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="orderId" value={orderId} />
      <SubmitButton variant="danger" pendingLabel="Cancelling…" className="border border-red-200">
        Cancel payment
      </SubmitButton>
      <FormMessage status={state.status} message={state.message} />
    </form>
  );
}
