import { isDatabaseReachable } from "@/lib/health";

export const dynamic = "force-dynamic";

/** Readiness: 200 only when the database answers. Used by Playwright's webServer and by deploys. */
export async function GET() {
  const headers = { "Cache-Control": "no-store" };
  if (await isDatabaseReachable()) return Response.json({ status: "ok" }, { headers });
  return Response.json({ status: "unavailable", message: "database not reachable" }, { status: 503, headers });
}
