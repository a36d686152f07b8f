/**
 * Playwright's webServer for the storefront: a production build on its own port and its own fresh database.
 * With DATABASE_URL the caller provides a fresh Postgres database (CI creates one); without it a new embedded
 * PGlite directory is created under .data/ for this run.
 */
import { spawn, spawnSync } from "node:child_process";
import { rmSync } from "node:fs";

const env = { ...process.env };
if (!env.DATABASE_URL) {
  env.PGLITE_DIR = ".data/e2e-pglite";
  rmSync(env.PGLITE_DIR, { recursive: true, force: true });
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run("npx", ["tsx", "db/seed-cli.ts"]); // migrates, then seeds (idempotent)
if (env.E2E_SKIP_BUILD !== "1") run("npx", ["next", "build"]);

const server = spawn("npx", ["next", "start", "--port", String(env.PORT ?? 3100)], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
