import type { Metadata } from "next";
import { SeedCatalog } from "@/bench/pages/seed-catalog";

// Benchmark builds only (NEXT_BENCH_PAGES=1 adds the `bench.tsx` page extension, see next.config.ts): the catalog
// prerendered at build time, the static page `npm run bench` compares `/` and the product page with.
export const dynamic = "force-static";

export const metadata: Metadata = { title: "Catalog (benchmark: static)", robots: { index: false } };

export default function StaticCatalogForBenchmark() {
  return <SeedCatalog />;
}
