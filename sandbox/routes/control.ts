import { Hono, type Context } from "hono";
import { z } from "zod";
import type { Dispatch } from "../callbacks";
import { CHALLENGE_CODE, digitsOnly, passesLuhn, TEST_CARDS } from "../cards";
import { ACCESS_PATH, type SandboxContext } from "../context";
import { FaultsRequestSchema } from "../faults";
import { QuirksRequestSchema } from "../quirks";
import type { SubmitOutcome } from "../payments";
import type { SandboxOrder } from "../state";
import { formatJakarta } from "../time";
import { CallbackVariantRequestSchema } from "../variants";

/**
 * The sandbox's own control API for tests and demos, under /__sandbox/ only. No auth: the sandbox is a local
 * development tool and this API exists precisely to do what a real gateway would never let you do.
 */
export function controlRoutes(ctx: SandboxContext): Hono {
  const control = new Hono();

  control.get("/health", (c) =>
    c.json({
      status: "ok",
      merchantId: ctx.config.merchantId,
      publicUrl: ctx.publicUrl() ?? null,
      state: ctx.config.stateFile,
      orders: ctx.store.listOrders().length,
      storedCards: ctx.store.listAllCards().length,
    }),
  );

  control.get("/requests", (c) => c.json({ requests: ctx.requests.list(c.req.query("orderId")) }));

  control.get("/callbacks", (c) => c.json({ callbacks: ctx.dispatcher.list(c.req.query("orderId")) }));

  control.get("/orders", (c) => c.json({ orders: ctx.store.listOrders().map((order) => orderView(ctx, order)) }));

  control.get("/orders/:orderId", (c) =>
    withOrder(c, ctx, (order) => c.json({ order: orderView(ctx, order), callbacks: ctx.dispatcher.list(order.id) })),
  );

  control.get("/cards", (c) => {
    const customerId = c.req.query("customerId");
    return c.json({ cards: customerId ? ctx.store.listCards(customerId) : ctx.store.listAllCards() });
  });

  const PayBody = z.object({
    card: z.union([z.string(), z.number().int()]).optional(),
    /** MM/YY; defaults to December three years ahead. */
    expiry: z.string().regex(/^(0[1-9]|1[0-2])\/\d{2}$/).optional(),
    save: z.boolean().default(false),
    /** For the 3-D Secure test card (or a stored card that needs it); defaults to the passing code. */
    otp: z.string().optional(),
    /** The CVV the customer "types"; "999" (Amex "9999") declines as a CVV mismatch. Defaults to a matching one. */
    cvv: z.string().regex(/^\d{3,4}$/).optional(),
  });

  control.post("/orders/:orderId/pay", (c) =>
    withOrder(c, ctx, async (order) => {
      const body = PayBody.safeParse(await jsonBody(c));
      if (!body.success) return badRequest(c, body.error);
      const { card, expiry, save, otp, cvv } = body.data;
      const pan = card === undefined ? "5123450000000008" : digitsOnly(String(card));
      if (order.flow === "basic" && (!/^\d{12,19}$/.test(pan) || !passesLuhn(pan))) {
        return c.json({ error: "card must be a Luhn-valid number of 12 to 19 digits" }, 400);
      }
      const outcome =
        order.flow === "two-click"
          ? ctx.payments.submitStoredCard(order, { ...(cvv ? { cvv } : {}) })
          : ctx.payments.submitCard(order, { pan, expiryDate: toYymm(expiry, ctx.clock()), save, ...(cvv ? { cvv } : {}) });
      return settle(c, ctx, order, outcome, otp ?? CHALLENGE_CODE);
    }),
  );

  const FailBody = z.object({ reason: z.enum(["decline", "insufficient_funds", "gateway_error"]).default("decline") });

  control.post("/orders/:orderId/fail", (c) =>
    withOrder(c, ctx, async (order) => {
      const body = FailBody.safeParse(await jsonBody(c));
      if (!body.success) return badRequest(c, body.error);
      const testCard = TEST_CARDS.find((card) => card.behaviour === body.data.reason);
      if (!testCard) return c.json({ error: "no test card for that reason" }, 500);
      // A two-click order fails the same way: the declining card stands in for the stored one.
      const outcome = ctx.payments.submitCard(order, { pan: testCard.number, expiryDate: toYymm(undefined, ctx.clock()), save: false });
      return settle(c, ctx, order, outcome, CHALLENGE_CODE);
    }),
  );

  control.post("/orders/:orderId/expire", (c) =>
    withOrder(c, ctx, async (order) => {
      const dispatch = ctx.payments.expire(order);
      if (!dispatch) return c.json({ error: `order is ${order.status}, only REQUEST_INITIATED orders can expire` }, 409);
      return c.json({ order: orderView(ctx, order), callback: await firstAttempt(dispatch) });
    }),
  );

  // The acquirer's settlement batch, now: after it a void is refused (a refund still works).
  control.post("/orders/:orderId/settle", (c) =>
    withOrder(c, ctx, (order) => {
      if (!ctx.payments.settle(order)) return c.json({ error: `order is ${order.status}, only a captured payment settles` }, 409);
      return c.json({ order: orderView(ctx, order) });
    }),
  );

  control.post("/orders/:orderId/callbacks/resend", (c) =>
    withOrder(c, ctx, async (order) => {
      const dispatch = ctx.payments.resendLast(order);
      if (!dispatch) return c.json({ error: "this order has not sent a callback yet" }, 409);
      return c.json({ callback: await firstAttempt(dispatch) });
    }),
  );

  const ForgedBody = z.object({ status: z.string().min(1).max(30).optional() });

  control.post("/orders/:orderId/callbacks/forged", (c) =>
    withOrder(c, ctx, async (order) => {
      const body = ForgedBody.safeParse(await jsonBody(c));
      if (!body.success) return badRequest(c, body.error);
      return c.json({ callback: await firstAttempt(ctx.payments.sendForged(order, body.data.status)) });
    }),
  );

  // A callback receiver for trying the sandbox without the app (url.callbackUrl = <sandbox>/__sandbox/inbox).
  control.post("/inbox", async (c) => {
    const entry = ctx.inbox.receive(await c.req.text());
    ctx.logger.info("inbox.received", { orderId: entry.orderId, status: entry.status, signatureValid: entry.signatureValid });
    if (!entry.signatureValid) return c.json({ responseCode: "4010000", responseMessage: "Invalid Signature" }, 401);
    return c.json({ responseCode: "2000000", responseMessage: "Success" });
  });

  control.get("/inbox", (c) => c.json({ callbacks: ctx.inbox.list(c.req.query("orderId")) }));

  control.get("/faults", (c) => c.json(faultsView(ctx)));

  control.post("/faults", async (c) => {
    const body = FaultsRequestSchema.safeParse(await jsonBody(c));
    if (!body.success) return badRequest(c, body.error);
    const { initiate, callbacks } = body.data;
    if (initiate) ctx.initiateFaults.set(initiate.mode, initiate.count);
    if (callbacks) ctx.dispatcher.setFault({ mode: callbacks.mode, delayMs: callbacks.delayMs, remaining: callbacks.count ?? null });
    ctx.logger.warn("faults.set", { initiate: initiate?.mode ?? null, callbacks: callbacks?.mode ?? null });
    return c.json(faultsView(ctx));
  });

  control.delete("/faults", (c) => {
    ctx.initiateFaults.clear();
    ctx.dispatcher.setFault(null);
    return c.json(faultsView(ctx));
  });

  // Callbacks shaped the way a real Finpay might send them (another content type, string amounts, extra or missing
  // members, an unknown status), still correctly signed.
  control.get("/callback-variants", (c) => c.json({ callbackVariants: ctx.callbackVariants.get() }));

  control.post("/callback-variants", async (c) => {
    const body = CallbackVariantRequestSchema.safeParse(await jsonBody(c));
    if (!body.success) return badRequest(c, body.error);
    ctx.callbackVariants.set(body.data);
    ctx.logger.warn("callback_variants.set", { ...body.data });
    return c.json({ callbackVariants: ctx.callbackVariants.get() });
  });

  control.delete("/callback-variants", (c) => {
    ctx.callbackVariants.clear();
    return c.json({ callbackVariants: null });
  });

  // Behaviours where Finpay's reference allows two readings: which void form the host offers, how the retry
  // minutes are spaced. Until cleared.
  control.get("/quirks", (c) => c.json({ quirks: ctx.quirks.get() }));

  control.post("/quirks", async (c) => {
    const body = QuirksRequestSchema.safeParse(await jsonBody(c));
    if (!body.success) return badRequest(c, body.error);
    ctx.quirks.set(body.data);
    ctx.logger.warn("quirks.set", { ...ctx.quirks.get() });
    return c.json({ quirks: ctx.quirks.get() });
  });

  control.delete("/quirks", (c) => {
    ctx.quirks.clear();
    return c.json({ quirks: ctx.quirks.get() });
  });

  // The sandbox clock: moved forward, it delivers the callback retries that fall due (Finpay's schedule spans 111
  // minutes), expires links and settles captures, then answers once those retries have been tried.
  control.get("/clock", (c) => c.json(clockView(ctx)));

  const ClockBody = z
    .strictObject({ advanceMinutes: z.number().min(0).max(525_600).optional(), advanceMs: z.number().int().min(0).max(31_536_000_000).optional() })
    .refine((v) => (v.advanceMinutes === undefined) !== (v.advanceMs === undefined), { message: "give advanceMinutes or advanceMs" });

  control.post("/clock", async (c) => {
    const body = ClockBody.safeParse(await jsonBody(c));
    if (!body.success) return badRequest(c, body.error);
    const target = ctx.clock().getTime() + (body.data.advanceMs ?? Math.round((body.data.advanceMinutes ?? 0) * 60_000));
    // Stop at each retry that falls due on the way, so every try happens at its own minute of the schedule.
    for (let due = ctx.dispatcher.nextDueAt(); due !== null && due <= target; due = ctx.dispatcher.nextDueAt()) {
      ctx.sandboxClock.advance(Math.max(due - ctx.clock().getTime(), 0));
      await ctx.dispatcher.idle();
    }
    ctx.sandboxClock.advance(Math.max(target - ctx.clock().getTime(), 0));
    const expired = ctx.payments.sweepExpired();
    await ctx.dispatcher.idle();
    ctx.logger.info("clock.advanced", { now: ctx.clock().toISOString(), aheadMs: ctx.sandboxClock.aheadMs, expired });
    return c.json(clockView(ctx));
  });

  control.post("/reset", async (c) => {
    ctx.store.reset();
    ctx.requests.clear();
    ctx.dispatcher.clearRecords();
    ctx.inbox.clear();
    ctx.initiateFaults.clear();
    ctx.dispatcher.setFault(null);
    ctx.callbackVariants.clear();
    ctx.quirks.clear();
    ctx.logger.info("sandbox.reset");
    return c.json({ status: "reset", storedCards: ctx.store.listAllCards().length });
  });

  return control;
}

