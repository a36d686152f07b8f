import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { staticSecurityHeaders } from "./lib/security/headers";
import { MAX_ACTION_BODY_BYTES } from "./lib/security/requests";

const nextConfig: NextConfig = {
  // `.next/standalone/server.js` is what the Dockerfile and `npm run cluster` run: the server with only the
  // node_modules files it uses. `next start` keeps working on the same build.
  output: "standalone",
  // Read at run time from the working directory rather than imported, so file tracing cannot see them: the SQL
  // migrations (PGlite applies them on open) and PGlite's WebAssembly and data files.
  outputFileTracingIncludes: { "/**": ["./db/migrations/**/*", "./node_modules/@electric-sql/pglite/dist/*.{wasm,data}"] },
  // PGlite ships WebAssembly and data files that must be loaded from node_modules at run time, not bundled.
  // pg-boss and nodemailer are Node libraries with optional native and dynamic requires: loaded from node_modules too.
  // bwip-js (packing-slip barcodes) is one large prebuilt file: bundling it again only slows the build.
  serverExternalPackages: ["@electric-sql/pglite", "pg-boss", "nodemailer", "bwip-js"],
  poweredByHeader: false,
  // A separate build directory lets a benchmark build sit beside the e2e build without either overwriting the other.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // `npm run bench` builds (and starts) with NEXT_BENCH_PAGES=1: the `bench.tsx`/`bench.ts` extensions then turn the
  // benchmark's comparison routes (all in app/(benchmark-only)/: bench-static, bench-dynamic, api/bench-callback) into routes.
  // Other builds never have them.
  pageExtensions: process.env.NEXT_BENCH_PAGES === "1" ? ["bench.tsx", "bench.ts", "tsx", "ts", "jsx", "js"] : ["tsx", "ts", "jsx", "js"],
  // Benchmark builds only: the browser chunks' source maps tell the bench which bytes are Next.js's and React's and
  // which are the shop's (bench/suites/bundle-size.ts).
  productionBrowserSourceMaps: process.env.NEXT_BENCH_PAGES === "1",
  // Type checking is its own step (`npm run typecheck`, run by CI before the build); checking again inside
  // `next build` would only double the slowest part of the e2e start-up.
  typescript: { ignoreBuildErrors: true },
  images: {
    // Product images are local SVG illustrations; they need no optimisation pass.
    unoptimized: true,
  },
  experimental: {
    // The largest real form (sign-up) is well under 2 kB; Next's default of 1 MB only helps a flood.
    serverActions: { bodySizeLimit: MAX_ACTION_BODY_BYTES },
    // The copy of a request body that proxy.ts reads (default 10 MB): twice the action limit is enough to see that a
    // chunked body (no Content-Length) is over it, and bounds what a flood of such bodies can make the server buffer.
    proxyClientMaxBodySize: 2 * MAX_ACTION_BODY_BYTES,
    // Benchmark builds only: server chunks get source maps, so a CPU profile of the app (BENCH_CPU_PROF, see
    // bench/profile-summary.ts) names the shop's files and packages rather than bundle offsets.
    serverSourceMaps: process.env.NEXT_BENCH_PAGES === "1",
  },
  // The page CSP carries a per-request nonce, so proxy.ts sets it; these are the same for every response.
  async headers() {
    return [{ source: "/:path*", headers: staticSecurityHeaders({ production: process.env.NODE_ENV === "production" }) }];
  },
};

// next-intl finds its per-request configuration (locale, messages) in ./i18n/request.ts.
export default createNextIntlPlugin()(nextConfig);
