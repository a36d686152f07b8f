import type { NextConfig } from "next";

// One template, built twice by bench/rendering/run.ts: with Cache Components (Partial Prerendering) and without.
const cacheComponents = process.env.RENDERING_BENCH_CACHE_COMPONENTS === "1";

const config: NextConfig = {
  cacheComponents,
  ...(cacheComponents ? { partialPrefetching: true } : {}),
  poweredByHeader: false,
  typescript: { ignoreBuildErrors: true },
};

export default config;
