import { createHash, randomUUID, timingSafeEqual } from "node:crypto";
import { Hono, type Context, type MiddlewareHandler } from "hono";
import { ACCESS_PATH, type ApiEnv, type SandboxContext } from "../context";
import { tokenTail } from "../logger";
import { statusData } from "../payloads";
import { redactBody } from "../request-log";
import { finpayError, finpaySuccess, RESPONSE } from "../responses";
import { formatJakarta, secondsSince, sleep } from "../time";
import type { MoneyBackRefusal } from "../payments";
import { validateInitiate } from "../validation";

/**
 * Finpay's merchant API, mounted at /pg/payment/card: initiate, check, cancel, stored-card retrieval and delete.
 * Every call needs Basic auth with the merchant id and key, and every call is recorded for the control API.
 */
export function apiRoutes(ctx: SandboxContext): Hono<ApiEnv> {
  const api = new Hono<ApiEnv>();
  const guard = [record(ctx), requireMerchant(ctx)] as const;

  api.post("/initiate", ...guard, async (c) => {
    const started = c.get("startedAt");
    const fault = ctx.initiateFaults.take();
    if (fault) {
      c.set("fault", fault);
      return answerWithFault(c, ctx, fault);
    }

    let body: unknown;
    try {
      body = JSON.parse(await c.req.text());
    } catch {
      return finpayError(c, started, RESPONSE.invalidFormat.code, `${RESPONSE.invalidFormat.message} body`);
    }
    const result = validateInitiate(body);
    if (!result.ok) return finpayError(c, started, result.responseCode, result.responseMessage);

    const { request } = result;
    const token = request.card?.storedOnFile === "STORED" ? request.card.token : undefined;
    if (token && !ctx.payments.ownsCard(request.customer.id, token)) {
      ctx.logger.info("initiate.token_refused", { orderId: request.order.id, token: tokenTail(token) });
      return finpayError(c, started, RESPONSE.notPermitted.code, RESPONSE.notPermitted.message);
    }

    const order = ctx.payments.createOrder(request);
    if (order === "duplicate") return finpayError(c, started, RESPONSE.duplicateOrder.code, RESPONSE.duplicateOrder.message);

    const base = ctx.publicUrl() ?? new URL(c.req.url).origin;
    ctx.logger.info("order.initiated", { orderId: order.id, flow: order.flow, amount: order.amount });
    return finpaySuccess(c, started, {
      redirecturl: `${base}${ACCESS_PATH}/${order.accessToken}`,
      expiryLink: formatJakarta(new Date(order.expiresAt)),
    });
  });

  api.get("/check/:orderId", ...guard, (c) => {
    const order = ctx.store.getOrder(c.req.param("orderId"));
    if (!order) return finpayError(c, c.get("startedAt"), RESPONSE.notFound.code, RESPONSE.notFound.message);
    ctx.payments.refresh(order);
    return finpaySuccess(c, c.get("startedAt"), { data: statusData(order) });
  });

  // Finpay documents a body {order:{id,amount}} for this GET; clients send none, so any body is ignored.
  api.get("/cancel/:orderId", ...guard, (c) => {
    const started = c.get("startedAt");
    const order = ctx.store.getOrder(c.req.param("orderId"));
    if (!order) return finpayError(c, started, RESPONSE.notFound.code, RESPONSE.notFound.message);
    if (!ctx.payments.cancel(order)) return finpayError(c, started, RESPONSE.invalidStatus.code, RESPONSE.invalidStatus.message);
    // Member order as in the docs' cancel sample, traceId last.
    return c.json({
      responseCode: RESPONSE.success.code,
      responseMessage: "Request has been processed successfully",
      processingTime: secondsSince(started),
      traceId: randomUUID(),
    });
  });

  // Void in both forms of lib/finpay/money-back.ts: the documented POST with {"order":{"id"}} [INFER:void-body] and
  // the GET of a third-party note. A form the quirk switch turned off is answered like a route the host lacks
  // [INFER:void-form-refusal], before any auth, as a web framework's router does. Both answer the cancel envelope
  // and send the callback [INFER:money-back-answers].
  const voidOrder = (c: Context<ApiEnv>, orderId: string) => {
    const started = c.get("startedAt");
    const order = ctx.store.getOrder(orderId);
    if (!order) return finpayError(c, started, RESPONSE.notFound.code, RESPONSE.notFound.message);
    const outcome = ctx.payments.voidPayment(order);
    if (!outcome.ok) return moneyBackRefusal(c, started, outcome.refusal);
    return c.json({ responseCode: RESPONSE.success.code, responseMessage: "Request has been processed successfully", processingTime: secondsSince(started), traceId: randomUUID() });
  };

  api.post("/void", record(ctx), offeredVoidForm(ctx, "post"), requireMerchant(ctx), async (c) => {
    const parsed = parseVoid(await c.req.text());
    if (!parsed.ok) return finpayError(c, c.get("startedAt"), parsed.code, parsed.message);
    return voidOrder(c, parsed.orderId);
  });

  api.get("/void/:orderId", record(ctx), offeredVoidForm(ctx, "get"), requireMerchant(ctx), (c) => voidOrder(c, c.req.param("orderId")));

  api.post("/refund", ...guard, async (c) => {
    const started = c.get("startedAt");
    const parsed = parseRefund(await c.req.text());
    if (!parsed.ok) return finpayError(c, started, parsed.code, parsed.message);
    const order = ctx.store.getOrder(parsed.orderId);
    if (!order) return finpayError(c, started, RESPONSE.notFound.code, RESPONSE.notFound.message);
    const outcome = ctx.payments.refund(order, parsed.amount);
    if (!outcome.ok) return moneyBackRefusal(c, started, outcome.refusal);
    return c.json({ responseCode: RESPONSE.success.code, responseMessage: "Request has been processed successfully", processingTime: secondsSince(started), traceId: randomUUID() });
  });

  api.get("/customer/delete/:token", ...guard, (c) => {
    const token = c.req.param("token");
    if (!ctx.store.deleteCard(token)) return finpayError(c, c.get("startedAt"), RESPONSE.notFound.code, "Card Token Not Found");
    ctx.logger.info("card.deleted", { token: tokenTail(token) });
    return finpaySuccess(c, c.get("startedAt"));
  });

  // [INFER:stored-cards-api] Retrieve Stored Card: path and shape are not public; this is the one agreed with lib/finpay.
  api.get("/customer/:customerId", ...guard, (c) => {
    const customerId = c.req.param("customerId");
    const cards = ctx.store.listCards(customerId).map((card) => ({
      token: card.token,
      mask: card.mask,
      expiryDate: card.expiryDate,
      info: { ...card.info },
      storedAt: formatJakarta(new Date(card.storedAt)),
    }));
    return finpaySuccess(c, c.get("startedAt"), { data: { customer: { id: customerId }, cards } });
  });

  return api;
}

