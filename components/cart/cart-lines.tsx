"use client";

import Image from "next/image";
import Link from "next/link";
import { useActionState, useOptimistic, useState, useTransition } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleState, type ActionState } from "@/lib/action-state";
import { removeFromCartAction, setCartQuantityAction } from "@/lib/cart/actions";
import type { CartLine } from "@/lib/cart/queries";
import { MAX_QUANTITY } from "@/lib/cart/limits";
import { formatIdr } from "@/lib/money";

/** One line's words in the shopper's language, with the product's name already in them (from the cart page). */
export type CartLineLabels = {
  each: string;
  unavailable: string;
  decrease: string;
  increase: string;
  quantityOf: string;
  remove: string;
  removeLabel: string;
  removing: string;
};

export function CartLines({ lines, labels }: { lines: CartLine[]; labels: Record<number, CartLineLabels> }) {
  return (
    <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
      {lines.map((line, index) => (
        <CartLineRow key={line.productId} line={line} labels={labels[line.productId]!} first={index === 0} />
      ))}
    </ul>
  );
}

// The first line's picture is the page's largest paint: requested from the document's head, not lazily.
function CartLineRow({ line, labels, first }: { line: CartLine; labels: CartLineLabels; first: boolean }) {
  // The quantity shown moves at once; the server's answer (or a revalidated page) settles it.
  const [optimisticQuantity, setOptimisticQuantity] = useOptimistic(line.quantity);
  const [pending, startTransition] = useTransition();
  const [quantityState, setQuantityState] = useActionState<ActionState, ActionState>((_, next) => next, idleState);
  const [removeState, removeAction] = useActionState(removeFromCartAction, idleState);
  // Bumped on every refusal: the input is rebuilt and shows the last quantity the cart accepted, not the refused one.
  const [refusals, setRefusals] = useState(0);
  const inputId = `quantity-${line.productId}`;
  const errorId = `line-error-${line.productId}`;
  const message = quantityState.status === "error" ? quantityState.message : removeState.status === "error" ? removeState.message : undefined;

  function changeQuantity(raw: string) {
    const formData = new FormData();
    formData.set("productId", String(line.productId));
    formData.set("quantity", raw);
    startTransition(async () => {
      const asNumber = Number(raw);
      if (Number.isInteger(asNumber) && asNumber >= 1 && asNumber <= MAX_QUANTITY) setOptimisticQuantity(asNumber);
      const answer = await setCartQuantityAction(idleState, formData);
      if (answer.status === "error") setRefusals((n) => n + 1);
      setQuantityState(answer);
    });
  }

  return (
    <li data-testid="cart-line" className="space-y-2 p-4">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-center">
        <Image
          src={line.imagePath}
          alt=""
          width={80}
          height={80}
          {...(first ? { preload: true } : { loading: "lazy" as const })}
          className="size-20 shrink-0 rounded-md border border-stone-200"
        />
        <div className="min-w-0 flex-1">
          <Link href={`/products/${line.slug}`} className="font-medium hover:text-brand-700">
            {line.name}
          </Link>
          <p className="text-sm text-stone-600">{labels.each}</p>
          {!line.available ? <p className="text-sm font-medium text-amber-800">{labels.unavailable}</p> : null}
        </div>
        <div className="flex shrink-0 items-center gap-2">
          <button
            type="button"
            aria-label={labels.decrease}
            disabled={pending || optimisticQuantity <= 1}
            onClick={() => changeQuantity(String(optimisticQuantity - 1))}
            className="size-9 rounded-md border border-stone-300 text-lg disabled:opacity-40"
          >
            −
          </button>
          <label htmlFor={inputId} className="sr-only">
            {labels.quantityOf}
          </label>
          <input
            id={inputId}
            key={`${optimisticQuantity}:${refusals}`}
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_QUANTITY}
            defaultValue={optimisticQuantity}
            aria-describedby={message ? errorId : undefined}
            onBlur={(event) => {
              if (event.currentTarget.value !== String(line.quantity)) changeQuantity(event.currentTarget.value);
            }}
            onKeyDown={(event) => {
              if (event.key === "Enter") {
                event.preventDefault();
                changeQuantity(event.currentTarget.value);
              }
            }}
            className="w-16 rounded-md border border-stone-300 px-2 py-1.5 text-center"
          />
          <button
            type="button"
            aria-label={labels.increase}
            disabled={pending || optimisticQuantity >= MAX_QUANTITY}
            onClick={() => changeQuantity(String(optimisticQuantity + 1))}
            className="size-9 rounded-md border border-stone-300 text-lg disabled:opacity-40"
          >
            +
          </button>
        </div>
        <p className="shrink-0 font-semibold sm:w-32 sm:text-right" aria-busy={pending}>
          <span className={pending ? "opacity-50" : undefined} data-testid="line-total">
            {formatIdr(line.lineTotalIdr)}
          </span>
        </p>
        <form action={removeAction} className="shrink-0">
          <input type="hidden" name="productId" value={line.productId} />
          <SubmitButton variant="danger" pendingLabel={labels.removing} aria-label={labels.removeLabel}>
            {labels.remove}
          </SubmitButton>
        </form>
      </div>
      {/* Below the line, so that a message never squeezes the row's controls. */}
      {message ? (
        <p id={errorId} role="alert" data-testid="line-error" className="text-sm text-red-700">
          {message}
        </p>
      ) : null}
    </li>
  );
}
