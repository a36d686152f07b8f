"use client";

import { useActionState, useState } from "react";
import { FormField, FormMessage } from "@/components/ui/form-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleState } from "@/lib/action-state";
import { fulfilmentStepAction } from "@/lib/delivery/fulfilment-actions";

/** The words of the panel's forms, from the server panel (no next-intl in client code). */
export type StepLabels = { submit: string; pending: string };
export type ShipLabels = StepLabels & { form: string; courier: string; resi: string; resiHint: Record<string, string> };
export type CourierChoice = { id: string; label: string };

/** One step that needs nothing but a click: pack, deliver, return. */
export function FulfilmentStepForm({ orderId, step, labels, variant = "primary" }: { orderId: string; step: "pack" | "deliver" | "return"; labels: StepLabels; variant?: "primary" | "secondary" }) {
  const [state, formAction] = useActionState(fulfilmentStepAction, idleState);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="step" value={step} />
      <FormMessage status={state.status} message={state.message} />
      <SubmitButton variant={variant} pendingLabel={labels.pending}>
        {labels.submit}
      </SubmitButton>
    </form>
  );
}

/** Shipping: the courier (the customer's choice first) and the resi from its label, checked on the server. */
export function ShipForm({ orderId, couriers, defaultCourier, labels }: { orderId: string; couriers: CourierChoice[]; defaultCourier: string; labels: ShipLabels }) {
  const [state, formAction] = useActionState(fulfilmentStepAction, idleState);
  // Uncontrolled, like every field of a form action: React resets the form after each submission to the values it
  // was rendered with, so the courier sent is kept as the select's default (and the hint follows the select).
  const shownCourier = (state.status === "error" ? state.values?.courier : undefined) ?? defaultCourier;
  const [courier, setCourier] = useState(shownCourier);
  const courierError = state.fieldErrors?.courier;
  return (
    <form action={formAction} className="space-y-3" aria-label={labels.form}>
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="step" value="ship" />
      <FormMessage status={state.status} message={state.message} />
      <div className="space-y-1">
        <label htmlFor={`ship-${orderId}-courier`} className="block text-sm font-medium text-stone-800">
          {labels.courier}
        </label>
        <select
          key={shownCourier}
          id={`ship-${orderId}-courier`}
          name="courier"
          defaultValue={shownCourier}
          onChange={(event) => setCourier(event.target.value)}
          aria-invalid={courierError ? true : undefined}
          aria-describedby={courierError ? `ship-${orderId}-courier-error` : undefined}
          className="w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-stone-900 aria-[invalid]:border-red-600"
        >
          {couriers.map((choice) => (
            <option key={choice.id} value={choice.id}>
              {choice.label}
            </option>
          ))}
        </select>
        {courierError ? (
          <p id={`ship-${orderId}-courier-error`} className="text-sm text-red-700">
            {courierError}
          </p>
        ) : null}
      </div>
      <FormField
        id={`ship-${orderId}-resi`}
        name="trackingNumber"
        label={labels.resi}
        hint={labels.resiHint[courier]}
        maxLength={40}
        autoComplete="off"
        error={state.fieldErrors?.trackingNumber}
        defaultValue={state.status === "error" ? state.values?.trackingNumber : ""}
      />
      <SubmitButton pendingLabel={labels.pending}>{labels.submit}</SubmitButton>
    </form>
  );
}
