import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { median } from "../lib/stats";

/**
 * (e) Lighthouse (the lighthouse package, its default mobile configuration with simulated throttling) on Debian's
 * Chromium, performance and accessibility only. Pages behind sign-in get the session cookie of a customer signed
 * in over HTTP (Auth.js's credentials sign-in), passed as a request header. Median of the runs per page.
 */

export interface LighthousePage {
  name: string;
  url: string;
  cookie?: string;
}

export interface LighthouseFigures {
  name: string;
  url: string;
  performance: number;
  accessibility: number;
  /** Medians, ms (CLS unitless). */
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  runs: { performance: number; accessibility: number }[];
  /** Accessibility audits that failed in any run, with their titles. */
  failedAccessibilityAudits: string[];
  /** What the largest contentful paint was, as Lighthouse names the element (last run). */
  lcpElement: string;
}

/** The LCP element's label from the `largest-contentful-paint-element` audit (its first table holds the node). */
function lcpElementOf(details: unknown): string {
  const tables = (details as { items?: { items?: { node?: { nodeLabel?: string; snippet?: string } }[] }[] } | undefined)?.items ?? [];
  const node = tables[0]?.items?.[0]?.node;
  return node ? `${node.nodeLabel ?? ""} ${node.snippet ?? ""}`.trim() : "unknown";
}

export const CHROMIUM_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

const ATTEMPTS = 3;

/** One Lighthouse run; a run that Chromium spoils (e.g. NO_NAVSTART, a lost trace) is run again, up to ATTEMPTS times. */
async function audit(port: number, page: LighthousePage, log: (line: string) => void) {
  for (let attempt = 1; ; attempt += 1) {
    const result = await lighthouse(page.url, {
      port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility"],
      ...(page.cookie ? { extraHeaders: { Cookie: page.cookie } } : {}),
    });
    const problem = !result ? "no result" : result.lhr.runtimeError ? `${result.lhr.runtimeError.code}: ${result.lhr.runtimeError.message}` : null;
    if (!problem) return result!.lhr;
    if (attempt === ATTEMPTS) throw new Error(`Lighthouse failed on ${page.url} ${ATTEMPTS} times; last: ${problem}`);
    log(`  ${page.name}: Lighthouse run spoilt (${problem.slice(0, 80)}), running it again`);
  }
}

export async function benchLighthouse(pages: LighthousePage[], runs: number, log: (line: string) => void): Promise<LighthouseFigures[]> {
  const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", chromeFlags: CHROMIUM_FLAGS, logLevel: "silent" });
  try {
    const results: LighthouseFigures[] = [];
    for (const page of pages) {
      const samples: { performance: number; accessibility: number; fcp: number; lcp: number; tbt: number; cls: number }[] = [];
      const failed = new Set<string>();
      let lcpElement = "unknown";
      for (let run = 0; run < runs; run += 1) {
        const lhr = await audit(chrome.port, page, log);
        if (lhr.finalDisplayedUrl !== page.url) throw new Error(`Lighthouse on ${page.url} ended on ${lhr.finalDisplayedUrl} (signed out?)`);
        const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
        const metric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
        samples.push({
          performance: score("performance"),
          accessibility: score("accessibility"),
          fcp: metric("first-contentful-paint"),
          lcp: metric("largest-contentful-paint"),
          tbt: metric("total-blocking-time"),
          cls: metric("cumulative-layout-shift"),
        });
        lcpElement = lcpElementOf(lhr.audits["largest-contentful-paint-element"]?.details);
        for (const ref of lhr.categories.accessibility?.auditRefs ?? []) {
          const audit = lhr.audits[ref.id];
          if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) failed.add(`${ref.id}: ${audit.title}`);
        }
        log(`  ${page.name} run ${run + 1}/${runs}: performance ${samples.at(-1)!.performance}, accessibility ${samples.at(-1)!.accessibility}`);
      }
      const pick = (key: keyof (typeof samples)[number]) => median(samples.map((s) => s[key]));
      results.push({
        name: page.name,
        url: page.url,
        performance: pick("performance"),
        accessibility: pick("accessibility"),
        fcp: pick("fcp"),
        lcp: pick("lcp"),
        tbt: pick("tbt"),
        cls: pick("cls"),
        runs: samples.map((s) => ({ performance: s.performance, accessibility: s.accessibility })),
        failedAccessibilityAudits: [...failed],
        lcpElement,
      });
    }
    return results;
  } finally {
    chrome.kill();
  }
}
