import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import path from "node:path";

/**
 * Long-running child processes of the cluster. Each runs in its own process group (`detached`), so a stop or a kill
 * reaches everything it started (npx -> tsx -> node), and its output goes to its own log file. A listener can watch
 * the lines as they are written (the cluster test uses it to kill an instance at an exact moment).
 */

/** A process's whole environment (nothing is inherited unless copied in). */
export type Environment = Record<string, string | undefined>;

export interface ProcessSpec {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env: Environment;
  /** Answers 2xx once the process is ready. */
  readyUrl?: string;
  readyTimeoutMs?: number;
}

export type LineListener = (line: string) => void;

/** Every managed process that is running, so that a signal during start-up can still stop what was started. */
export const runningProcesses = new Set<ManagedProcess>();

export class ManagedProcess {
  private child: ChildProcess | undefined;
  private readonly listeners = new Set<LineListener>();

  constructor(
    readonly spec: ProcessSpec,
    readonly logFile: string,
  ) {}

  get pid(): number | undefined {
    return this.running ? this.child?.pid : undefined;
  }

  get running(): boolean {
    return Boolean(this.child && this.child.exitCode === null && this.child.signalCode === null);
  }

  /** Starts the process (again, after a stop or kill) and waits for its ready URL. */
  async start(): Promise<void> {
    if (this.running) return;
    mkdirSync(path.dirname(this.logFile), { recursive: true });
    const log = createWriteStream(this.logFile, { flags: "a" });
    const { command, args, cwd, env, name } = this.spec;
    const child = spawn(command, args, { cwd, env: env as NodeJS.ProcessEnv, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    this.child = child;
    runningProcesses.add(this);
    child.once("exit", () => runningProcesses.delete(this));
    let failedToSpawn: Error | undefined;
    child.once("error", (error) => (failedToSpawn = error));
    for (const stream of [child.stdout, child.stderr]) {
      let pending = "";
      stream?.on("data", (chunk: Buffer) => {
        log.write(chunk);
        if (this.listeners.size === 0) return;
        pending += chunk.toString("utf8");
        const lines = pending.split("\n");
        pending = lines.pop() ?? "";
        for (const line of lines) for (const listener of this.listeners) listener(line);
      });
    }
    child.once("exit", () => log.end());
    if (!this.spec.readyUrl) return;
    const deadline = Date.now() + (this.spec.readyTimeoutMs ?? 60_000);
    while (Date.now() < deadline) {
      if (failedToSpawn) throw new Error(`${name}: ${failedToSpawn.message}`);
      if (!this.running) throw new Error(`${name} exited (${child.exitCode ?? child.signalCode}) before it was ready; see ${this.logFile}`);
      if (await answers(this.spec.readyUrl)) return;
      await sleep(200);
    }
    throw new Error(`${name} was not ready at ${this.spec.readyUrl} within ${this.spec.readyTimeoutMs ?? 60_000} ms; see ${this.logFile}`);
  }

  /** SIGTERM to the whole group, SIGKILL after `graceMs`; resolves once the process has exited. */
  async stop(graceMs = 8_000): Promise<void> {
    const child = this.child;
    if (!child || !this.running || child.pid === undefined) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    signalGroup(child.pid, "SIGTERM");
    const killer = setTimeout(() => signalGroup(child.pid!, "SIGKILL"), graceMs);
    await exited;
    clearTimeout(killer);
    // Anything the leader left behind in its group goes too.
    signalGroup(child.pid, "SIGKILL");
  }

  /** A crash: SIGKILL to the whole group, no chance to finish anything. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || !this.running || child.pid === undefined) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    signalGroup(child.pid, "SIGKILL");
    await exited;
  }

  onLine(listener: LineListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}
