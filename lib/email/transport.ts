import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";

/**
 * One SMTP transport per process, from SMTP_URL (MailDev on localhost:1025 by default). Short timeouts: a mail
 * server that hangs fails the job, and the queue retries it later with backoff instead of holding a worker.
 */
let transport: Transporter | undefined;

export function mailTransport(): Transporter {
  transport ??= nodemailer.createTransport(
    { url: env().SMTP_URL, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 },
    { from: env().MAIL_FROM },
  );
  return transport;
}

/** The domain of MAIL_FROM, for Message-IDs. */
export function senderDomain(): string {
  return /@([^>\s]+)>?$/.exec(env().MAIL_FROM)?.[1] ?? "localhost";
}
