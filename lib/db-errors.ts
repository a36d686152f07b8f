/**
 * True for a unique-constraint violation (SQLSTATE 23505), optionally of one named constraint. postgres.js and
 * PGlite both expose the SQLSTATE as `code`, and Drizzle may wrap the driver error as `cause`.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const { code, constraint_name, constraint: pgliteConstraint, message } = e as Record<string, unknown>;
    if (code !== "23505") continue;
    return !constraint || [constraint_name, pgliteConstraint].includes(constraint) || String(message).includes(constraint);
  }
  return false;
}
