/** The small typed state every server action returns to `useActionState`. */
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
