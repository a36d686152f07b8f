import { handleCallback, MAX_BODY } from "@/bench/baseline/callback-handler";
import { readBodyWithLimit } from "@/lib/http/read-body";

// Benchmark builds only (NEXT_BENCH_PAGES=1 adds the `bench.ts` extension, see next.config.ts): the bare baseline's
// plain callback code inside a Next.js route handler, so `npm run bench` can tell the framework's share of the cost
// of a callback from the app's own code.
export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  const body = await readBodyWithLimit(request, MAX_BODY);
  if (!body.ok) return Response.json({ responseCode: "4130000" }, { status: 413 });
  try {
    const [status, reply] = await handleCallback(body.text);
    return Response.json(reply, { status, headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json({ responseCode: "5030000", responseMessage: "Temporarily unavailable, please retry" }, { status: 503 });
  }
}