async function answerWithFault(c: Context<ApiEnv>, ctx: SandboxContext, fault: string) {
  const started = c.get("startedAt");
  ctx.logger.warn("initiate.fault", { mode: fault });
  if (fault === "timeout") {
    // Hold the request past a typical client timeout; nothing is created, as if the gateway never got there.
    await sleep(ctx.config.initiateTimeoutMs, ctx.shutdown);
    return finpayError(c, started, RESPONSE.timeout.code, RESPONSE.timeout.message);
  }
  if (fault === "malformed") {
    return c.body('{"responseCode":"2000000","responseMessage":"Succ', 200, { "content-type": "application/json" });
  }
  return finpayError(c, started, RESPONSE.generalError.code, RESPONSE.generalError.message);
}

function moneyBackRefusal(c: Context<ApiEnv>, started: number, refusal: MoneyBackRefusal) {
  if (refusal === "not_permitted") return finpayError(c, started, RESPONSE.notPermitted.code, RESPONSE.notPermitted.message);
  if (refusal === "over_remaining") return finpayError(c, started, RESPONSE.invalidFormat.code, `${RESPONSE.invalidFormat.message} order.amount`);
  return finpayError(c, started, RESPONSE.invalidStatus.code, RESPONSE.invalidStatus.message);
}

/** A void form switched off by the quirk: the host has no such route (a 404 without a Finpay response code). */
function offeredVoidForm(ctx: SandboxContext, form: "post" | "get"): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    if (ctx.quirks.acceptsVoid(form)) return next();
    c.set("fault", `void_${form}_not_offered`);
    return c.json({ message: `The route ${c.req.path.replace(/^\//, "")} could not be found.` }, 404);
  };
}

type ParsedVoid = { ok: true; orderId: string } | { ok: false; code: string; message: string };

/** [INFER:void-body] body {"order":{"id"}}; other members (an amount) are ignored, as Finpay ignores unknown ones. */
function parseVoid(text: string): ParsedVoid {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, code: RESPONSE.invalidFormat.code, message: `${RESPONSE.invalidFormat.message} body` };
  }
  const order = (body as { order?: unknown } | null)?.order;
  const id = order !== null && typeof order === "object" ? (order as { id?: unknown }).id : undefined;
  if (id === undefined || id === null || id === "") return { ok: false, code: RESPONSE.invalidMandatory.code, message: `${RESPONSE.invalidMandatory.message} order.id` };
  if (typeof id !== "string" || !/^[A-Za-z0-9_-]{1,30}$/.test(id)) return { ok: false, code: RESPONSE.invalidFormat.code, message: `${RESPONSE.invalidFormat.message} order.id` };
  return { ok: true, orderId: id };
}

