/**
 * Playwright's webServer for the storefront: a production build on its own port and its own fresh database.
 * With DATABASE_URL the caller provides a fresh Postgres database (CI creates one); without it a new embedded
 * PGlite directory is created under .data/ for this run. With PostgreSQL it also starts two job workers.
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

run("npx", ["tsx", "--conditions=react-server", "scripts/db-seed.ts"]); // migrates, then seeds (idempotent)
if (env.E2E_SKIP_BUILD !== "1") run("npx", ["next", "build"]);

const server = spawn("npx", ["next", "start", "--port", String(env.PORT ?? 3100)], { stdio: "inherit", env });
// With PostgreSQL the jobs run in worker processes: two of them, so that the tests see several workers share the
// queues (each job done once). With PGlite the app runs them itself (lib/jobs/in-process.ts).
const workers = env.DATABASE_URL
  ? Array.from({ length: 2 }, () => spawn("npx", ["tsx", "--import", "./scripts/plain-node.mjs", "scripts/worker.ts"], { stdio: "inherit", env }))
  : [];
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    for (const child of [server, ...workers]) child.kill(signal);
  });
}
server.on("exit", (code) => process.exit(code ?? 0));
