import { createServer } from "node:net";
import { MailDev } from "maildev";

/**
 * A real MailDev (SMTP in, REST API out) in the test process, on free ports. Tests read what arrived through its
 * REST API, as a person would in its web inbox.
 */

export type CaughtEmail = {
  id: string;
  subject: string;
  text: string;
  html: string;
  to: { address: string }[];
  headers: Record<string, string>;
  messageId?: string;
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface MailCatcher {
  smtpUrl: string;
  apiUrl: string;
  /** Every email MailDev holds for one recipient. */
  emailsTo(address: string): Promise<CaughtEmail[]>;
  /** SMTP down (the inbox is kept by the test, not by MailDev: a restarted MailDev starts empty). */
  stop(): Promise<void>;
  start(): Promise<void>;
}

export async function startMailCatcher(): Promise<MailCatcher> {
  const smtp = await freePort();
  const web = await freePort();
  let server: MailDev | undefined;
  const catcher: MailCatcher = {
    smtpUrl: `smtp://127.0.0.1:${smtp}`,
    apiUrl: `http://127.0.0.1:${web}/api`,
    async emailsTo(address) {
      const response = await fetch(`${catcher.apiUrl}/email?${new URLSearchParams({ "to.address": address })}`);
      if (!response.ok) throw new Error(`MailDev API answered ${response.status}`);
      return (await response.json()) as CaughtEmail[];
    },
    async stop() {
      await server?.stop();
      server = undefined;
    },
    async start() {
      server = new MailDev({ smtp, web, ip: "127.0.0.1", webIp: "127.0.0.1", silent: true });
      await server.start();
    },
  };
  await catcher.start();
  return catcher;
}

/** Polls until `read` returns a value `done` accepts, or fails after `timeoutMs`. */
export async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(value).slice(0, 500)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
