import { expect, test } from "../support/fixtures";
import { SANDBOX_URL, control } from "../support/sandbox";
import { outcomeLabel, sandboxCallbacks } from "./support/callbacks";
import { createPostgresCluster, postgresClusterUnavailable, startApp, waitUntil, type PostgresCluster, type RunningServer } from "./support/servers";
import { addToCart, newCustomer, openHostedPage, orderStatus } from "./support/shop";

/**
 * PostgreSQL restarted under a running storefront. The shared server on 5432 is never touched: this test makes a
 * throwaway cluster (port 5409) and a second app instance on it (port 3400), and stops and starts that cluster.
 */

const unavailable = postgresClusterUnavailable();
let cluster: PostgresCluster | undefined;
let app: RunningServer | undefined;

test.afterAll(async () => {
  await app?.stop();
  cluster?.destroy();
});

const health = async (url: string) => (await fetch(`${url}/api/health`)).status;

test("Postgres restarts: the app reports unhealthy, recovers without a restart, and a callback from the outage is processed when resent", async ({ browser }) => {
  test.skip(unavailable !== null, `needs a throwaway PostgreSQL cluster: ${unavailable}`);
  test.setTimeout(150_000);
  cluster = createPostgresCluster(5409);
  app = await startApp({ port: 3400, databaseUrl: cluster.url, finpayBaseUrl: SANDBOX_URL });
  const context = await browser.newContext({ baseURL: app.url });
  const page = await context.newPage();
  await newCustomer(page, "basisdata");
  await addToCart(page, "tas-rotan-bali");
  const { finpayOrderId, orderId } = await openHostedPage(page, page.request);
  expect(await health(app.url)).toBe(200);

  cluster.stop();
  await waitUntil(async () => (await health(app!.url)) === 503, 15_000, "the health check reporting the outage");
  const health503 = await (await fetch(`${app.url}/api/health`)).json();
  expect(health503).toEqual({ status: "unavailable", message: "database not reachable" });

  // The customer pays while the database is down: the callback is answered 503, so Finpay will send it again.
  const paid = await control(page.request, `/orders/${finpayOrderId}/pay`, {});
  expect(paid.callback.attempts[0].httpStatus).toBe(503);

  cluster.start();
  await waitUntil(async () => (await health(app!.url)) === 200, 30_000, "the app reporting healthy again, without a restart");

  // Finpay's resend is processed: the order is paid exactly once.
  const resent = await control(page.request, `/orders/${finpayOrderId}/callbacks/resend`);
  expect(resent.callback.attempts[0].httpStatus).toBe(200);
  await page.goto(`/orders/${orderId}`);
  await expect(orderStatus(page)).toHaveText("Paid");
  await page.getByText("Payment inspector").click();
  await expect(outcomeLabel(page.getByTestId("payment-inspector"), "pending_to_paid")).toHaveCount(1);
  const deliveries = (await sandboxCallbacks(page.request, finpayOrderId)).flatMap((callback) => callback.attempts.map((a) => a.httpStatus));
  expect(deliveries[0]).toBe(503);
  expect(deliveries).not.toContain(500);
  await context.close();
});