type ParsedRefund = { ok: true; orderId: string; amount: number } | { ok: false; code: string; message: string };

/** [INFER:refund-body] body {"order":{"id","amount"}}: amount a positive whole number, as a digit string or an integer. */
function parseRefund(text: string): ParsedRefund {
  const invalid = (path: string): ParsedRefund => ({ ok: false, code: RESPONSE.invalidFormat.code, message: `${RESPONSE.invalidFormat.message} ${path}` });
  const missing = (path: string): ParsedRefund => ({ ok: false, code: RESPONSE.invalidMandatory.code, message: `${RESPONSE.invalidMandatory.message} ${path}` });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return invalid("body");
  }
  const order = (body as { order?: unknown } | null)?.order;
  if (order === undefined || order === null) return missing("order");
  if (typeof order !== "object") return invalid("order");
  const { id, amount } = order as { id?: unknown; amount?: unknown };
  if (id === undefined || id === null || id === "") return missing("order.id");
  if (typeof id !== "string" || !/^[A-Za-z0-9_-]{1,30}$/.test(id)) return invalid("order.id");
  if (amount === undefined || amount === null || amount === "") return missing("order.amount");
  const digits = typeof amount === "number" && Number.isInteger(amount) ? String(amount) : amount;
  if (typeof digits !== "string" || !/^[1-9]\d{0,13}$/.test(digits)) return invalid("order.amount");
  return { ok: true, orderId: id, amount: Number(digits) };
}

function sha256(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}

/** Basic auth with the merchant id and key (docs/finpay-reference.md §1); compared in constant time. */
function requireMerchant(ctx: SandboxContext): MiddlewareHandler<ApiEnv> {
  const expected = sha256(`${ctx.config.merchantId}:${ctx.config.merchantKey}`);
  return async (c, next) => {
    const header = c.req.header("authorization") ?? "";
    const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
    const given = match?.[1] ? Buffer.from(match[1], "base64").toString("utf8") : "";
    const authorized = given !== "" && timingSafeEqual(sha256(given), expected);
    c.set("authorized", authorized);
    if (!authorized) return finpayError(c, c.get("startedAt"), RESPONSE.unauthorized.code, RESPONSE.unauthorized.message);
    await next();
  };
}

/** Times the call (for processingTime) and records it for GET /__sandbox/requests. */
function record(ctx: SandboxContext): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    c.set("startedAt", performance.now());
    c.set("authorized", false);
    c.set("fault", null);
    await next();

    const text = c.req.method === "POST" ? await c.req.text().catch(() => "") : "";
    let body: unknown = null;
    if (text !== "") {
      try {
        body = redactBody(JSON.parse(text));
      } catch {
        body = text.slice(0, 500);
      }
    }
    let responseCode: string | null = null;
    let responseMessage: string | null = null;
    try {
      const answer = (await c.res.clone().json()) as { responseCode?: unknown; responseMessage?: unknown };
      responseCode = typeof answer.responseCode === "string" ? answer.responseCode : null;
      responseMessage = typeof answer.responseMessage === "string" ? answer.responseMessage : null;
    } catch {
      // A malformed-JSON fault answer has no readable code; the record still shows the status.
    }
    const orderId =
      c.req.param("orderId") ??
      (body !== null && typeof body === "object" && "order" in body ? orderIdOf((body as { order: unknown }).order) : null);
    ctx.requests.add({
      method: c.req.method,
      path: c.req.path,
      authorized: c.get("authorized"),
      orderId,
      body,
      httpStatus: c.res.status,
      responseCode,
      responseMessage,
      fault: c.get("fault"),
    });
    ctx.logger.info("api.request", {
      method: c.req.method,
      path: redactPath(c.req.path),
      status: c.res.status,
      responseCode,
      orderId,
    });
  };
}

function orderIdOf(order: unknown): string | null {
  if (order === null || typeof order !== "object") return null;
  const id = (order as { id?: unknown }).id;
  return typeof id === "string" ? id : null;
}

/** The delete path carries a full card token; logs keep only its tail. */
function redactPath(path: string): string {
  return path.replace(/[0-9a-f]{64}/g, (token) => tokenTail(token));
}
