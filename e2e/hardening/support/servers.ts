import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";

/**
 * Extra servers a hardening test starts for itself, beside Playwright's own (app 3100, sandbox 4011): a second app
 * instance from the same build with its own database or gateway, a sandbox that can be stopped, a PostgreSQL cluster
 * that can be restarted. Ports come from 3400-3409 / 4400-4409 / 5400-5409. Each runs in its own process group, so
 * stopping it stops its children too (npx -> next-server). Output goes to test-results/servers/<name>.log.
 */

const LOG_DIR = path.join("test-results", "servers");

export type RunningServer = { url: string; stop: () => Promise<void> };

function logStream(name: string) {
  mkdirSync(LOG_DIR, { recursive: true });
  return createWriteStream(path.join(LOG_DIR, `${name}.log`), { flags: "a" });
}

function startProcess(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(command, args, { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const log = logStream(name);
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return child;
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  process.kill(-child.pid, "SIGTERM");
  const killer = setTimeout(() => child.pid !== undefined && process.kill(-child.pid, "SIGKILL"), 8_000);
  await exited;
  clearTimeout(killer);
}

export async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${what} did not happen within ${timeoutMs} ms`);
}

const answers = (url: string) => async () => (await fetch(url)).ok;

/** The environment every extra server shares with Playwright's (playwright.config.ts), its MailDev included. */
const BASE_ENV = {
  NEXT_TELEMETRY_DISABLED: "1",
  FINPAY_MERCHANT_ID: "FINPAY770",
  FINPAY_MERCHANT_KEY: "SoSecret123",
  SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_MAIL_SMTP_PORT ?? 1026}`,
  EMAIL_REQUESTS_PER_ADDRESS: "100000",
};

export interface AppOptions {
  port: number;
  /** postgres:// URL; without it the instance gets a fresh embedded PGlite directory of its own. */
  databaseUrl?: string;
  finpayBaseUrl: string;
  env?: Record<string, string>;
}

/** A second storefront from the e2e build: migrated and seeded first, then `next start`. */
export async function startApp(options: AppOptions): Promise<RunningServer> {
  const url = `http://localhost:${options.port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...BASE_ENV,
    PORT: String(options.port),
    APP_BASE_URL: url,
    AUTH_URL: url,
    AUTH_TRUST_HOST: "true",
    AUTH_SECRET: `hardening-${options.port}-secret-0123456789abcdef0123456789`,
    FINPAY_BASE_URL: options.finpayBaseUrl,
    FINPAY_TIMEOUT_MS: "3000",
    ...options.env,
  };
  delete env.DATABASE_URL;
  delete env.PGLITE_DIR;
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  else {
    env.PGLITE_DIR = path.join(".data", `e2e-hardening-${options.port}`);
    rmSync(env.PGLITE_DIR, { recursive: true, force: true });
  }
  const seeded = spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/db-seed.ts"], { env, encoding: "utf8" });
  if (seeded.status !== 0) throw new Error(`seeding the app on ${options.port} failed: ${seeded.stderr}`);
  const child = startProcess(`app-${options.port}`, "npx", ["next", "start", "--port", String(options.port)], env);
  // On PGlite the app runs the jobs (emails: a sign-up's link) itself; on PostgreSQL a worker of its own does, as in
  // e2e/support/serve-app.ts.
  const worker = options.databaseUrl ? startProcess(`worker-${options.port}`, "npx", ["tsx", "--import", "./scripts/plain-node.mjs", "scripts/worker.ts"], env) : null;
  await waitUntil(answers(`${url}/api/health`), 60_000, `the app on ${url} answering`);
  return {
    url,
    stop: async () => {
      if (worker) await stopProcess(worker);
      await stopProcess(child);
      if (env.PGLITE_DIR) rmSync(env.PGLITE_DIR, { recursive: true, force: true });
    },
  };
}

/** A sandbox of its own; with `stateFile` its orders survive a stop and start, as Finpay's would. */
export async function startSandbox(port: number, stateFile = "memory"): Promise<RunningServer> {
  const url = `http://localhost:${port}`;
  const env = { ...process.env, ...BASE_ENV, SANDBOX_PORT: String(port), SANDBOX_PUBLIC_URL: url, SANDBOX_STATE_FILE: stateFile };
  const child = startProcess(`sandbox-${port}`, "npx", ["tsx", "sandbox/main.ts"], env);
  await waitUntil(answers(`${url}/__sandbox/health`), 30_000, `the sandbox on ${url} answering`);
  return { url, stop: () => stopProcess(child) };
}

const PG_BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";

/** Why a throwaway PostgreSQL cluster cannot be made here, or null when it can. */
export function postgresClusterUnavailable(): string | null {
  for (const tool of ["initdb", "pg_ctl", "postgres"]) {
    if (!existsSync(path.join(PG_BIN, tool))) return `PostgreSQL server binaries not found in ${PG_BIN} (set PG_BIN)`;
  }
  if (process.getuid?.() === 0 && spawnSync("runuser", ["--help"]).status !== 0) return "running as root without runuser to drop to the postgres user";
  if (process.getuid?.() === 0 && spawnSync("id", ["postgres"]).status !== 0) return "running as root and there is no postgres user to run the cluster";
  return null;
}

export interface PostgresCluster {
  url: string;
  stop: () => void;
  start: () => void;
  destroy: () => void;
}

/**
 * A PostgreSQL cluster of our own in a temporary directory, on `port`, with trust auth on 127.0.0.1 only and its
 * socket in that directory. The shared server on 5432 is never touched. As root, it runs as the postgres user.
 */
export function createPostgresCluster(port: number): PostgresCluster {
  const asRoot = process.getuid?.() === 0;
  const run = (tool: string, args: string[]) => {
    const command = asRoot ? "runuser" : path.join(PG_BIN, tool);
    const fullArgs = asRoot ? ["-u", "postgres", "--", path.join(PG_BIN, tool), ...args] : args;
    const result = spawnSync(command, fullArgs, { encoding: "utf8", cwd: "/tmp" });
    if (result.status !== 0) throw new Error(`${tool} ${args.join(" ")} failed: ${result.stderr || result.stdout}`);
  };
  // A run that died before its cleanup leaves a cluster holding the port: stop and remove it first.
  for (const stale of readdirSync("/tmp").filter((name) => name.startsWith(`storefront-pg-${port}-`))) {
    try {
      run("pg_ctl", ["-D", path.join("/tmp", stale, "data"), "-m", "immediate", "-w", "stop"]);
    } catch {
      // Not running.
    }
    rmSync(path.join("/tmp", stale), { recursive: true, force: true });
  }
  const dir = path.join("/tmp", `storefront-pg-${port}-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  if (asRoot) spawnSync("chown", ["postgres:postgres", dir]);
  const data = path.join(dir, "data");
  run("initdb", ["-D", data, "--auth=trust", "--username=postgres", "--no-sync", "-E", "UTF8"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const start = () => run("pg_ctl", ["-D", data, "-l", path.join(dir, "server.log"), "-o", options, "-w", "-t", "30", "start"]);
  const stop = () => run("pg_ctl", ["-D", data, "-m", "fast", "-w", "-t", "30", "stop"]);
  start();
  run("createdb", ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "storefront"]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/storefront`,
    start,
    stop,
    destroy: () => {
      try {
        stop();
      } catch {
        // Already stopped.
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