/** The order as the control API shows it: everything the sandbox knows, plus its payment link. */
function orderView(ctx: SandboxContext, order: SandboxOrder) {
  const { lastCallbackBody, ...rest } = order;
  const base = ctx.publicUrl() ?? "";
  return {
    ...rest,
    redirecturl: `${base}${ACCESS_PATH}/${order.accessToken}`,
    expiryLink: formatJakarta(new Date(order.expiresAt)),
    hasSentCallback: lastCallbackBody !== null,
    settled: ctx.payments.isSettled(order),
    refundedAmount: ctx.payments.refundedAmount(order),
  };
}

function clockView(ctx: SandboxContext) {
  return { now: ctx.clock().toISOString(), nowJakarta: formatJakarta(ctx.clock()), aheadMs: ctx.sandboxClock.aheadMs };
}

function faultsView(ctx: SandboxContext) {
  return { initiate: ctx.initiateFaults.get(), callbacks: ctx.dispatcher.getFault() };
}

async function withOrder(c: Context, ctx: SandboxContext, handle: (order: SandboxOrder) => Response | Promise<Response>) {
  const order = ctx.store.getOrder(c.req.param("orderId") ?? "");
  if (!order) return c.json({ error: "order not found" }, 404);
  ctx.payments.refresh(order);
  return handle(order);
}

