import { expect, type APIRequestContext } from "@playwright/test";

/** The tests' MailDev (e2e/support/serve-mail.ts): its REST API, and the switch that takes its SMTP side down. */
const MAIL_API = `http://127.0.0.1:${process.env.E2E_MAIL_WEB_PORT ?? 1081}/api`;
const MAIL_CONTROL = `http://127.0.0.1:${process.env.E2E_MAIL_CONTROL_PORT ?? 1082}`;

export type CaughtEmail = { id: string; subject: string; text: string; html: string; to: { address: string }[] };

export async function emailsTo(request: APIRequestContext, address: string): Promise<CaughtEmail[]> {
  const response = await request.get(`${MAIL_API}/email`, { params: { "to.address": address } });
  expect(response.ok(), `MailDev API: ${response.status()}`).toBe(true);
  return (await response.json()) as CaughtEmail[];
}

/** Waits until `count` emails to `address` have arrived (the worker polls every 2 s) and returns them. */
export async function waitForEmails(request: APIRequestContext, address: string, count = 1, timeout = 30_000): Promise<CaughtEmail[]> {
  let found: CaughtEmail[] = [];
  await expect(async () => {
    found = await emailsTo(request, address);
    expect(found.length).toBeGreaterThanOrEqual(count);
  }).toPass({ timeout, intervals: [500] });
  return found;
}

export async function stopSmtp(request: APIRequestContext) {
  expect((await request.post(`${MAIL_CONTROL}/smtp/stop`)).ok()).toBe(true);
}

export async function startSmtp(request: APIRequestContext) {
  expect((await request.post(`${MAIL_CONTROL}/smtp/start`)).ok()).toBe(true);
}
