/**
 * `npm run bench:rendering`: what Next.js's Partial Prerendering would do for the shop's pages, measured rather than
 * assumed, on the Next.js this project installs. One small app (bench/rendering/template: a page the size of the
 * catalog, 24 cards with a client island each) is built twice, with Cache Components and without, and each build
 * serves the same markup three ways:
 *
 *   /static   no per-visitor part: prerendered whole (the ceiling the issue measures pages against);
 *   /ppr      the visitor's name and cart count (cookies) inside Suspense: a prerendered shell and a streamed hole;
 *   /dynamic  the same read outside Suspense: rendered per request, as the shop's pages are today.
 *
 * For each it measures requests per second (autocannon, as `npm run bench` does), counts the inline scripts that
 * carry no nonce and are not covered by the policy's one hash, and loads the page in Chromium under that policy to
 * see whether it hydrates. It also asks /dynamic-missing, which reads a cookie and calls notFound(), for its status.
 * Writes bench/rendering/RESULTS.md. Everything it starts is stopped at the end.
 *
 * Env: BENCH_RENDERING_PORT (3400), BENCH_RUN_SECONDS (5), BENCH_RUNS (3), CHROMIUM_PATH (/usr/bin/chromium).
 */
import { createHash } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser } from "@playwright/test";
import { measureLoad, type LoadPlan } from "../lib/load";
import { killRunningCommands, runCommand, startService, stopAllServices, waitForOk } from "../lib/processes";
import { round } from "../lib/stats";
import { rateOfStatic, RESULTS_JSON, VARIANTS, type ModeFigures, type RenderingResults, type ScriptAudit, type Variant, type VariantFigures } from "./results";
import { REACT_SHELL_SCRIPT_HASH } from "./template/proxy";

const PORT = Number(process.env.BENCH_RENDERING_PORT ?? 3400);
const BASE_URL = `http://localhost:${PORT}`;
const PLAN: LoadPlan = { connections: 10, warmupSeconds: 3, runSeconds: Number(process.env.BENCH_RUN_SECONDS ?? 5), runs: Number(process.env.BENCH_RUNS ?? 3) };
const NODE = process.execPath;
const NEXT = path.resolve("node_modules/next/dist/bin/next");
const TEMPLATE = path.resolve("bench/rendering/template");
// Inside the project, so the build resolves next and react from its node_modules; .data/ is ignored by git and tsc.
const WORK_DIR = path.resolve(".data/rendering-bench");
const RESULTS = path.resolve("bench/rendering/RESULTS.md");
const MODES = [
  { name: "Cache Components (Partial Prerendering)", key: "cache-components", flag: "1" },
  { name: "Without Cache Components (today's shop)", key: "classic", flag: "0" },
] as const satisfies { name: string; key: ModeFigures["key"]; flag: string }[];
// A signed-in visitor with two things in the cart: the per-visitor part has something to render.
const VISITOR_COOKIE = "visitor=Siti; cart=2";

const log = (line: string) => console.log(`[bench:rendering] ${line}`);

/** Next.js refuses the `instant` segment option without Cache Components; there every cookies() read blocks anyway. */
function withoutInstantConfig(appDir: string): void {
  for (const entry of readdirSync(appDir, { recursive: true, encoding: "utf8" })) {
    if (!entry.endsWith(".tsx")) continue;
    const file = path.join(appDir, entry);
    writeFileSync(file, readFileSync(file, "utf8").replace(/^export const instant = false;\n/m, ""));
  }
}

/** Every `<script>` without a src: how many, and how many the policy would block (no nonce, hash not listed). */
function auditScripts(html: string): ScriptAudit {
  const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)([^>]*)>([\s\S]*?)<\/script>/g)];
  const uncovered = inline.filter(([, attributes, body]) => {
    if (/\snonce=/.test(attributes!)) return false;
    return `sha256-${createHash("sha256").update(body!).digest("base64")}` !== REACT_SHELL_SCRIPT_HASH;
  });
  return { inline: inline.length, uncovered: uncovered.length };
}

/** Loads the page in Chromium under the template's policy, clicks a client button: does the count go up? */
async function checkInBrowser(browser: Browser, url: string): Promise<Pick<VariantFigures, "hydrated" | "violations">> {
  const context = await browser.newContext();
  try {
    await context.addCookies([
      { name: "visitor", value: "Siti", url: BASE_URL },
      { name: "cart", value: "2", url: BASE_URL },
    ]);
    const page = await context.newPage();
    const violations: string[] = [];
    await page.exposeFunction("reportViolation", (directive: string) => violations.push(directive));
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) => (window as unknown as { reportViolation(d: string): void }).reportViolation(event.violatedDirective));
    });
    await page.goto(url, { waitUntil: "networkidle" });
    const button = page.getByRole("button", { name: "Tambah Produk Nusantara 1", exact: true });
    await button.click();
    const hydrated = await button
      .filter({ hasText: "(1)" })
      .waitFor({ timeout: 3_000 })
      .then(() => true, () => false);
    return { hydrated, violations: violations.length };
  } finally {
    await context.close();
  }
}

