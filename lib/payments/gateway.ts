import "server-only";
import { getDb } from "@/lib/db";
import { gatewayExchanges } from "@/db/schema";
import { createFinpayClient, type FinpayClient, type FinpayExchange } from "@/lib/finpay";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

/**
 * The Finpay client as the app uses it: configured from the environment, logging through the app's logger, and
 * storing every exchange (already redacted by lib/finpay) for the payment inspector, linked to its attempt. A caller
 * that owes someone a quick answer (the callback route) caps the timeout with `maxTimeoutMs`.
 */
export function finpayFor(attemptId: string | null, options: { maxTimeoutMs?: number } = {}): FinpayClient {
  const config = env();
  return createFinpayClient({
    baseUrl: config.FINPAY_BASE_URL,
    merchantId: config.FINPAY_MERCHANT_ID,
    merchantKey: config.FINPAY_MERCHANT_KEY,
    timeoutMs: Math.min(config.FINPAY_TIMEOUT_MS, options.maxTimeoutMs ?? Infinity),
    voidForm: config.FINPAY_VOID_FORM,
    logger: (level, event, fields) => logger[level](event, { ...fields, attemptId }),
    onExchange: (exchange) => recordExchange(attemptId, exchange),
  });
}

async function recordExchange(attemptId: string | null, exchange: FinpayExchange): Promise<void> {
  const db = await getDb();
  await db.insert(gatewayExchanges).values({
    attemptId,
    operation: exchange.operation,
    method: exchange.method,
    url: exchange.url,
    requestBody: exchange.requestBody ?? null,
    httpStatus: exchange.httpStatus,
    responseBody: exchange.responseBody ?? null,
    errorKind: exchange.error?.kind ?? null,
    errorMessage: exchange.error?.message ?? null,
    durationMs: Math.round(exchange.durationMs),
    startedAt: exchange.startedAt,
  });
}
