import type { NextConfig } from "next";
import { staticSecurityHeaders } from "./lib/security/headers";
import { MAX_ACTION_BODY_BYTES } from "./lib/security/requests";

const nextConfig: NextConfig = {
  // PGlite ships WebAssembly and data files that must be loaded from node_modules at run time, not bundled.
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  // A separate build directory lets a benchmark build sit beside the e2e build without either overwriting the other.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // `npm run bench` builds (and starts) with NEXT_BENCH_PAGES=1: the `bench.tsx`/`bench.ts` extensions then turn the
  // benchmark's comparison routes (app/bench-static, app/bench-dynamic, app/api/bench-callback) into routes.
  // Other builds never have them.
  pageExtensions: process.env.NEXT_BENCH_PAGES === "1" ? ["bench.tsx", "bench.ts", "tsx", "ts", "jsx", "js"] : ["tsx", "ts", "jsx", "js"],
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
  },
  // The page CSP carries a per-request nonce, so proxy.ts sets it; these are the same for every response.
  async headers() {
    return [{ source: "/:path*", headers: staticSecurityHeaders({ production: process.env.NODE_ENV === "production" }) }];
  },
};

export default nextConfig;
