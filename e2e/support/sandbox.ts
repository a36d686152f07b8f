import { expect, type APIRequestContext, type Page } from "@playwright/test";

export const SANDBOX_URL = `http://localhost:${process.env.E2E_SANDBOX_PORT ?? 4011}`;

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
}

/** Fills and submits the sandbox's basic card page. */
export async function payOnHostedPage(page: Page, card: string, options: { save?: boolean } = {}) {
  await expect(page.getByRole("heading", { name: "Pay by card" })).toBeVisible();
  await page.getByLabel("Card number").fill(card);
  await page.getByLabel("Expiry date (MM/YY)").fill("12/39");
  await page.getByLabel("CVV").fill("123");
  await page.getByLabel("Name on card").fill("Dewi Anggraini");
  if (options.save) await page.getByLabel("Save this card for faster checkout").check();
  await page.getByRole("button", { name: /^Pay Rp/ }).click();
}
