import { spawn, type ChildProcess } from "node:child_process";
import { openSync, closeSync } from "node:fs";
import path from "node:path";

/**
 * The servers a benchmark starts (sandbox, app, baseline): each in its own process group with its output in a log
 * file, so that stopping one stops everything it started (`next start` runs next-server as a child) and reading
 * its logs costs the measured machine nothing while it runs.
 */
export interface Service {
  name: string;
  logFile: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export interface ServiceSpec {
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  logDir: string;
  cwd?: string;
}

const running = new Set<Service>();

export function startService(spec: ServiceSpec): Service {
  const logFile = path.join(spec.logDir, `${spec.name}.log`);
  const fd = openSync(logFile, "a");
  const child = spawn(spec.command, spec.args, { cwd: spec.cwd, env: spec.env, stdio: ["ignore", fd, fd], detached: true });
  closeSync(fd);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const service: Service = {
    name: spec.name,
    logFile,
    child,
    async stop() {
      running.delete(service);
      if (child.exitCode !== null || child.signalCode !== null) return;
      signalGroup(child, "SIGTERM");
      const stopped = await Promise.race([exited.then(() => true), delay(5_000).then(() => false)]);
      if (!stopped) {
        signalGroup(child, "SIGKILL");
        await Promise.race([exited, delay(2_000)]);
      }
    },
  };
  running.add(service);
  return service;
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal); // the whole group: npx/tsx wrappers and the server they started
  } catch {
    // Already gone.
  }
}

/** Stops every service still running, newest first (the app before the sandbox it calls). */
export async function stopAllServices(): Promise<void> {
  for (const service of [...running].reverse()) await service.stop();
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `url` until it answers 200, failing early when the service exits, and with its log path on timeout. */
export async function waitForOk(service: Service, url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (service.child.exitCode !== null) throw new Error(`${service.name} exited with code ${service.child.exitCode}; see ${service.logFile}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await delay(250);
  }
  throw new Error(`${service.name} did not answer 200 at ${url} within ${timeoutMs} ms; see ${service.logFile}`);
}

const commands = new Set<ChildProcess>();

/** Runs a command to completion (its own process group, so an interrupted benchmark can stop it); rejects on failure. */
export function runCommand(command: string, args: string[], env: NodeJS.ProcessEnv, options: { logFile?: string } = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const fd = options.logFile ? openSync(options.logFile, "a") : undefined;
    const child = spawn(command, args, { env, stdio: fd === undefined ? ["ignore", "inherit", "inherit"] : ["ignore", fd, fd], detached: true });
    if (fd !== undefined) closeSync(fd);
    commands.add(child);
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      commands.delete(child);
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(" ")} failed (${signal ?? `exit code ${code}`})${options.logFile ? `; see ${options.logFile}` : ""}`));
    });
  });
}

/** Stops commands still running (an interrupted build). */
export function killRunningCommands(): void {
  for (const child of commands) signalGroup(child, "SIGKILL");
}
