// Runs in every Vitest worker before the test files.
import { vi } from "vitest";

// `server-only` throws outside a React Server Components bundle; Vitest runs plain Node.
vi.mock("server-only", () => ({}));

// Without DATABASE_URL the database tests run on a fresh in-memory PGlite per test file (migrated and seeded on open);
// with it they run against that Postgres server, migrated and seeded once by test-support/global-setup.ts.
process.env.PGLITE_DIR ??= "memory://";
