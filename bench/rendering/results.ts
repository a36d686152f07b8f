import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/** What `npm run bench:rendering` measured (bench/rendering/results.json); `npm run bench` quotes it in BENCHMARKS.md. */
export const VARIANTS = ["static", "ppr", "dynamic"] as const;
export type Variant = (typeof VARIANTS)[number];
export type ModeKey = "cache-components" | "classic";

export interface ScriptAudit {
  inline: number;
  /** Inline scripts with no nonce whose hash is not in the policy: what the browser blocks. */
  uncovered: number;
}

export interface VariantFigures {
  rps: number;
  p50: number;
  scripts: ScriptAudit;
  hydrated: boolean;
  violations: number;
}

export interface ModeFigures {
  key: ModeKey;
  name: string;
  variants: Record<Variant, VariantFigures>;
  /** The status of `notFound()` called after a per-request read. */
  missingStatus: number;
}

export interface RenderingResults {
  date: string;
  next: string;
  modes: ModeFigures[];
}

export const RESULTS_JSON = path.resolve("bench/rendering/results.json");

export function readRenderingResults(): RenderingResults | undefined {
  return existsSync(RESULTS_JSON) ? (JSON.parse(readFileSync(RESULTS_JSON, "utf8")) as RenderingResults) : undefined;
}

/** Each variant's rate against the prerendered page of the Cache Components build. */
export function rateOfStatic(results: RenderingResults, mode: ModeKey, variant: Variant): number {
  const ceiling = results.modes.find((m) => m.key === "cache-components")!.variants.static.rps;
  return results.modes.find((m) => m.key === mode)!.variants[variant].rps / ceiling;
}
