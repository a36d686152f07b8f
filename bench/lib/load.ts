import autocannon, { type Options, type Result } from "autocannon";
import { median } from "./stats";

/**
 * Load runs with autocannon: one warm-up per target, then rounds in which every target runs once in turn (so a
 * drift of the machine during the benchmark touches all targets alike), and the median of each figure.
 */

export interface LoadPlan {
  connections: number;
  warmupSeconds: number;
  runSeconds: number;
  runs: number;
}

export interface LoadTarget {
  name: string;
  /** Called before every run (warm-up included): the request options for that run. */
  options(run: { warmup: boolean; seconds: number }): Omit<Options, "connections" | "duration">;
  /** Called once after this target's warm-up, before any measured run (e.g. to prepare enough fixtures). */
  afterWarmup?(warm: RunFigures): Promise<void>;
}

export interface RunFigures {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  failures: number;
  /** CPU ms per request by process (app, sandbox, baseline, load generator, postgres), when probed. */
  cpuPerRequest?: Record<string, number>;
}

export interface LoadFigures {
  /** Medians over the measured runs. */
  rps: number;
  p50: number;
  p99: number;
  cpuPerRequest?: Record<string, number>;
  runs: RunFigures[];
}

export type CpuProbe = () => Record<string, number>;

export function figuresOf(result: Result): RunFigures {
  return {
    rps: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    failures: result.errors + result.timeouts + result.non2xx,
  };
}

async function runOnce(target: LoadTarget, plan: LoadPlan, warmup: boolean, probe?: CpuProbe): Promise<RunFigures> {
  const seconds = warmup ? plan.warmupSeconds : plan.runSeconds;
  const options = target.options({ warmup, seconds });
  const before = probe?.();
  const result = await autocannon({ ...options, connections: plan.connections, duration: seconds });
  const after = probe?.();
  const figures = figuresOf(result);
  if (before && after && figures.requests > 0) {
    figures.cpuPerRequest = Object.fromEntries(Object.keys(after).map((k) => [k, ((after[k] ?? 0) - (before[k] ?? 0)) / figures.requests]));
  }
  if (figures.failures > 0) {
    throw new Error(
      `${target.name}: ${figures.failures} of ${figures.requests} requests failed (errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx})`,
    );
  }
  return figures;
}

/** `beforeRuns`: once, after every target's warm-up and before the first measured round. */
export async function measureLoad(
  targets: LoadTarget[],
  plan: LoadPlan,
  log: (line: string) => void,
  probe?: CpuProbe,
  beforeRuns?: () => Promise<void>,
): Promise<Map<string, LoadFigures>> {
  for (const target of targets) {
    const warm = await runOnce(target, plan, true, probe);
    log(`  warm-up ${target.name}: ${warm.rps.toFixed(0)} req/s`);
    await target.afterWarmup?.(warm);
  }
  await beforeRuns?.();
  const runs = new Map<string, RunFigures[]>(targets.map((t) => [t.name, []]));
  for (let round = 1; round <= plan.runs; round += 1) {
    for (const target of targets) {
      const figures = await runOnce(target, plan, false, probe);
      runs.get(target.name)!.push(figures);
      const cpu = figures.cpuPerRequest ? `, CPU ms/request ${Object.entries(figures.cpuPerRequest).filter(([, v]) => v > 0.005).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(" ")}` : "";
      log(`  run ${round}/${plan.runs} ${target.name}: ${figures.rps.toFixed(0)} req/s, p50 ${figures.p50} ms, p99 ${figures.p99} ms${cpu}`);
    }
  }
  return new Map(
    targets.map((t) => {
      const list = runs.get(t.name)!;
      const cpuKeys = Object.keys(list[0]?.cpuPerRequest ?? {});
      const cpuPerRequest = cpuKeys.length > 0 ? Object.fromEntries(cpuKeys.map((k) => [k, median(list.map((r) => r.cpuPerRequest?.[k] ?? Number.NaN))])) : undefined;
      return [t.name, { rps: median(list.map((r) => r.rps)), p50: median(list.map((r) => r.p50)), p99: median(list.map((r) => r.p99)), cpuPerRequest, runs: list }];
    }),
  );
}
