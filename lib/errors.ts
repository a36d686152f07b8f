import type { Translatable } from "./translatable";

/**
 * A failure the user can act on. Its text is a catalogue key + values (`msg("account.errors.emailTaken")`),
 * translated at the action boundary (`translate(error.text)`); code not yet translated may still pass a plain
 * sentence, shown as it is. `message` (for logs) is the key or that sentence.
 */
export class UserFacingError extends Error {
  readonly text: Translatable;

  constructor(
    text: Translatable,
    readonly code: "invalid_input" | "not_found" | "conflict" | "unauthorized" | "unavailable",
    readonly field?: string,
  ) {
    super(typeof text === "string" ? text : text.key);
    this.text = text;
    this.name = "UserFacingError";
  }
}

export function isUserFacingError(error: unknown): error is UserFacingError {
  return error instanceof UserFacingError;
}
