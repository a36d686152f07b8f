import { logger } from "@/lib/logger";
import { handleFinpayCallback, MAX_CALLBACK_BYTES } from "@/lib/payments/callback";
import { readBodyWithLimit } from "@/lib/http/read-body";

export const dynamic = "force-dynamic";

const json = (status: number, body: Record<string, unknown>) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

/** Finpay's signed payment notification. Thin: raw text -> lib/payments -> Response. */
export async function POST(request: Request) {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(contentType)) return json(415, { responseCode: "4150000", responseMessage: "Content-Type must be application/json" });
  const body = await readBodyWithLimit(request, MAX_CALLBACK_BYTES);
  if (!body.ok) return json(413, { responseCode: "4130000", responseMessage: `Body larger than ${MAX_CALLBACK_BYTES} bytes` });
  if (body.text.length === 0) return json(400, { responseCode: "4000002", responseMessage: "Empty body" });
  try {
    const reply = await handleFinpayCallback(body.text);
    return json(reply.status, reply.body);
  } catch (error) {
    // Our failure (database down, status check unreachable): 5xx so that Finpay sends it again.
    logger.error("payment.callback_failed", { error });
    return json(503, { responseCode: "5030000", responseMessage: "Temporarily unavailable, please retry" });
  }
}
