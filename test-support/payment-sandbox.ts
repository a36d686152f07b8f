import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll } from "vitest";
import { getDb } from "@/lib/db";
import { paymentAttempts } from "@/db/schema";
import { handleFinpayCallback } from "@/lib/payments/callback";
import { startCheckout, type PaymentChoice } from "@/lib/payments/checkout";
import { CARDS } from "./cards";
import { startTestSandbox, type TestSandbox } from "@/sandbox/tests/helpers";
import { deliveryFor, fillCart, newCustomer } from "./payment-fixtures";

/**
 * Payment tests with real parts: the local sandbox over HTTP (in this process, on a free port) plays Finpay and
 * sends its signed callbacks to a receiver here, which keeps the raw bodies for the test to hand to the app.
 */
export function withFinpaySandbox(options: { deliverTo?: (request: Request) => Promise<Response> } = {}) {
  const harness = { sandbox: undefined as unknown as TestSandbox, received: [] as string[] };
  let receiver: Server;
  let sandboxRunning = false;

  beforeAll(async () => {
    const sandbox = await startTestSandbox();
    sandboxRunning = true;
    // A test may stop the sandbox to play "Finpay unreachable"; then there is nothing left to clean up.
    harness.sandbox = { ...sandbox, close: () => ((sandboxRunning = false), sandbox.close()) };
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", async () => {
        const body = Buffer.concat(chunks);
        harness.received.push(body.toString("utf8"));
        if (!options.deliverTo) {
          res.writeHead(200, { "content-type": "application/json" }).end('{"responseCode":"2000000","responseMessage":"Success"}');
          return;
        }
        // Handed to a route handler as Next's server would: the sender's headers plus its address in X-Forwarded-For.
        const headers = new Headers();
        for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
        headers.set("x-forwarded-for", req.socket.remoteAddress ?? "");
        const answer = await options.deliverTo(new Request(`http://localhost${req.url ?? "/"}`, { method: "POST", headers, body }));
        res.writeHead(answer.status, { "content-type": "application/json" }).end(await answer.text());
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    // Read by lib/env on first use in this test file's module registry.
    process.env.FINPAY_BASE_URL = harness.sandbox.url;
    process.env.APP_BASE_URL = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  });

  // A test that injects a fault (dropped callbacks...) leaves none behind, even when it fails half-way.
  afterEach(async () => {
    if (sandboxRunning) {
      await harness.sandbox.control("DELETE", "/faults");
      await harness.sandbox.control("DELETE", "/quirks");
    }
  });

  afterAll(async () => {
    receiver.closeAllConnections();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
    if (sandboxRunning) await harness.sandbox.close();
  });

  async function lastCallbackFor(finpayOrderId: string): Promise<string> {
    await harness.sandbox.sandbox.idle();
    const body = [...harness.received].reverse().find((raw) => raw.includes(`"id":"${finpayOrderId}"`));
    if (!body) throw new Error(`no callback for ${finpayOrderId}`);
    return body;
  }

  return {
    get sandbox() {
      return harness.sandbox;
    },
    /** A customer with one product in the cart, checked out: a pending attempt with a payment link at the sandbox. */
    async pendingPayment(choice: PaymentChoice = { method: "basic" }) {
      const user = await newCustomer();
      await fillCart(user.id, "kemeja-batik-tulis", 1);
      const result = await startCheckout(user, choice, randomUUID(), await deliveryFor(user));
      if (!result.ok) throw new Error(JSON.stringify(result.message));
      const db = await getDb();
      const [attempt] = await db.select().from(paymentAttempts).where(eq(paymentAttempts.orderId, result.orderId));
      return { user, orderId: result.orderId, attempt: attempt! };
    },
    /** The newest callback the sandbox delivered for a Finpay order id, byte for byte. */
    lastCallbackFor,
    /** What Finpay holds for one customer: every order it made for them, with its status (CAPTURED = charged). */
    async ordersAtFinpay(email: string): Promise<SandboxOrderView[]> {
      const { json } = await harness.sandbox.control("GET", "/orders");
      return (json.orders as SandboxOrderView[]).filter((order) => order.customer.email === email);
    },
    async orderAtFinpay(finpayOrderId: string): Promise<SandboxOrderView> {
      const { json } = await harness.sandbox.control("GET", `/orders/${finpayOrderId}`);
      return json.order as SandboxOrderView;
    },
    /** The customer pays on Finpay's page; the callback reaches the app unless `callbackLost`. */
    async payAtFinpay(finpayOrderId: string, options: { callbackLost?: boolean } = {}) {
      if (options.callbackLost) await harness.sandbox.control("POST", "/faults", { callbacks: { mode: "drop" } });
      try {
        await harness.sandbox.control("POST", `/orders/${finpayOrderId}/pay`, { card: CARDS.approvedMastercard });
      } finally {
        if (options.callbackLost) await harness.sandbox.control("DELETE", "/faults");
      }
      if (!options.callbackLost) await handleFinpayCallback(await lastCallbackFor(finpayOrderId));
    },
    /** The card is declined on Finpay's page, and the callback reaches the app. */
    async declineAtFinpay(finpayOrderId: string) {
      await harness.sandbox.control("POST", `/orders/${finpayOrderId}/fail`, { reason: "decline" });
      await handleFinpayCallback(await lastCallbackFor(finpayOrderId));
    },
  };
}

export type SandboxOrderView = { id: string; status: string; customer: { email: string } };
