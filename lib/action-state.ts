/**
 * The small typed state every server action returns to `useActionState`. Its texts are already in the shopper's
 * language: lib code gives keys (lib/translatable.ts `msg`, zod messages via `messageKey`, UserFacingError.text),
 * and the action translates them once with `const tr = await getTranslate()` (lib/translate.ts):
 * `parseForm(schema, formData, fields, tr)` for field errors, `errorState(tr(msg("validation.form.fixMarked")), …)`.
 */
export type ActionState = {
  status: "idle" | "success" | "error";
  message?: string;
  fieldErrors?: Record<string, string>;
  /** What the user typed, echoed back so a rejected form loses nothing. */
  values?: Record<string, string>;
};

export const idleState: ActionState = { status: "idle" };

export function errorState(message: string, fieldErrors?: Record<string, string>, values?: Record<string, string>): ActionState {
  return { status: "error", message, fieldErrors, values };
}
