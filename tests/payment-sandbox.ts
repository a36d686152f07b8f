import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll } from "vitest";
import { getDb } from "@/db";
import { paymentAttempts } from "@/db/schema";
import { startCheckout, type PaymentChoice } from "@/lib/payments/checkout";
import { startTestSandbox, type TestSandbox } from "@/sandbox/tests/helpers";
import { fillCart, newCustomer } from "./payment-fixtures";

/**
 * Payment tests with real parts: the local sandbox over HTTP (in this process, on a free port) plays Finpay and
 * sends its signed callbacks to a receiver here, which keeps the raw bodies for the test to hand to the app.
 */
export function withFinpaySandbox() {
  const harness = { sandbox: undefined as unknown as TestSandbox, received: [] as string[] };
  let receiver: Server;

  beforeAll(async () => {
    harness.sandbox = await startTestSandbox();
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        harness.received.push(Buffer.concat(chunks).toString("utf8"));
        res.writeHead(200, { "content-type": "application/json" }).end('{"responseCode":"2000000","responseMessage":"Success"}');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    // Read by lib/env on first use in this test file's module registry.
    process.env.FINPAY_BASE_URL = harness.sandbox.url;
    process.env.APP_BASE_URL = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    receiver.closeAllConnections();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
    await harness.sandbox.close();
  });

  return {
    get sandbox() {
      return harness.sandbox;
    },
    /** A customer with one product in the cart, checked out: a pending attempt with a payment link at the sandbox. */
    async pendingPayment(choice: PaymentChoice = { method: "basic" }) {
      const user = await newCustomer();
      await fillCart(user.id, "kemeja-batik-tulis", 1);
      const result = await startCheckout(user, choice, randomUUID());
      if (!result.ok) throw new Error(result.message);
      const db = await getDb();
      const [attempt] = await db.select().from(paymentAttempts).where(eq(paymentAttempts.orderId, result.orderId));
      return { user, orderId: result.orderId, attempt: attempt! };
    },
    /** The newest callback the sandbox delivered for a Finpay order id, byte for byte. */
    async lastCallbackFor(finpayOrderId: string): Promise<string> {
      await harness.sandbox.sandbox.idle();
      const body = [...harness.received].reverse().find((raw) => raw.includes(`"id":"${finpayOrderId}"`));
      if (!body) throw new Error(`no callback for ${finpayOrderId}`);
      return body;
    },
  };
}
