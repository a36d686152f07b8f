"use client";

import Image from "next/image";
import Link from "next/link";
import { useActionState, useOptimistic, useTransition } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleState, type ActionState } from "@/lib/action-state";
import { removeFromCartAction, setCartQuantityAction } from "@/lib/cart/actions";
import type { CartLine } from "@/lib/cart/queries";
import { MAX_QUANTITY } from "@/lib/cart/limits";
import { formatIdr } from "@/lib/money";

export function CartLines({ lines }: { lines: CartLine[] }) {
  return (
    <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
      {lines.map((line, index) => (
        <CartLineRow key={line.productId} line={line} first={index === 0} />
      ))}
    </ul>
  );
}

// The first line's picture is the page's largest paint: requested from the document's head, not lazily.
function CartLineRow({ line, first }: { line: CartLine; first: boolean }) {
  // The quantity shown moves at once; the server's answer (or a revalidated page) settles it.
  const [optimisticQuantity, setOptimisticQuantity] = useOptimistic(line.quantity);
  const [pending, startTransition] = useTransition();
  const [quantityState, setQuantityState] = useActionState<ActionState, ActionState>((_, next) => next, idleState);
  const [removeState, removeAction] = useActionState(removeFromCartAction, idleState);
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
      setQuantityState(await setCartQuantityAction(idleState, formData));
    });
  }

  return (
    <li data-testid="cart-line" className="flex flex-col gap-4 p-4 sm:flex-row sm:items-center">
      <Image
        src={line.imagePath}
        alt=""
        width={80}
        height={80}
        {...(first ? { preload: true } : { loading: "lazy" as const })}
        className="size-20 rounded-md border border-stone-200"
      />
      <div className="flex-1">
        <Link href={`/products/${line.slug}`} className="font-medium hover:text-brand-700">
          {line.name}
        </Link>
        <p className="text-sm text-stone-600">{formatIdr(line.unitPriceIdr)} each</p>
        {!line.available ? <p className="text-sm font-medium text-amber-800">No longer available: remove it to continue.</p> : null}
      </div>
      <div className="flex items-center gap-2">
        <button
          type="button"
          aria-label={`Decrease quantity of ${line.name}`}
          disabled={pending || optimisticQuantity <= 1}
          onClick={() => changeQuantity(String(optimisticQuantity - 1))}
          className="size-9 rounded-md border border-stone-300 text-lg disabled:opacity-40"
        >
          −
        </button>
        <label htmlFor={inputId} className="sr-only">
          Quantity of {line.name}
        </label>
        <input
          id={inputId}
          key={optimisticQuantity}
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_QUANTITY}
          defaultValue={optimisticQuantity}
          aria-invalid={quantityState.status === "error" ? true : undefined}
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
          className="w-16 rounded-md border border-stone-300 px-2 py-1.5 text-center aria-[invalid]:border-red-600"
        />
        <button
          type="button"
          aria-label={`Increase quantity of ${line.name}`}
          disabled={pending || optimisticQuantity >= MAX_QUANTITY}
          onClick={() => changeQuantity(String(optimisticQuantity + 1))}
          className="size-9 rounded-md border border-stone-300 text-lg disabled:opacity-40"
        >
          +
        </button>
      </div>
      <p className="w-32 text-right font-semibold" aria-busy={pending}>
        <span className={pending ? "opacity-50" : undefined} data-testid="line-total">
          {formatIdr(line.lineTotalIdr)}
        </span>
      </p>
      <form action={removeAction}>
        <input type="hidden" name="productId" value={line.productId} />
        <SubmitButton variant="danger" pendingLabel="Removing…" aria-label={`Remove ${line.name}`}>
          Remove
        </SubmitButton>
      </form>
      {message ? (
        <p id={errorId} role="alert" className="basis-full text-sm text-red-700">
          {message}
        </p>
      ) : null}
    </li>
  );
}
