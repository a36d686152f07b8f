import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "../support/fixtures";
import { outcomeLabel } from "./support/callbacks";
import { createPostgresCluster, postgresClusterUnavailable, startApp, startSandbox, waitUntil, type PostgresCluster, type RunningServer } from "./support/servers";
import { addToCart, newCustomer, orderStatus } from "./support/shop";

/**
 * Finpay's callback retries (lib/finpay/callback-retries.ts: a 5xx is tried again at 1, 5, 15, 30 and 60 minutes,
 * read as waits, so 1, 6, 21, 51 and 111 minutes after the first try), walked in seconds on the sandbox clock.
 * Everything here is this spec's own, because moving a sandbox's clock two hours ahead would move every other
 * spec's payment links with it: a PostgreSQL cluster that is stopped and started, a sandbox, and an app instance
 * on both. Ports sit beside Playwright's own (E2E_APP_PORT + 7, E2E_SANDBOX_PORT + 7, E2E_MAIL_SMTP_PORT + 7), so
 * two checkouts' suites on one machine do not collide.
 */

const APP_PORT = Number(process.env.E2E_APP_PORT ?? 3100) + 7;
const SANDBOX_PORT = Number(process.env.E2E_SANDBOX_PORT ?? 4011) + 7;
const POSTGRES_PORT = Number(process.env.E2E_MAIL_SMTP_PORT ?? 1026) + 7;

type Attempt = { at: string; httpStatus: number | null; error: string | null };
type Delivery = { state: string; kind: string; paymentStatus: string; attempts: Attempt[]; nextAttemptAt: string | null };

const unavailable = postgresClusterUnavailable();
let cluster: PostgresCluster | undefined;
let sandbox: RunningServer | undefined;
let app: RunningServer | undefined;

const startShop = (reconcileAfterSeconds: number) =>
  startApp({ port: APP_PORT, databaseUrl: cluster!.url, finpayBaseUrl: sandbox!.url, env: { RECONCILE_AFTER_SECONDS: String(reconcileAfterSeconds) } });

test.beforeAll(async () => {
  if (unavailable !== null) return;
  test.setTimeout(180_000);
  cluster = createPostgresCluster(POSTGRES_PORT);
  sandbox = await startSandbox(SANDBOX_PORT);
});

test.afterAll(async () => {
  await app?.stop();
  await sandbox?.stop();
  cluster?.destroy();
});

/** This spec's sandbox, through its control API. */
function gateway(request: APIRequestContext) {
  const url = `${sandbox!.url}/__sandbox`;
  const post = async (path: string, data: unknown = {}) => {
    const response = await request.post(`${url}${path}`, { data });
    expect(response.ok(), `${path}: ${response.status()} ${await response.text()}`).toBe(true);
    return response.json();
  };
  return {
    post,
    /** Moves the sandbox clock; the answer comes once the retries due by then were tried. */
    advance: (minutes: number) => post("/clock", { advanceMinutes: minutes }),
    /** Moves the sandbox clock to just before a delivery's next try. */
    async advanceToJustBefore(delivery: Delivery, marginMs = 10_000) {
      const { now } = (await (await request.get(`${url}/clock`)).json()) as { now: string };
      return post("/clock", { advanceMs: Math.max(Date.parse(delivery.nextAttemptAt!) - Date.parse(now) - marginMs, 0) });
    },
    async deliveries(finpayOrderId: string): Promise<Delivery[]> {
      return ((await (await request.get(`${url}/callbacks?orderId=${finpayOrderId}`)).json()) as { callbacks: Delivery[] }).callbacks;
    },
    async ordersOf(email: string): Promise<{ status: string }[]> {
      const { orders } = (await (await request.get(`${url}/orders`)).json()) as { orders: { status: string; customer: { email: string } }[] };
      return orders.filter((order) => order.customer.email === email);
    },
    /** The Finpay order behind the card page the browser is on, and our order it pays. */
    async orderOnPage(page: Page): Promise<{ finpayOrderId: string; orderId: string }> {
      await expect(page.getByRole("heading", { name: "Pay by card" })).toBeVisible();
      const { orders } = (await (await request.get(`${url}/orders`)).json()) as { orders: { id: string; redirecturl: string; urls: { successUrl: string } }[] };
      const order = orders.find((o) => new URL(o.redirecturl).pathname === new URL(page.url()).pathname);
      expect(order, `sandbox order for ${page.url()}`).toBeDefined();
      return { finpayOrderId: order!.id, orderId: new URL(order!.urls.successUrl).pathname.split("/").pop()! };
    },
  };
}

/** Minutes after the first try at which each try was made, on the sandbox clock. */
const minutesOf = (delivery: Delivery) => delivery.attempts.map((a) => Math.floor((Date.parse(a.at) - Date.parse(delivery.attempts[0]!.at)) / 60_000));

async function customerAtCardPage(page: Page, prefix: string) {
  const email = await newCustomer(page, prefix);
  await addToCart(page, "tas-rotan-bali");
  await page.goto("/checkout");
  await page.getByRole("button", { name: "Pay with a new card" }).click();
  return email;
}

