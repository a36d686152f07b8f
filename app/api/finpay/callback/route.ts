import { clientIp } from "@/lib/auth/client-ip";
import { logger } from "@/lib/logger";
import { handleFinpayCallback, MAX_CALLBACK_BYTES } from "@/lib/payments/callback";
import { readBodyWithLimit } from "@/lib/http/read-body";

export const dynamic = "force-dynamic";

const json = (status: number, body: Record<string, unknown>) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

/** Finpay's signed payment notification. Thin: raw text -> lib/payments -> Response. */
export async function POST(request: Request) {
  const contentType = request.headers.get("content-type");
  // [TOLERANT:callback-content-type] Finpay never says which content type it sends (its PHP plugin reads the raw input whatever the header):
  // any type is read as JSON text, and the signature decides. An unusual header is logged so it can be confirmed.
  if (!/^application\/json\b/i.test(contentType ?? "")) logger.info("payment.callback_content_type", { contentType: contentType?.slice(0, 200) ?? null });
  const body = await readBodyWithLimit(request, MAX_CALLBACK_BYTES);
  if (!body.ok) return json(413, { responseCode: "4130000", responseMessage: `Body larger than ${MAX_CALLBACK_BYTES} bytes` });
  if (body.text.length === 0) return json(400, { responseCode: "4000002", responseMessage: "Empty body" });
  try {
    const reply = await handleFinpayCallback(body.text, { sourceAddress: clientIp(request.headers) });
    return json(reply.status, reply.body);
  } catch (error) {
    // Our failure (database down, status check unreachable): 5xx so that Finpay retries.
    logger.error("payment.callback_failed", { error });
    return json(503, { responseCode: "5030000", responseMessage: "Temporarily unavailable, please retry" });
  }
}
