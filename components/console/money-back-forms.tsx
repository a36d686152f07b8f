"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { FormField, FormMessage } from "@/components/ui/form-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { refundAction, voidAction } from "@/lib/console/actions";
import type { MoneyBackReview, MoneyBackState } from "@/lib/console/money-back-state";

/** The forms' words, from the server panel, already filled in for this payment (no next-intl in client code). */
export type RefundFormLabels = { form: string; amount: string; amountHint: string; reason: string; reasonHint: string; submit: string; pending: string; change: string; confirming: string };
export type VoidFormLabels = { form: string; reason: string; reasonHint: string; submit: string; pending: string; change: string; confirming: string };

type Props = { orderId: string; attemptId: string };

const idle: MoneyBackState = { status: "idle" };

/**
 * The review the server answered with, until the merchant changes a field or presses "Change": then the form is
 * back to its first step and the next submit reviews again.
 */
function useReview(state: MoneyBackState): { review: MoneyBackReview | undefined; dismiss: () => void } {
  const [dismissed, setDismissed] = useState<MoneyBackState | null>(null);
  const review = state.review && dismissed !== state ? state.review : undefined;
  return { review, dismiss: () => setDismissed(state) };
}

/** The confirmation step: the amount as the server read it, one button that moves money, one that goes back. */
function Confirmation({ id, review, change, confirming, onChange, danger }: { id: string; review: MoneyBackReview; change: string; confirming: string; onChange: () => void; danger?: boolean }) {
  const question = useRef<HTMLParagraphElement>(null);
  // The question replaces the button that was just pressed: focus goes to it, so a screen reader reads it out.
  useEffect(() => question.current?.focus(), [review]);
  return (
    <div role="group" aria-labelledby={`${id}-question`} className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-3">
      <input type="hidden" name="confirmAmount" value={review.amountIdr} />
      <p id={`${id}-question`} ref={question} tabIndex={-1} className="font-medium text-stone-900 focus:outline-none" data-testid="money-back-question">
        {review.question}
      </p>
      <div className="flex flex-wrap gap-2">
        <SubmitButton pendingLabel={confirming} variant={danger ? "secondary" : "primary"} className={danger ? "border-red-300 text-red-800" : ""}>
          {review.confirm}
        </SubmitButton>
        <button type="button" onClick={onChange} className="rounded-md border border-stone-300 bg-white px-4 py-2 text-sm font-medium text-stone-800 hover:bg-stone-100">
          {change}
        </button>
      </div>
    </div>
  );
}

/** Refund part or all of what is left of one payment: amount and reason, then the confirmation. */
export function RefundForm({ orderId, attemptId, labels }: Props & { labels: RefundFormLabels }) {
  const [state, formAction] = useActionState(refundAction, idle);
  const { review, dismiss } = useReview(state);
  const id = `refund-${attemptId}`;
  const kept = state.status === "success" ? undefined : state.values;
  return (
    <form action={formAction} onInput={review ? dismiss : undefined} className="space-y-3" aria-label={labels.form}>
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="attemptId" value={attemptId} />
      <FormMessage status={state.status} message={state.message} />
      <FormField id={`${id}-amount`} name="amount" label={labels.amount} inputMode="numeric" maxLength={20} hint={labels.amountHint} error={state.fieldErrors?.amount} defaultValue={kept?.amount ?? ""} />
      <FormField id={`${id}-reason`} name="reason" label={labels.reason} maxLength={200} hint={labels.reasonHint} error={state.fieldErrors?.reason} defaultValue={kept?.reason ?? ""} />
      {review ? (
        <Confirmation id={id} review={review} change={labels.change} confirming={labels.confirming} onChange={dismiss} />
      ) : (
        <SubmitButton pendingLabel={labels.pending}>{labels.submit}</SubmitButton>
      )}
    </form>
  );
}

/** Void a paid payment before Finpay settles it: the whole amount, nothing taken; a reason, then the confirmation. */
export function VoidForm({ orderId, attemptId, labels }: Props & { labels: VoidFormLabels }) {
  const [state, formAction] = useActionState(voidAction, idle);
  const { review, dismiss } = useReview(state);
  const id = `void-${attemptId}`;
  const kept = state.status === "success" ? undefined : state.values;
  return (
    <form action={formAction} onInput={review ? dismiss : undefined} className="space-y-3" aria-label={labels.form}>
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="attemptId" value={attemptId} />
      <FormMessage status={state.status} message={state.message} />
      <FormField id={`${id}-reason`} name="reason" label={labels.reason} maxLength={200} hint={labels.reasonHint} error={state.fieldErrors?.reason} defaultValue={kept?.reason ?? ""} />
      {review ? (
        <Confirmation id={id} review={review} change={labels.change} confirming={labels.confirming} onChange={dismiss} danger />
      ) : (
        <SubmitButton variant="secondary" pendingLabel={labels.pending} className="border-red-300 text-red-800">
          {labels.submit}
        </SubmitButton>
      )}
    </form>
  );
}
