import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

/**
 * (c) First-load JavaScript per route, gzip. Source: the build's own per-route chunk lists
 * (`diagnostics/route-bundle-stats.json`, written by `next build`: every script a route's HTML loads before it is
 * interactive), each chunk gzipped at level 9 as Next.js's former "First Load JS" column did. The framework floor is
 * `rootMainFiles` of `build-manifest.json`: React, React DOM and the App Router runtime, loaded by every route
 * whatever the app does. The legacy polyfill chunk is `nomodule` and left out (modern browsers skip it).
 */

export interface RouteBundle {
  route: string;
  gzipBytes: number;
  /** Of which framework (rootMainFiles). */
  frameworkBytes: number;
  /** What this app adds: layouts, pages, client components, shared chunks. */
  appBytes: number;
  chunks: number;
}

export interface BundleReport {
  routes: RouteBundle[];
  frameworkBytes: number;
  /** Routes whose served HTML loads other scripts than the build lists (should be empty). */
  htmlMismatches: string[];
}

interface RouteBundleStat {
  route: string;
  firstLoadChunkPaths: string[];
}

/** Routes that exist only in benchmark builds are not part of the shop. */
const BENCH_ONLY_ROUTES = new Set(["/bench-static", "/bench-dynamic"]);

export function measureBundles(distDir: string): BundleReport {
  const stats = JSON.parse(readFileSync(path.join(distDir, "diagnostics", "route-bundle-stats.json"), "utf8")) as RouteBundleStat[];
  const manifest = JSON.parse(readFileSync(path.join(distDir, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const sizes = new Map<string, number>();
  const gzipSize = (file: string) => {
    const absolute = path.resolve(file);
    let size = sizes.get(absolute);
    if (size === undefined) {
      size = gzipSync(readFileSync(absolute), { level: 9 }).length;
      sizes.set(absolute, size);
    }
    return size;
  };
  const framework = new Set(manifest.rootMainFiles.map((file) => path.resolve(distDir, file)));
  const frameworkBytes = [...framework].reduce((sum, file) => sum + gzipSize(file), 0);

  const routes = stats
    .filter((s) => !BENCH_ONLY_ROUTES.has(s.route))
    .map((s) => {
      const files = [...new Set(s.firstLoadChunkPaths.map((p) => path.resolve(p)))].filter((f) => f.endsWith(".js"));
      const gzipBytes = files.reduce((sum, file) => sum + gzipSize(file), 0);
      const routeFramework = files.filter((f) => framework.has(f)).reduce((sum, file) => sum + gzipSize(file), 0);
      return { route: s.route, gzipBytes, frameworkBytes: routeFramework, appBytes: gzipBytes - routeFramework, chunks: files.length };
    })
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
  return { routes, frameworkBytes, htmlMismatches: [] };
}

/** Cross-check against what the server really sends: the chunk scripts in a route's HTML. */
export async function checkAgainstHtml(report: BundleReport, distDir: string, pages: { route: string; url: string; headers?: Record<string, string> }[]): Promise<void> {
  const stats = JSON.parse(readFileSync(path.join(distDir, "diagnostics", "route-bundle-stats.json"), "utf8")) as RouteBundleStat[];
  for (const page of pages) {
    const listed = stats.find((s) => s.route === page.route);
    if (!listed) {
      report.htmlMismatches.push(`${page.route}: not in route-bundle-stats.json`);
      continue;
    }
    const html = await (await fetch(page.url, { headers: page.headers })).text();
    const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1]!).filter((attributes) => !/\bnoModule\b/i.test(attributes));
    const served = new Set(scripts.flatMap((attributes) => /src="\/_next\/(static\/chunks\/[^"]+\.js)"/.exec(attributes)?.[1] ?? []));
    const built = new Set(listed.firstLoadChunkPaths.map((p) => p.slice(p.indexOf("static/chunks/"))));
    const missing = [...served].filter((f) => !built.has(f));
    const extra = [...built].filter((f) => !served.has(f));
    if (missing.length > 0 || extra.length > 0) {
      report.htmlMismatches.push(`${page.route}: served but not listed [${missing.join(", ")}], listed but not served [${extra.join(", ")}]`);
    }
  }
}
