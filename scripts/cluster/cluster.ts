import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { nginxProcess } from "./nginx";
import { ManagedProcess, type Environment, type ProcessSpec } from "./processes";

/**
 * The storefront as a cluster on one machine, with the commands the Docker image runs (Dockerfile, compose.yaml):
 * one PostgreSQL database, migrations and seed as a one-shot step, one production build copied the way the image
 * copies it, N instances of `node server.js` from that copy, the Finpay sandbox, and nginx in front. Used by
 * `npm run cluster` (scripts/cluster.ts) and by the cluster test (e2e-cluster/).
 */

export interface ClusterSecrets {
  /** Auth.js: every instance must decrypt every other instance's session cookie. */
  AUTH_SECRET: string;
  /** Next.js: encrypts server action arguments and, at build time, salts the action ids. */
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: string;
}

export function generateSecrets(): ClusterSecrets {
  return { AUTH_SECRET: randomBytes(33).toString("base64"), NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString("base64") };
}

/** The cluster's secrets, made on its first start and kept (mode 600), so sessions survive a cluster restart. */
export function loadOrCreateSecrets(file: string): ClusterSecrets {
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as ClusterSecrets;
  const secrets = generateSecrets();
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return secrets;
}

export interface ClusterOptions {
  /** Where the app copy, nginx config, logs and secrets go. */
  stateDir: string;
  /** Created on 127.0.0.1:5432 (or `postgresServerUrl`) when missing; never dropped by `stop()`. */
  databaseName: string;
  postgresServerUrl?: string;
  appPorts?: number[];
  sandboxPort?: number;
  /** The mail catcher (MailDev) that the worker's emails go to: SMTP and web ports. */
  mailPorts?: [number, number];
  nginxPort?: number;
  /** auto: build when there is no standalone build or a source file is newer than it. */
  build?: "auto" | "always" | "never";
  /** Defaults to loading (or creating) `<stateDir>/secrets.json`. */
  secrets?: ClusterSecrets;
  /** The sandbox's state: a file under stateDir by default, "memory" for a throwaway run. */
  sandboxStateFile?: string;
  /** Extra variables for every app instance and for the sandbox. */
  appEnv?: Record<string, string>;
  sandboxEnv?: Record<string, string>;
  root?: string;
  log?: (message: string) => void;
}

export interface Cluster {
  /** nginx: the shop's public URL (APP_BASE_URL of every instance). */
  url: string;
  sandboxUrl: string;
  /** MailDev's web UI and REST API: the emails the worker sent. */
  mailUrl: string;
  databaseUrl: string;
  secrets: ClusterSecrets;
  /** The app instances; `INSTANCE_NAME` (and the `X-Instance` header) is each one's `spec.name`. */
  apps: ManagedProcess[];
  /** Everything started, in start order (sandbox, mail catcher, apps, worker, nginx). */
  processes: ManagedProcess[];
  app(name: string): ManagedProcess;
  /** Stops every process in reverse order. Keeps the database, the secrets and the logs. */
  stop(): Promise<void>;
}

export const DEFAULT_SERVER = "postgres://postgres@127.0.0.1:5432";
const DIST_DIR = ".next";
// What `next build` reads: when one of these is newer than the standalone server, the build is stale.
const BUILD_INPUTS = ["app", "components", "lib", "db", "public", "types", "proxy.ts", "auth.ts", "auth.config.ts", "instrumentation.ts", "next.config.ts", "package-lock.json", "tsconfig.json", "postcss.config.mjs"];

function newestMtime(file: string): number {
  if (!existsSync(file)) return 0;
  const stat = statSync(file);
  if (!stat.isDirectory()) return /\.test\.tsx?$/.test(file) ? 0 : stat.mtimeMs;
  return Math.max(0, ...readdirSync(file).map((entry) => newestMtime(path.join(file, entry))));
}

export function standaloneServer(root: string): string {
  return path.join(root, DIST_DIR, "standalone", "server.js");
}

export function buildIsCurrent(root: string): boolean {
  const server = standaloneServer(root);
  if (!existsSync(server)) return false;
  const built = statSync(server).mtimeMs;
  return BUILD_INPUTS.every((input) => newestMtime(path.join(root, input)) <= built);
}

