import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import type { Sql } from "postgres";

export interface MachineInfo {
  cores: number;
  cpuModel: string;
  memoryGiB: number;
  os: string;
  node: string;
  next: string;
  postgres: string;
  chromium: string;
  lighthouse: string;
}

function versionOf(pkg: string): string {
  return (JSON.parse(readFileSync(`node_modules/${pkg}/package.json`, "utf8")) as { version: string }).version;
}

export async function describeMachine(sql: Sql): Promise<MachineInfo> {
  const [pg] = await sql<{ server_version: string }[]>`show server_version`;
  let chromium = "not found";
  try {
    chromium = execFileSync(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    // Reported as not found; Lighthouse will fail with its own message.
  }
  return {
    cores: os.cpus().length,
    cpuModel: os.cpus()[0]?.model.trim() ?? "unknown",
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    next: versionOf("next"),
    postgres: pg?.server_version ?? "unknown",
    chromium,
    lighthouse: versionOf("lighthouse"),
  };
}
