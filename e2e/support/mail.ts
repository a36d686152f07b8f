import { expect, type APIRequestContext } from "@playwright/test";

/** The tests' MailDev (e2e/support/serve-mail.ts): its REST API, and the switch that takes its SMTP side down. */
export const MAIL_API = `http://127.0.0.1:${process.env.E2E_MAIL_WEB_PORT ?? 1081}/api`;
const MAIL_CONTROL = `http://127.0.0.1:${process.env.E2E_MAIL_CONTROL_PORT ?? 1082}`;

export type CaughtEmail = { id: string; subject: string; text: string; html: string; to: { address: string }[] };

export async function emailsTo(request: APIRequestContext, address: string, mailApi = MAIL_API): Promise<CaughtEmail[]> {
  const response = await request.get(`${mailApi}/email`, { params: { "to.address": address } });
  expect(response.ok(), `MailDev API: ${response.status()}`).toBe(true);
  return (await response.json()) as CaughtEmail[];
}

/** Waits until `count` emails to `address` have arrived (the worker polls every 2 s) and returns them. */
export async function waitForEmails(request: APIRequestContext, address: string, count = 1, timeout = 30_000, mailApi = MAIL_API): Promise<CaughtEmail[]> {
  let found: CaughtEmail[] = [];
  await expect(async () => {
    found = await emailsTo(request, address, mailApi);
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

/** Takes an email out of the inbox (MailDev's DELETE /email/:id), as a customer files away one they have dealt with. */
export async function removeEmail(request: APIRequestContext, id: string, mailApi = MAIL_API) {
  expect((await request.delete(`${mailApi}/email/${id}`)).ok()).toBe(true);
}

const SIGN_UP_LINK = /https?:\/\/\S+\/sign-up\/confirm\/[A-Za-z0-9_-]{43}/;

/**
 * The link of the sign-up email to `address` (either language), as a path: the test's browser opens it on the app it
 * talks to (an instance configured as https behind a proxy is reached over plain http). The email is then removed,
 * so that a test that counts what the customer received afterwards (an order confirmation, a reset link) sees only
 * that.
 */
export async function signUpLinkSentTo(request: APIRequestContext, address: string, mailApi = MAIL_API): Promise<string> {
  let link: string | undefined;
  let id = "";
  await expect(async () => {
    const mail = (await emailsTo(request, address, mailApi)).find((email) => SIGN_UP_LINK.test(email.text));
    expect(mail, `a sign-up email to ${address}`).toBeDefined();
    link = SIGN_UP_LINK.exec(mail!.text)![0];
    id = mail!.id;
  }).toPass({ timeout: 30_000, intervals: [500] });
  await removeEmail(request, id, mailApi);
  return new URL(link!).pathname;
}
