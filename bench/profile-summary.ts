/**
 * Where did the app's CPU time go? Reads a V8 CPU profile written by `BENCH_CPU_PROF=<dir> npm run bench` and prints,
 * for a window of the run, the self time by origin (a package in node_modules, a folder of the shop, Node.js itself,
 * V8's garbage collector) and by function. Bundled server code is mapped back to its source through the build's
 * server source maps (benchmark builds write them: next.config.ts). A window, not a function on the stack, selects
 * the work: after an `await` a continuation runs from the microtask queue without its callers on the stack. The
 * bench prints, for each phase, the seconds since the app started, which is where the profile starts.
 *
 *   tsx bench/profile-summary.ts /tmp/prof/CPU.*.cpuprofile [--window 95-180] [--top 25] [--callers writeBuffer]
 *
 * --callers NAME: where the time of the function NAME (a leaf, often native) comes from, by its nearest callers
 * outside Node.js itself (a package or a file of the shop).
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { SourceMapConsumer, type RawSourceMap } from "source-map-js";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const consumers = new Map<string, SourceMapConsumer | null>();

/** The source map beside a bundled chunk (benchmark builds write them), or none. */
function consumerFor(file: string): SourceMapConsumer | null {
  if (!consumers.has(file)) {
    const mapFile = `${file}.map`;
    consumers.set(file, existsSync(mapFile) ? new SourceMapConsumer(JSON.parse(readFileSync(mapFile, "utf8")) as RawSourceMap) : null);
  }
  return consumers.get(file) ?? null;
}

/** The package a path lies in (`node_modules/<name>/…`), Next.js's precompiled dependencies named as such. */
function packageOf(path: string): string | null {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (!pkg) return null;
  const compiled = pkg[1] === "next" ? /next\/dist\/compiled\/((?:@[^/]+\/)?[^/]+)/.exec(path) : null;
  return compiled ? `next (compiled ${compiled[1]})` : pkg[1]!;
}

/**
 * Where a frame's code comes from: V8 or Node.js itself; a package, by the file that ran (node_modules/<name>); for
 * the build's own chunks, the original source the server source map names: a package bundled into the chunk, or a
 * folder of the shop (lib/payments, lib/finpay, app, ...).
 */
function originOf(frame: ProfileNode["callFrame"]): string {
  if (!frame.url) return frame.functionName === "(garbage collector)" ? "(V8 garbage collector)" : "(V8/native)";
  if (frame.url.startsWith("node:")) return "node:internal";
  const file = frame.url.startsWith("file://") ? fileURLToPath(frame.url) : frame.url;
  const runFrom = packageOf(file);
  if (runFrom) return runFrom;
  // Turbopack names a chunk of one package after it (node_modules_drizzle-orm_<hash>._.js); that package's own
  // chained maps name paths without it (node_modules/src/sql/sql.ts), so the chunk's name is the better witness.
  const chunkOf = /\/node_modules_(@[a-z0-9.-]+_[a-z0-9.-]+|[a-z0-9.-]+)_/.exec(file);
  if (chunkOf) return chunkOf[1]!.replace(/^(@[^_]+)_/, "$1/");
  const source = consumerFor(file)?.originalPositionFor({ line: frame.lineNumber + 1, column: frame.columnNumber }).source ?? file;
  const bundled = packageOf(source);
  if (bundled && !["src", "dist", "lib"].includes(bundled)) return bundled;
  const project = /(?:\[project\]\/|^(?:\.\.\/)+)(lib\/[^/]+|app|components|db|i18n|bench|proxy\.ts|instrumentation\.ts)/.exec(source);
  if (project) return `shop: ${project[1]}`;
  if (source.includes("turbopack")) return "turbopack runtime";
  // A package bundled into a chunk of several modules, whose own source map names only paths inside it.
  if (/^(?:\.\.\/)*(?:src|dist|lib)\//.test(source)) return "(a bundled package)";
  return source.length > 80 ? `…${source.slice(-80)}` : source;
}

function main(): void {
  const args = process.argv.slice(2);
  const files: string[] = [];
  let window: [number, number] = [0, Infinity];
  let top = 20;
  let callersOf: string | undefined;
  for (let i = 0; i < args.length; i += 1) {
    if (args[i] === "--callers") callersOf = args[++i];
    else
    if (args[i] === "--window") window = args[++i]!.split("-").map(Number) as [number, number];
    else if (args[i] === "--top") top = Number(args[++i]);
    else files.push(args[i]!);
  }
  if (files.length === 0) throw new Error("usage: tsx bench/profile-summary.ts <file.cpuprofile> [--window FROM-TO seconds] [--top N]");

  for (const file of files) {
    const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    /** The three nearest callers with a source of their own, as "function [origin]" joined by " < ". */
    const callerChain = (id: number): string => {
      const chain: string[] = [];
      for (let up = parent.get(id); up !== undefined && chain.length < 3; up = parent.get(up)) {
        const frame = byId.get(up)!.callFrame;
        // Node's own stream and socket plumbing says little about who wrote: skipped.
        if (frame.url && !frame.url.startsWith("node:")) chain.push(`${frame.functionName || "(anonymous)"} [${originOf(frame)}]`);
      }
      return chain.join(" < ") || "(no caller with a source)";
    };
    const byCaller = new Map<string, number>();
    const total = profile.endTime - profile.startTime;
    let at = 0;
    let inWindow = 0;
    const byOrigin = new Map<string, number>();
    const byFunction = new Map<string, number>();
    profile.samples.forEach((id, i) => {
      const micros = profile.timeDeltas[i] ?? 0;
      at += micros;
      if (at < window[0] * 1e6 || at > window[1] * 1e6) return;
      const frame = byId.get(id)!.callFrame;
      if (frame.functionName === "(idle)" || frame.functionName === "(program)") return;
      const origin = originOf(frame);
      inWindow += micros;
      byOrigin.set(origin, (byOrigin.get(origin) ?? 0) + micros);
      const fn = `${frame.functionName || "(anonymous)"} [${origin}]`;
      byFunction.set(fn, (byFunction.get(fn) ?? 0) + micros);
      if (callersOf && frame.functionName === callersOf) {
        const chain = callerChain(id);
        byCaller.set(chain, (byCaller.get(chain) ?? 0) + micros);
      }
    });
    const rows = (map: Map<string, number>) =>
      [...map]
        .sort((a, b) => b[1] - a[1])
        .slice(0, top)
        .map(([name, micros]) => `  ${((100 * micros) / inWindow).toFixed(1).padStart(5)} %  ${(micros / 1000).toFixed(0).padStart(6)} ms  ${name}`)
        .join("\n");
    console.log(`\n${file}: ${(total / 1e6).toFixed(1)} s profiled; window ${window[0]}-${window[1]} s: ${(inWindow / 1000).toFixed(0)} ms of CPU (idle not counted)`);
    console.log(`by origin:\n${rows(byOrigin)}\nby function:\n${rows(byFunction)}`);
    if (callersOf) console.log(`${callersOf}, by caller (share of the window):\n${rows(byCaller)}`);
  }
}

main();
