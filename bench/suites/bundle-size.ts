import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { SourceMapConsumer, type RawSourceMap } from "source-map-js";

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
  /**
   * The same total split by where each byte comes from (the chunks' source maps, benchmark builds only): Next.js,
   * React and the bundler's runtime, wherever the bundler put them, against the shop's own code and the other
   * libraries it ships. Null without source maps.
   */
  byOrigin: { frameworkBytes: number; appBytes: number } | null;
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
  // Each chunk is read once: its gzip size and, from its source map, the framework's share of it.
  const chunks = new Map<string, { gzipBytes: number; frameworkShare: number | null }>();
  const chunk = (file: string) => {
    const absolute = path.resolve(file);
    let measured = chunks.get(absolute);
    if (!measured) {
      const { code, mapFile } = readChunk(absolute);
      measured = { gzipBytes: gzipSync(code, { level: 9 }).length, frameworkShare: frameworkShare(code, mapFile) };
      chunks.set(absolute, measured);
    }
    return measured;
  };
  const gzipSize = (file: string) => chunk(file).gzipBytes;
  const framework = new Set(manifest.rootMainFiles.map((file) => path.resolve(distDir, file)));
  const frameworkBytes = [...framework].reduce((sum, file) => sum + gzipSize(file), 0);

  const routes = stats
    .filter((s) => !BENCH_ONLY_ROUTES.has(s.route))
    .map((s) => {
      const files = [...new Set(s.firstLoadChunkPaths.map((p) => path.resolve(p)))].filter((f) => f.endsWith(".js"));
      const gzipBytes = files.reduce((sum, file) => sum + gzipSize(file), 0);
      const routeFramework = files.filter((f) => framework.has(f)).reduce((sum, file) => sum + gzipSize(file), 0);
      const measured = files.map(chunk);
      const originFramework = measured.every((c) => c.frameworkShare !== null) ? Math.round(measured.reduce((sum, c) => sum + c.gzipBytes * c.frameworkShare!, 0)) : null;
      const byOrigin = originFramework === null ? null : { frameworkBytes: originFramework, appBytes: gzipBytes - originFramework };
      return { route: s.route, gzipBytes, frameworkBytes: routeFramework, appBytes: gzipBytes - routeFramework, byOrigin, chunks: files.length };
    })
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
  return { routes, frameworkBytes, htmlMismatches: [] };
}

const SOURCE_MAP_COMMENT = /\n?\/\/# sourceMappingURL=(\S+)\s*$/;

/**
 * A chunk as the browser gets it (a benchmark build's source-map comment left out of its size) and its source map:
 * Turbopack names a chunk's map by its own hash, so the comment says which file it is.
 */
function readChunk(file: string): { code: string; mapFile: string } {
  const text = readFileSync(file, "utf8");
  const comment = SOURCE_MAP_COMMENT.exec(text);
  return { code: text.replace(SOURCE_MAP_COMMENT, ""), mapFile: comment ? path.resolve(path.dirname(file), decodeURIComponent(comment[1]!)) : `${file}.map` };
}

/** Next.js, React and the bundler's (Turbopack's) own runtime: what every Next.js app ships whatever it does. */
const FRAMEWORK_SOURCE = /(^|\/)node_modules\/(next|react|react-dom|scheduler|@swc\/helpers)\/|^turbopack:\/\/\/\[turbopack\]\//;

/**
 * The part of a chunk's bytes (0..1) whose source map points into the framework. Each mapped segment counts up to
 * the next one; bytes before the first mapping of a line (module wrappers) count as the app's, so the app's share is
 * if anything overstated. The gzip size is split in the same proportion. Null when the build wrote no map.
 */
function frameworkShare(code: string, mapFile: string): number | null {
  if (!existsSync(mapFile)) return null;
  const raw = JSON.parse(readFileSync(mapFile, "utf8")) as RawSourceMap & { sections?: { map: RawSourceMap; offset: { line: number; column: number } }[] };
  const lines = code.split("\n");
  const total = lines.reduce((sum, line) => sum + line.length, 0);
  if (total === 0) return 0;
  let framework = 0;
  // Turbopack writes index maps (one section per module); a plain map is one section at 0:0.
  const sections = raw.sections ?? [{ map: raw, offset: { line: 0, column: 0 } }];
  const segments: { line: number; column: number; framework: boolean }[] = [];
  for (const section of sections) {
    const consumer = new SourceMapConsumer(section.map);
    consumer.eachMapping((m) => {
      const line = m.generatedLine - 1 + section.offset.line;
      const column = m.generatedLine === 1 ? m.generatedColumn + section.offset.column : m.generatedColumn;
      segments.push({ line, column, framework: Boolean(m.source && FRAMEWORK_SOURCE.test(m.source)) });
    });
  }
  segments.sort((a, b) => a.line - b.line || a.column - b.column);
  segments.forEach((segment, i) => {
    const next = segments[i + 1];
    const end = next && next.line === segment.line ? next.column : (lines[segment.line]?.length ?? segment.column);
    if (segment.framework) framework += Math.max(0, end - segment.column);
  });
  return framework / total;
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
