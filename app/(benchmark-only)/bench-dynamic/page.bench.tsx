import type { Metadata } from "next";
import { connection } from "next/server";
import { SeedCatalog } from "@/bench/pages/seed-catalog";

// Benchmark builds only (see ../bench-static): the same markup as the static copy, rendered on every request with
// no database access, so that `npm run bench` can tell the cost of per-request rendering from the cost of the data.
export const metadata: Metadata = { title: "Catalog (benchmark: per request)", robots: { index: false } };

export default async function DynamicCatalogForBenchmark() {
  await connection();
  return <SeedCatalog />;
}