async function measureMode(mode: (typeof MODES)[number], logDir: string): Promise<ModeFigures> {
  const dir = path.join(WORK_DIR, mode.key);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(TEMPLATE, dir, { recursive: true });
  if (mode.flag === "0") withoutInstantConfig(path.join(dir, "app"));
  const env = { ...process.env, RENDERING_BENCH_CACHE_COMPONENTS: mode.flag, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" as const };
  log(`${mode.name}: building`);
  await runCommand(NODE, [NEXT, "build", dir], env, { logFile: path.join(logDir, `build-${mode.key}.log`) });
  const app = startService({ name: `app-${mode.key}`, command: NODE, args: [NEXT, "start", dir, "--port", String(PORT)], env, logDir });
  try {
    await waitForOk(app, `${BASE_URL}/static`);
    const missing = await fetch(`${BASE_URL}/dynamic-missing`, { headers: { cookie: VISITOR_COOKIE } });
    await missing.arrayBuffer();
    const audits = {} as Record<Variant, Omit<VariantFigures, "rps" | "p50">>;
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
    try {
      for (const variant of VARIANTS) {
        const html = await (await fetch(`${BASE_URL}/${variant}`, { headers: { cookie: VISITOR_COOKIE } })).text();
        audits[variant] = { scripts: auditScripts(html), ...(await checkInBrowser(browser, `${BASE_URL}/${variant}`)) };
      }
    } finally {
      await browser.close();
    }
    const load = await measureLoad(
      VARIANTS.map((variant) => ({ name: `${mode.key} /${variant}`, options: () => ({ url: `${BASE_URL}/${variant}`, headers: { cookie: VISITOR_COOKIE } }) })),
      PLAN,
      log,
    );
    const variants = Object.fromEntries(
      VARIANTS.map((variant) => {
        const figures = load.get(`${mode.key} /${variant}`)!;
        return [variant, { rps: figures.rps, p50: figures.p50, ...audits[variant] }];
      }),
    ) as Record<Variant, VariantFigures>;
    return { key: mode.key, name: mode.name, variants, missingStatus: missing.status };
  } finally {
    await app.stop();
  }
}

function report(results: RenderingResults): string {
  const rows = results.modes.flatMap((r) =>
    VARIANTS.map((variant) => {
      const v = r.variants[variant];
      return `| ${r.name} | \`/${variant}\` | ${v.rps.toFixed(0)} | ${round(rateOfStatic(results, r.key, variant), 2).toFixed(2)} | ${v.p50} | ${v.scripts.inline} | ${v.scripts.uncovered} | ${v.hydrated ? "yes" : "**no**"} | ${v.violations} |`;
    }),
  );
  return [
    "# Rendering variants: what Partial Prerendering would buy the shop",
    "",
    `Written by \`npm run bench:rendering\` (bench/rendering/run.ts) on ${results.date}, Next.js ${results.next}, Node.js ${process.version}, ${os.cpus().length} CPUs. Autocannon, ${PLAN.connections} connections, ${PLAN.runs} runs of ${PLAN.runSeconds} s per page after a ${PLAN.warmupSeconds} s warm-up, medians; every request sends a visitor's cookies.`,
    "",
    "One small app (bench/rendering/template) serves the same markup, a catalog-sized page of 24 product cards with one client island each, three ways: `/static` has no per-visitor part (prerendered whole); `/ppr` reads the visitor's name and cart count from cookies inside a Suspense boundary (with Cache Components: a prerendered shell and a streamed hole); `/dynamic` reads them outside Suspense (rendered per request, as the shop's pages are). It is built once with Cache Components and once without. The policy is the one a prerendered shell needs: `script-src 'self' 'nonce-…' 'sha256-…'` (the request's nonce, the shell's bundles by 'self', the hash of React's one constant inline script). \"Uncovered\" counts inline scripts with no nonce and a hash not in the policy: the browser blocks them.",
    "",
    "| Build | Page | req/s | of static | p50 ms | inline scripts | uncovered | hydrates | CSP violations |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | ---: |",
    ...rows,
    "",
    ...results.modes.map((r) => `- ${r.name}: \`notFound()\` after a per-request read (\`/dynamic-missing\`) answers **${r.missingStatus}**.`),
    "",
  ].join("\n");
}

async function main(): Promise<void> {
  const logDir = mkdtempSync(path.join(os.tmpdir(), "rendering-bench-"));
  log(`logs in ${logDir}`);
  const modes: ModeFigures[] = [];
  for (const mode of MODES) modes.push(await measureMode(mode, logDir));
  const { default: nextPackage } = await import("next/package.json", { with: { type: "json" } });
  const results: RenderingResults = { date: new Date().toISOString().slice(0, 10), next: nextPackage.version, modes };
  writeFileSync(RESULTS_JSON, `${JSON.stringify(results, null, 2)}\n`);
  const text = report(results);
  writeFileSync(RESULTS, text);
  console.log(`\n${text}`);
  log(`wrote ${path.relative(process.cwd(), RESULTS)}`);
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(async () => {
    killRunningCommands();
    await stopAllServices();
  });
