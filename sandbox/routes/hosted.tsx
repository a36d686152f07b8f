/** @jsxImportSource hono/jsx */
import { Hono, type Context } from "hono";
import { checkCvv, EMPTY_CARD_FORM, readCardForm, type CardFormValues } from "../card-form";
import { ACCESS_PATH, type SandboxContext } from "../context";
import type { FieldErrors } from "../pages/components";
import { PAGE_CSP } from "../pages/layout";
import { BasicPaymentPage, ChallengePage, TwoClickPaymentPage } from "../pages/payment-pages";
import { ExpiredPage, FinishedPage, MessagePage, ResultPage } from "../pages/status-pages";
import type { SubmitOutcome } from "../payments";
import type { SandboxOrder } from "../state";

/**
 * The pages a customer's browser sees at `redirecturl`: the card form (basic), the CVV form (two-click), the
 * 3-D Secure step, and the expired / already-finished / result pages. Forms post back to the same URL and
 * successful posts answer 303 (post-redirect-get), so a reload never pays twice.
 */
export function hostedRoutes(ctx: SandboxContext): Hono {
  const pages = new Hono();

  pages.use("*", async (c, next) => {
    await next();
    // Payment pages must never come from a cache or leak their secret URL to the merchant's analytics.
    c.header("cache-control", "no-store");
    c.header("referrer-policy", "no-referrer");
    // The page's own inline script and stylesheet run by hash; nothing else (see PAGE_CSP).
    c.header("content-security-policy", PAGE_CSP);
    c.header("x-content-type-options", "nosniff");
  });

  pages.get("/:token", (c) =>
    withPayableOrder(c, ctx, (order) => {
      if (order.flow === "two-click") return renderTwoClick(c, ctx, order, {});
      return c.html(<BasicPaymentPage order={order} action={accessUrl(order)} values={EMPTY_CARD_FORM} errors={{}} />);
    }),
  );

  pages.post("/:token", (c) =>
    withPayableOrder(c, ctx, async (order) => {
      const form = await c.req.parseBody();
      if (order.flow === "two-click") {
        const stored = order.cardToken ? ctx.store.getCard(order.cardToken) : undefined;
        const cvv = typeof form.cvv === "string" ? form.cvv.trim() : "";
        const error = stored ? checkCvv(cvv, stored.info.brand) : undefined;
        if (error) return renderTwoClick(c, ctx, order, { cvv: error }, 422);
        return finish(c, order, ctx.payments.submitStoredCard(order, { cvv }));
      }
      const entry = readCardForm(form, ctx.clock());
      if (!entry.ok) return renderBasic(c, order, entry.values, entry.errors, 422);
      return finish(c, order, ctx.payments.submitCard(order, { pan: entry.pan, expiryDate: entry.expiryDate, save: entry.save, cvv: entry.cvv }));
    }),
  );

  pages.get("/:token/3ds", (c) =>
    withPayableOrder(c, ctx, (order) => {
      if (!order.challenge) return c.redirect(accessUrl(order), 303);
      const { card } = order.challenge;
      return c.html(<ChallengePage order={order} mask={card.mask} brand={card.info.brand} action={`${accessUrl(order)}/3ds`} />);
    }),
  );

  pages.post("/:token/3ds", (c) =>
    withPayableOrder(c, ctx, async (order) => {
      if (!order.challenge) return c.redirect(accessUrl(order), 303);
      const form = await c.req.parseBody();
      const code = typeof form.otp === "string" ? form.otp.trim() : "";
      if (code === "") {
        const { card } = order.challenge;
        const page = (
          <ChallengePage
            order={order}
            mask={card.mask}
            brand={card.info.brand}
            action={`${accessUrl(order)}/3ds`}
            error="Enter the one-time code."
          />
        );
        return c.html(page, 422);
      }
      return finish(c, order, ctx.payments.answerChallenge(order, code));
    }),
  );

  pages.get("/:token/result", (c) => {
    const order = ctx.store.getOrderByAccessToken(c.req.param("token"));
    if (!order) return notFound(c);
    if (order.status === "REQUEST_INITIATED") return c.redirect(accessUrl(order), 303);
    return c.html(<ResultPage order={order} />);
  });

  return pages;
}

function accessUrl(order: SandboxOrder): string {
  return `${ACCESS_PATH}/${order.accessToken}`;
}

function notFound(c: Context) {
  return c.html(
    <MessagePage title="Payment link not found" message="This payment link does not exist. Check the link or return to the merchant." />,
    404,
  );
}

/** Settles expiry first, then sends finished or expired orders to their own pages instead of the form. */
async function withPayableOrder(c: Context, ctx: SandboxContext, handle: (order: SandboxOrder) => Response | Promise<Response>) {
  const order = ctx.store.getOrderByAccessToken(c.req.param("token") ?? "");
  if (!order) return notFound(c);
  ctx.payments.refresh(order);
  if (order.status === "EXPIRED") return c.html(<ExpiredPage order={order} />, 410);
  if (order.status !== "REQUEST_INITIATED") return c.html(<FinishedPage order={order} />);
  return handle(order);
}

function renderBasic(c: Context, order: SandboxOrder, values: CardFormValues, errors: FieldErrors, status: 200 | 422 = 200) {
  return c.html(<BasicPaymentPage order={order} action={accessUrl(order)} values={values} errors={errors} />, status);
}

function renderTwoClick(c: Context, ctx: SandboxContext, order: SandboxOrder, errors: FieldErrors, status: 200 | 422 = 200) {
  const card = order.cardToken ? ctx.store.getCard(order.cardToken) : undefined;
  if (!card) {
    return c.html(
      <MessagePage
        title="Saved card not available"
        message="The saved card for this payment has been removed. Return to the merchant and pay with a new card."
        backUrl={order.urls.backUrl}
      />,
    );
  }
  return c.html(<TwoClickPaymentPage order={order} card={card} action={accessUrl(order)} errors={errors} />, status);
}

/**
 * After a card decision: wait for the first callback attempt (so a merchant usually knows the result before the
 * customer lands on successUrl), then send the browser on. A delay fault is the exception: its point is to let the
 * customer arrive first.
 */
async function finish(c: Context, order: SandboxOrder, outcome: SubmitOutcome) {
  if (outcome.kind === "challenge") return c.redirect(`${accessUrl(order)}/3ds`, 303);
  if (outcome.kind === "not_payable") return c.redirect(accessUrl(order), 303);
  if (!outcome.dispatch.delayed) await outcome.dispatch.firstAttempt;
  const target = order.status === "CAPTURED" ? order.urls.successUrl : order.urls.failUrl;
  return c.redirect(target ?? `${accessUrl(order)}/result`, 303);
}
