import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships WebAssembly and data files that must be loaded from node_modules at run time, not bundled.
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  // A separate build directory lets a benchmark build sit beside the e2e build without either overwriting the other.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // Type checking is its own step (`npm run typecheck`, run by CI before the build); checking again inside
  // `next build` would only double the slowest part of the e2e start-up.
  typescript: { ignoreBuildErrors: true },
  images: {
    // Product images are local SVG illustrations; they need no optimisation pass.
    unoptimized: true,
  },
};

export default nextConfig;
