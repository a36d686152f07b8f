import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { HostedCardPage } from "./pages/hosted-card-page";

/** The local Finpay sandbox Playwright starts (playwright.config.ts), driven through its control API. */
export const SANDBOX_URL = `http://localhost:${process.env.E2E_SANDBOX_PORT ?? 4011}`;

export type SandboxOrder = {
  id: string;
  amount: number;
  status: string;
  flow: string;
  cardToken: string | null;
  storedCardToken: string | null;
  customer: { id: string; email: string };
  urls: { successUrl?: string };
  redirecturl: string;
  settled?: boolean;
  refundedAmount?: number;
};

/** Faults the sandbox can inject (sandbox/faults.ts): a failing initiate, dropped or delayed callbacks. */
export type SandboxFaults = {
  initiate?: { mode: string; count?: number };
  callbacks?: { mode: "drop" | "delay"; count?: number; delayMs?: number };
};

export type SandboxCallback = { body: string; paymentStatus: string; state: string; attempts: { httpStatus: number | null }[] };

/** The Finpay order id behind the hosted page the browser is on, from the sandbox's control API. */
export async function finpayOrderIdOf(request: APIRequestContext, page: Page): Promise<string> {
  const pageUrl = new URL(page.url());
  const response = await request.get(`${SANDBOX_URL}/__sandbox/orders`);
  const { orders } = (await response.json()) as { orders: { id: string; redirecturl: string }[] };
  const order = orders.find((o) => new URL(o.redirecturl).pathname === pageUrl.pathname.replace(/\/(3ds|result)$/, ""));
  expect(order, `sandbox order for ${page.url()}`).toBeDefined();
  return order!.id;
}

export async function control(request: APIRequestContext, path: string, data?: unknown) {
  const response = await request.post(`${SANDBOX_URL}/__sandbox${path}`, data === undefined ? {} : { data });
  expect(response.ok(), `${path}: ${response.status()} ${await response.text()}`).toBe(true);
  return response.json();
}

export async function clearFaults(request: APIRequestContext) {
  await request.delete(`${SANDBOX_URL}/__sandbox/faults`);
  await request.delete(`${SANDBOX_URL}/__sandbox/callback-variants`);
  await request.delete(`${SANDBOX_URL}/__sandbox/quirks`);
}

export async function sandboxOrder(request: APIRequestContext, finpayOrderId: string): Promise<SandboxOrder> {
  const response = await request.get(`${SANDBOX_URL}/__sandbox/orders/${finpayOrderId}`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { order: SandboxOrder }).order;
}

/** Every order the sandbox holds for one customer email: what Finpay would have charged them. */
export async function sandboxOrdersOf(request: APIRequestContext, email: string): Promise<SandboxOrder[]> {
  const response = await request.get(`${SANDBOX_URL}/__sandbox/orders`);
  const { orders } = (await response.json()) as { orders: SandboxOrder[] };
  return orders.filter((order) => order.customer.email === email);
}

/** The initiate requests the sandbox received for one of our attempts (bodies as sent, card data redacted). */
export async function initiateRequestsFor(request: APIRequestContext, finpayOrderId: string) {
  const response = await request.get(`${SANDBOX_URL}/__sandbox/requests?orderId=${finpayOrderId}`);
  const { requests } = (await response.json()) as { requests: { path: string; body: unknown }[] };
  return requests.filter((r) => r.path.endsWith("/initiate"));
}

/** Every callback the sandbox made for one Finpay order, oldest first (bodies exactly as signed). */
export async function sandboxCallbacks(request: APIRequestContext, finpayOrderId: string): Promise<SandboxCallback[]> {
  const response = await request.get(`${SANDBOX_URL}/__sandbox/callbacks?orderId=${finpayOrderId}`);
  return ((await response.json()) as { callbacks: SandboxCallback[] }).callbacks;
}

/** Fills and submits the sandbox's basic card page. */
export async function payOnHostedPage(page: Page, card: string, options: { save?: boolean } = {}) {
  await new HostedCardPage(page, new SandboxControl(page.request)).pay(card, options);
}

/**
 * The sandbox as a test fixture sees it: what Finpay holds and did, and the switches a test may flip (settle an
 * order, expire a link, inject faults). The `sandbox` fixture clears faults before and after every test, so a
 * failing test never leaves a fault behind for the next one.
 */
export class SandboxControl {
  constructor(readonly request: APIRequestContext) {}

  finpayOrderIdOf(page: Page) {
    return finpayOrderIdOf(this.request, page);
  }
  order(finpayOrderId: string) {
    return sandboxOrder(this.request, finpayOrderId);
  }
  ordersOf(email: string) {
    return sandboxOrdersOf(this.request, email);
  }
  initiateRequests(finpayOrderId: string) {
    return initiateRequestsFor(this.request, finpayOrderId);
  }
  callbacks(finpayOrderId: string) {
    return sandboxCallbacks(this.request, finpayOrderId);
  }
  /** Pays the order as if the customer had used the hosted page elsewhere (default: the approved Mastercard). */
  pay(finpayOrderId: string, body: { card?: string; save?: boolean; otp?: string } = {}) {
    return control(this.request, `/orders/${finpayOrderId}/pay`, body);
  }
  fail(finpayOrderId: string) {
    return control(this.request, `/orders/${finpayOrderId}/fail`, {});
  }
  expire(finpayOrderId: string) {
    return control(this.request, `/orders/${finpayOrderId}/expire`);
  }
  /** The acquirer settles the capture now: a void is refused from here on. */
  settle(finpayOrderId: string) {
    return control(this.request, `/orders/${finpayOrderId}/settle`);
  }
  setFaults(faults: SandboxFaults) {
    return control(this.request, "/faults", faults);
  }
  /** Where Finpay's reference allows two readings, play one (sandbox/quirks.ts); cleared with the faults. */
  setQuirks(quirks: { acceptVoid?: "both" | "post" | "get"; callbackRetrySpacing?: "waits" | "offsets" }) {
    return control(this.request, "/quirks", quirks);
  }
  clearFaults() {
    return clearFaults(this.request);
  }
}
