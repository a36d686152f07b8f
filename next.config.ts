import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships WebAssembly and data files that must be loaded from node_modules at run time, not bundled.
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  images: {
    // Product images are local SVG illustrations; they need no optimisation pass.
    unoptimized: true,
  },
};

export default nextConfig;