const health = async () => (await fetch(`${app!.url}/api/health`)).status;

test.describe.serial("Finpay's callback retry schedule on the sandbox clock", () => {
  test.skip(unavailable !== null, `needs a throwaway PostgreSQL cluster: ${unavailable}`);

  test("database down for the first three tries: 503 each time, the retry at minute 21 gets 200 and pays once, and nothing more is sent", async ({ browser }) => {
    test.setTimeout(180_000);
    // Reconciliation waits 10 minutes here, so only the callback can pay the order in this test.
    app = await startShop(600);
    const context = await browser.newContext({ baseURL: app.url });
    const page = await context.newPage();
    const finpay = gateway(page.request);
    const email = await customerAtCardPage(page, "ulang");
    const { finpayOrderId, orderId } = await finpay.orderOnPage(page);

    cluster!.stop();
    await waitUntil(async () => (await health()) === 503, 15_000, "the health check reporting the outage");
    const paid = await finpay.post(`/orders/${finpayOrderId}/pay`);
    expect(paid.callback.attempts.map((a: Attempt) => a.httpStatus)).toEqual([503]);
    // A forged callback in the outage is still refused for what it is, not left for Finpay to retry.
    const forged = await finpay.post(`/orders/${finpayOrderId}/callbacks/forged`);
    expect(forged.callback.attempts.map((a: Attempt) => a.httpStatus)).toEqual([401]);

    await finpay.advance(1);
    await finpay.advance(5);
    let [delivery] = (await finpay.deliveries(finpayOrderId)).filter((d) => d.kind === "notification");
    expect(delivery!.attempts.map((a) => a.httpStatus)).toEqual([503, 503, 503]);
    expect(minutesOf(delivery!)).toEqual([0, 1, 6]);
    expect(delivery!.state).toBe("pending");

    cluster!.start();
    await waitUntil(async () => (await health()) === 200, 30_000, "the app reporting healthy again, without a restart");
    expect(minutesOf({ ...delivery!, attempts: [delivery!.attempts[0]!, { at: delivery!.nextAttemptAt!, httpStatus: null, error: null }] })).toEqual([0, 21]);
    await finpay.advanceToJustBefore(delivery!);
    [delivery] = (await finpay.deliveries(finpayOrderId)).filter((d) => d.kind === "notification");
    expect(delivery!.attempts).toHaveLength(3); // the fourth try is due at minute 21, not before
    await finpay.advance(1);
    await finpay.advance(120);
    [delivery] = (await finpay.deliveries(finpayOrderId)).filter((d) => d.kind === "notification");
    expect(delivery!.attempts.map((a) => a.httpStatus)).toEqual([503, 503, 503, 200]);
    expect(minutesOf(delivery!)).toEqual([0, 1, 6, 21]);
    expect(delivery!.state).toBe("delivered");

    await page.goto(`/orders/${orderId}`);
    await expect(orderStatus(page)).toHaveText("Paid");
    await page.getByText("Payment inspector").click();
    await expect(outcomeLabel(page.getByTestId("payment-inspector"), "pending_to_paid")).toHaveCount(1);
    expect((await finpay.ordersOf(email)).map((order) => order.status)).toEqual(["CAPTURED"]);
    await context.close();
  });

  test("app unreachable through the whole schedule: six tries over 111 minutes fail, then reconciliation settles the payment", async ({ browser }) => {
    test.setTimeout(180_000);
    app ??= await startShop(600);
    const context = await browser.newContext({ baseURL: app.url });
    const page = await context.newPage();
    const finpay = gateway(page.request);
    const email = await customerAtCardPage(page, "takterjangkau");
    const { finpayOrderId, orderId } = await finpay.orderOnPage(page);

    await app.stop();
    const paid = await finpay.post(`/orders/${finpayOrderId}/pay`);
    expect(paid.callback.attempts[0].httpStatus).toBeNull(); // connection refused
    for (const minutes of [1, 5, 15, 30, 60]) await finpay.advance(minutes);
    await finpay.advance(60);
    const [delivery] = await finpay.deliveries(finpayOrderId);
    expect(minutesOf(delivery!)).toEqual([0, 1, 6, 21, 51, 111]);
    expect(delivery!.attempts.every((a) => a.httpStatus === null && a.error)).toBe(true);
    expect(delivery).toMatchObject({ state: "failed", nextAttemptAt: null });

    // The shop comes back; Finpay will not call again. Reconciliation asks check-status once the payment is due
    // (10 s here; RECONCILE_AFTER_SECONDS, at most 111 minutes, in production): the order page does it when viewed.
    app = await startShop(10);
    await page.goto(`/orders/${orderId}`);
    await expect(orderStatus(page)).toHaveText("Paid", { timeout: 30_000 });
    await page.getByText("Payment inspector").click();
    await expect(outcomeLabel(page.getByTestId("payment-inspector"), "pending_to_paid")).toHaveCount(1);
    expect((await finpay.ordersOf(email)).map((order) => order.status)).toEqual(["CAPTURED"]);
    await context.close();
  });
});
