import { expect } from "vitest";

export type ConstraintViolation = { code: string; constraint: string };

/**
 * The SQLSTATE and constraint name of a database error, read through Drizzle's wrapper (`cause`), the same on
 * postgres.js (`constraint_name`) and PGlite (`constraint`).
 */
export function violationOf(error: unknown): Partial<ConstraintViolation> {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const { code, constraint_name, constraint } = e as Record<string, unknown>;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return { code, constraint: String(constraint_name ?? constraint) };
  }
  return {};
}

export const UNIQUE_VIOLATION = "23505";
export const CHECK_VIOLATION = "23514";

/** Asserts that the write is refused by the database, and by exactly this constraint (not by any other error). */
export async function expectRefusedBy(write: PromiseLike<unknown>, expected: ConstraintViolation): Promise<void> {
  const error = await Promise.resolve(write).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `expected the database to refuse the write with ${expected.constraint}`).toBeDefined();
  expect(violationOf(error)).toEqual(expected);
}
