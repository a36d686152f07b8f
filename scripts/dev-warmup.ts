// Part of `npm run dev`: once `next dev` answers, request the routes a first payment needs, so that `next dev` compiles
// them now rather than while a customer waits. Without it the sandbox's first callback reached a callback route that
// was still compiling, timed out, and the payment waited ~19 s for the retry. It never fails `npm run dev`: whatever
// happens, it logs one line and exits 0.
import { pathToFileURL } from "node:url";

/** The callback route first (the sandbox's first callback must not wait), then the pages of a first purchase. */
export const WARM_PATHS = [
  "/api/finpay/callback", // GET: `next dev` compiles the route to learn that it only takes POST (405); nothing is recorded
  "/",
  "/products/kopi-gayo-arabika",
  "/cart",
  "/checkout",
  "/orders/00000000-0000-4000-8000-000000000000",
  "/sign-in",
];

export interface WarmUpOptions {
  paths?: readonly string[];
  /** How long to wait for `next dev` to answer /api/health at all. */
  readyTimeoutMs?: number;
  pollMs?: number;
}

export type WarmUpResult = { ready: false } | { ready: true; warmed: { path: string; status: number | "error" }[] };

export async function warmUp(baseUrl: string, { paths = WARM_PATHS, readyTimeoutMs = 180_000, pollMs = 500 }: WarmUpOptions = {}): Promise<WarmUpResult> {
  const deadline = Date.now() + readyTimeoutMs;
  while (!(await answers(new URL("/api/health", baseUrl)))) {
    if (Date.now() > deadline) return { ready: false };
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  const warmed: { path: string; status: number | "error" }[] = [];
  // One at a time: `next dev` compiles one route after another anyway, and the callback route goes first.
  for (const path of paths) {
    try {
      const response = await fetch(new URL(path, baseUrl), { redirect: "manual" });
      await response.arrayBuffer();
      warmed.push({ path, status: response.status });
    } catch {
      warmed.push({ path, status: "error" });
    }
  }
  return { ready: true, warmed };
}

async function answers(url: URL): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(60_000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const baseUrl = process.env.DEV_WARMUP_URL ?? "http://localhost:3000";
  const result = await warmUp(baseUrl).catch(() => ({ ready: false }) as const);
  console.log(JSON.stringify({ event: "dev.warmed_up", baseUrl, ...result }));
}