/** Completes a control-API payment, answering the 3-D Secure step itself, and waits for the first callback try. */
async function settle(c: Context, ctx: SandboxContext, order: SandboxOrder, first: SubmitOutcome, otp: string) {
  const outcome = first.kind === "challenge" ? ctx.payments.answerChallenge(order, otp) : first;
  if (outcome.kind !== "completed") {
    return c.json({ error: `order is ${order.status}, it can no longer be paid` }, 409);
  }
  return c.json({ order: orderView(ctx, order), callback: await firstAttempt(outcome.dispatch) });
}

/** A delayed callback is reported as pending rather than holding the control call for the whole delay. */
function firstAttempt(dispatch: Dispatch) {
  return dispatch.delayed ? Promise.resolve(dispatch.record) : dispatch.firstAttempt;
}

async function jsonBody(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    return Symbol("invalid JSON"); // fails every schema, so the caller answers 400
  }
}

function badRequest(c: Context, error: z.ZodError) {
  const issue = error.issues[0];
  return c.json({ error: `${issue?.path.join(".") || "body"}: ${issue?.message ?? "invalid"}` }, 400);
}

/** December, three years ahead: a valid expiry for cards paid without a browser. */
function toYymm(expiry: string | undefined, now: Date): string {
  if (expiry) return `${expiry.slice(3, 5)}${expiry.slice(0, 2)}`;
  return `${String((now.getUTCFullYear() + 3) % 100).padStart(2, "0")}12`;
}
