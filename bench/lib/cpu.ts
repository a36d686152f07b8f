import { readdirSync, readFileSync } from "node:fs";

/**
 * CPU time used by the benchmark's own processes, from /proc (Linux): with the machine shared, requests per second
 * move with whatever else runs, while CPU milliseconds per request stay put and show where the work goes.
 */

const TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux this runs on

interface ProcStat {
  pid: number;
  processGroup: number;
  cpuMs: number;
}

function readProcesses(): ProcStat[] {
  const stats: ProcStat[] = [];
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return stats;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Fields after the ")" that closes the command name: state is [0], pgrp [2], utime [11], stime [12].
      const fields = readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1]!.split(" ");
      stats.push({ pid: Number(entry), processGroup: Number(fields[2]), cpuMs: ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND });
    } catch {
      // The process ended while we looked.
    }
  }
  return stats;
}

function postgresBackendsOf(database: string, stats: ProcStat[]): number {
  let total = 0;
  for (const stat of stats) {
    try {
      // A backend's title is "postgres: [<cluster>: ]<user> <database> <client> <state>".
      const title = readFileSync(`/proc/${stat.pid}/cmdline`, "utf8");
      if (/^postgres: (?:\S+: )?\S+ (\S+) /.exec(title)?.[1] === database) total += stat.cpuMs;
    } catch {
      // Gone.
    }
  }
  return total;
}

/** A probe of CPU ms so far: per named process group, this process, and the database's Postgres backends. */
export function cpuProbe(groups: Record<string, number | undefined>, database: string): () => Record<string, number> {
  return () => {
    const stats = readProcesses();
    const result: Record<string, number> = {};
    for (const [name, group] of Object.entries(groups)) {
      result[name] = group === undefined ? Number.NaN : stats.filter((s) => s.processGroup === group).reduce((sum, s) => sum + s.cpuMs, 0);
    }
    const own = process.cpuUsage();
    result.loadGenerator = (own.user + own.system) / 1000;
    result.postgres = postgresBackendsOf(database, stats);
    return result;
  };
}
