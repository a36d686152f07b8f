import { z } from "zod";
import { CALLBACK_RETRY_SPACINGS, type CallbackRetrySpacing } from "../lib/finpay/callback-retries";

/**
 * Quirks: where Finpay's reference leaves two readings open, the sandbox plays either, so a test can show what a
 * merchant sees when the adapter's guess is wrong. Unlike faults they change no single request: they change how
 * the sandbox behaves until cleared (DELETE /__sandbox/quirks, or POST /__sandbox/reset).
 */

/** Which void forms the sandbox answers (lib/finpay/money-back.ts); a form switched off is answered as a missing route. */
export const VOID_FORM_SWITCHES = ["both", "post", "get"] as const;
export type VoidFormSwitch = (typeof VOID_FORM_SWITCHES)[number];

export interface Quirks {
  acceptVoid: VoidFormSwitch;
  callbackRetrySpacing: CallbackRetrySpacing;
}

export const DEFAULT_QUIRKS: Readonly<Quirks> = Object.freeze({ acceptVoid: "both", callbackRetrySpacing: "waits" });

export const QuirksRequestSchema = z.strictObject({
  /** "post" or "get": the host offers only that void form, as real Finpay offers one. */
  acceptVoid: z.enum(VOID_FORM_SWITCHES).optional(),
  /** Whether the retry minutes are waits between tries (the last at 111 min) or offsets from the first (at 60). */
  callbackRetrySpacing: z.enum(CALLBACK_RETRY_SPACINGS).optional(),
});

export class SandboxQuirks {
  private current: Quirks = { ...DEFAULT_QUIRKS };

  get(): Readonly<Quirks> {
    return this.current;
  }

  set(change: z.infer<typeof QuirksRequestSchema>): void {
    this.current = {
      acceptVoid: change.acceptVoid ?? this.current.acceptVoid,
      callbackRetrySpacing: change.callbackRetrySpacing ?? this.current.callbackRetrySpacing,
    };
  }

  clear(): void {
    this.current = { ...DEFAULT_QUIRKS };
  }

  acceptsVoid(form: "post" | "get"): boolean {
    return this.current.acceptVoid === "both" || this.current.acceptVoid === form;
  }
}
