/** A failure the user can act on; its message is safe to show as it is. */
export class UserFacingError extends Error {
  constructor(
    message: string,
    readonly code: "invalid_input" | "not_found" | "conflict" | "unauthorized" | "unavailable",
    readonly field?: string,
  ) {
    super(message);
    this.name = "UserFacingError";
  }
}

export function isUserFacingError(error: unknown): error is UserFacingError {
  return error instanceof UserFacingError;
}