function run(command: string, args: string[], options: { cwd: string; env: Environment; what: string }): void {
  const result = spawnSync(command, args, { cwd: options.cwd, env: options.env as NodeJS.ProcessEnv, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`${options.what} failed (${command} ${args.join(" ")}: exit ${result.status ?? result.signal})`);
}

function databaseIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`database name ${JSON.stringify(name)}: use lower-case letters, digits and _`);
  return `"${name}"`;
}

/** Why a cluster cannot start on this machine (no nginx, no PostgreSQL server), or null when it can. */
export async function clusterUnavailable(serverUrl = DEFAULT_SERVER): Promise<string | null> {
  const nginx = process.env.NGINX_BIN ?? "/usr/sbin/nginx";
  if (!existsSync(nginx)) return `nginx not found at ${nginx} (apt-get install nginx, or set NGINX_BIN)`;
  const sql = postgres(`${serverUrl}/postgres`, { max: 1, onnotice: () => {}, connect_timeout: 3 });
  try {
    await sql`select 1`;
    return null;
  } catch (error) {
    return `no PostgreSQL server at ${serverUrl}: ${(error as Error).message}`;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

export async function ensureDatabase(serverUrl: string, name: string): Promise<boolean> {
  const sql = postgres(`${serverUrl}/postgres`, { max: 1, onnotice: () => {} });
  try {
    const existing = await sql`select 1 from pg_database where datname = ${name}`;
    if (existing.length > 0) return false;
    await sql.unsafe(`create database ${databaseIdentifier(name)}`);
    return true;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const sql = postgres(`${serverUrl}/postgres`, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`drop database if exists ${databaseIdentifier(name)} with (force)`);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** The runtime the Dockerfile's last stage assembles: the standalone server, then .next/static and public/ beside it. */
export function assembleRuntime(root: string, target: string): void {
  rmSync(target, { recursive: true, force: true });
  cpSync(path.join(root, DIST_DIR, "standalone"), target, { recursive: true, verbatimSymlinks: true });
  cpSync(path.join(root, DIST_DIR, "static"), path.join(target, DIST_DIR, "static"), { recursive: true });
  cpSync(path.join(root, "public"), path.join(target, "public"), { recursive: true });
}

/** Only what a container would have: no developer variables leak into the instances. */
function baseEnv(): Environment {
  const env: Environment = { NEXT_TELEMETRY_DISABLED: "1" };
  for (const name of ["PATH", "HOME", "TZ", "LANG", "TMPDIR"]) if (process.env[name]) env[name] = process.env[name];
  return env;
}

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const root = path.resolve(options.root ?? process.cwd());
  const stateDir = path.resolve(root, options.stateDir);
  const log = options.log ?? ((message: string) => console.log(message));
  const serverUrl = options.postgresServerUrl ?? DEFAULT_SERVER;
  const appPorts = options.appPorts ?? [3640, 3641];
  const sandboxPort = options.sandboxPort ?? 4640;
  const nginxPort = options.nginxPort ?? 8640;
  const [smtpPort, mailWebPort] = options.mailPorts ?? [1035, 1090];
  const url = `http://localhost:${nginxPort}`;
  const sandboxUrl = `http://localhost:${sandboxPort}`;
  const mailUrl = `http://127.0.0.1:${mailWebPort}`;
  const databaseUrl = `${serverUrl}/${options.databaseName}`;
  const secrets = options.secrets ?? loadOrCreateSecrets(path.join(stateDir, "secrets.json"));
  const logDir = path.join(stateDir, "logs");
  mkdirSync(logDir, { recursive: true });

  log(`database ${options.databaseName}: ${(await ensureDatabase(serverUrl, options.databaseName)) ? "created" : "exists"}`);
  // The compose `migrate` service runs these two commands (Dockerfile target `migrate`).
  const toolEnv: Environment = { ...process.env, ...baseEnv(), DATABASE_URL: databaseUrl };
  delete toolEnv.PGLITE_DIR;
  run("npm", ["run", "--silent", "db:migrate"], { cwd: root, env: toolEnv, what: "migrations" });
  run("npm", ["run", "--silent", "db:seed"], { cwd: root, env: toolEnv, what: "seed" });

  const build = options.build ?? "auto";
  if (build === "always" || (build === "auto" && !buildIsCurrent(root))) {
    log("building (next build, output: standalone)…");
    const buildEnv: Environment = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: secrets.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY };
    delete buildEnv.NEXT_DIST_DIR;
    delete buildEnv.NEXT_BENCH_PAGES;
    run("npx", ["next", "build"], { cwd: root, env: buildEnv, what: "next build" });
  } else if (!existsSync(standaloneServer(root))) {
    throw new Error(`no standalone build at ${standaloneServer(root)}: run \`npm run build\` first`);
  } else {
    log("reusing the standalone build in .next/standalone");
  }
  const appDir = path.join(stateDir, "app");
  assembleRuntime(root, appDir);

  const merchant = { FINPAY_MERCHANT_ID: "FINPAY770", FINPAY_MERCHANT_KEY: "SoSecret123" };
  const sandbox: ProcessSpec = {
    name: "sandbox",
    command: "npx",
    args: ["tsx", "sandbox/main.ts"],
    cwd: root,
    env: {
      ...baseEnv(),
      ...merchant,
      SANDBOX_PORT: String(sandboxPort),
      SANDBOX_PUBLIC_URL: sandboxUrl,
      SANDBOX_STATE_FILE: options.sandboxStateFile ?? path.join(stateDir, "sandbox-state.json"),
      ...options.sandboxEnv,
    },
    readyUrl: `${sandboxUrl}/__sandbox/health`,
  };
  // The Dockerfile's CMD, with the variables every instance must share and the two each has of its own.
  const apps: ProcessSpec[] = appPorts.map((port, index) => ({
    name: `app-${index + 1}`,
    command: process.execPath,
    args: ["server.js"],
    cwd: appDir,
    env: {
      ...baseEnv(),
      ...merchant,
      NODE_ENV: "production",
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      INSTANCE_NAME: `app-${index + 1}`,
      DATABASE_URL: databaseUrl,
      ...secrets,
      AUTH_TRUST_HOST: "true",
      // nginx, on this machine, is the one proxy whose X-Forwarded-For is believed (lib/auth/client-ip.ts).
      TRUSTED_PROXIES: "127.0.0.1,::1",
      APP_BASE_URL: url,
      FINPAY_BASE_URL: sandboxUrl,
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      // Both instances keep uploaded pictures in one directory, outside the runtime copy (rebuilt on every start).
      MEDIA_DIR: path.join(stateDir, "media"),
      ...options.appEnv,
    },
    readyUrl: `http://127.0.0.1:${port}/api/health`,
  }));
  const mail: ProcessSpec = {
    name: "mail",
    command: "npx",
    args: ["maildev", "--smtp", String(smtpPort), "--web", String(mailWebPort), "--ip", "127.0.0.1", "--web-ip", "127.0.0.1", "--silent"],
    cwd: root,
    env: baseEnv(),
    readyUrl: `${mailUrl}/api/email`,
  };
  // The job worker (`npm run worker`, compose's `worker` service): with PostgreSQL the instances only enqueue
  // jobs (saved-card sync, emails, the reconcile schedule), so without it a card saved at Finpay never shows up.
  const appEnv = apps[0]!.env;
  const worker: ProcessSpec = {
    name: "worker",
    command: "npm",
    args: ["run", "--silent", "worker"],
    cwd: root,
    env: { ...appEnv, PORT: undefined, HOSTNAME: undefined, INSTANCE_NAME: "worker-1" },
  };
  const front = { ...nginxProcess({ root, dir: path.join(stateDir, "nginx"), port: nginxPort, upstreams: appPorts.map((port) => `127.0.0.1:${port}`) }), readyUrl: `${url}/api/health` };

  const processes = [sandbox, mail, ...apps, worker, front].map((spec) => new ManagedProcess(spec, path.join(logDir, `${spec.name}.log`)));
  const started: ManagedProcess[] = [];
  const stop = async () => {
    for (const managed of [...started].reverse()) await managed.stop();
  };
  try {
    for (const managed of processes) {
      started.push(managed); // before it is ready: one that never gets ready is stopped with the rest
      await managed.start();
      log(`${managed.spec.name} ready (pid ${managed.pid})`);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  const appProcesses = processes.filter((managed) => managed.spec.name.startsWith("app-"));
  return {
    url,
    sandboxUrl,
    mailUrl,
    databaseUrl,
    secrets,
    apps: appProcesses,
    processes,
    app(name: string) {
      const found = appProcesses.find((managed) => managed.spec.name === name);
      if (!found) throw new Error(`no app instance ${name}`);
      return found;
    },
    stop,
  };
}
