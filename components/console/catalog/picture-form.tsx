"use client";

import Image from "next/image";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { FormMessage } from "@/components/ui/form-field";

export type PictureFormLabels = { current: string; none: string; label: string; hint: string; upload: string; uploading: string; missing: string; tooLarge: string; failed: string };

type State = { status: "idle" | "success" | "error"; message?: string; imagePath: string };

/**
 * Replaces the product's picture. The file goes to the upload route (app/api/console/products/[productId]/picture),
 * which checks its bytes and answers in the merchant's language; the two checks made here first (a file chosen, not
 * over the size limit) only spare a pointless upload.
 */
export function PictureForm({ productId, imagePath, maxBytes, labels }: { productId: number; imagePath: string; maxBytes: number; labels: PictureFormLabels }) {
  const router = useRouter();
  const [state, setState] = useState<State>({ status: "idle", imagePath });
  const [pending, startTransition] = useTransition();
  const id = "field-picture";
  const error = state.status === "error" ? state.message : undefined;

  function upload(form: HTMLFormElement) {
    const file = new FormData(form).get("picture");
    if (!(file instanceof File) || file.size === 0) return setState((s) => ({ ...s, status: "error", message: labels.missing }));
    if (file.size > maxBytes) return setState((s) => ({ ...s, status: "error", message: labels.tooLarge }));
    startTransition(async () => {
      try {
        const response = await fetch(`/api/console/products/${productId}/picture`, { method: "POST", body: new FormData(form) });
        const body = (await response.json()) as { message?: string; imagePath?: string };
        if (!response.ok) return setState((s) => ({ ...s, status: "error", message: body.message ?? labels.failed }));
        setState({ status: "success", message: body.message, imagePath: body.imagePath ?? imagePath });
        form.reset();
        router.refresh();
      } catch {
        setState((s) => ({ ...s, status: "error", message: labels.failed }));
      }
    });
  }

  return (
    <div className="grid gap-4 sm:grid-cols-[10rem_1fr]">
      {state.imagePath ? (
        <figure className="space-y-1">
          <Image src={state.imagePath} alt={labels.current} width={160} height={160} className="aspect-square w-40 rounded-md border border-stone-200 object-cover" data-testid="product-picture" />
        </figure>
      ) : (
        <p className="flex aspect-square w-40 items-center justify-center rounded-md border border-dashed border-stone-300 bg-stone-50 p-3 text-center text-xs text-stone-600">{labels.none}</p>
      )}
      <form
        noValidate
        className="space-y-3"
        aria-label={labels.upload}
        onSubmit={(event) => {
          event.preventDefault();
          upload(event.currentTarget);
        }}
      >
        {state.status === "success" ? <FormMessage status="success" message={state.message} /> : null}
        <div className="space-y-1">
          <label htmlFor={id} className="block text-sm font-medium text-stone-800">
            {labels.label}
          </label>
          <input
            id={id}
            name="picture"
            type="file"
            accept="image/jpeg,image/png,image/webp"
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
            className="block w-full text-sm text-stone-800 file:mr-3 file:rounded-md file:border file:border-stone-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-stone-800 hover:file:bg-stone-100"
          />
          <p id={`${id}-hint`} className="text-xs text-stone-600">
            {labels.hint}
          </p>
          {error ? (
            <p id={`${id}-error`} role="alert" className="text-sm text-red-700">
              {error}
            </p>
          ) : null}
        </div>
        <button
          type="submit"
          disabled={pending}
          aria-disabled={pending}
          className="inline-flex items-center justify-center gap-2 rounded-md border border-stone-300 bg-white px-4 py-2 text-sm font-medium text-stone-800 hover:bg-stone-100 disabled:cursor-not-allowed disabled:text-stone-500"
        >
          {pending ? (
            <>
              <span aria-hidden className="size-3.5 animate-spin rounded-full border-2 border-current border-t-transparent" />
              {labels.uploading}
            </>
          ) : (
            labels.upload
          )}
        </button>
      </form>
    </div>
  );
}
