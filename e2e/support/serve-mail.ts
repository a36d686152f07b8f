/**
 * Playwright's mail catcher: a real MailDev (SMTP on E2E_MAIL_SMTP_PORT, web inbox and REST API on
 * E2E_MAIL_WEB_PORT) plus a small control server on E2E_MAIL_CONTROL_PORT, so that a test can take the SMTP side
 * down and bring it back (POST /smtp/stop, POST /smtp/start) as a mail server outage would.
 */
import { createServer } from "node:http";
import { MailDev } from "maildev";

const smtp = Number(process.env.E2E_MAIL_SMTP_PORT);
const web = Number(process.env.E2E_MAIL_WEB_PORT);
const controlPort = Number(process.env.E2E_MAIL_CONTROL_PORT);

let maildev: MailDev | null = null;
async function start() {
  maildev ??= new MailDev({ smtp, web, ip: "127.0.0.1", webIp: "127.0.0.1", silent: true });
  await maildev.start();
}
async function stop() {
  await maildev?.stop();
  maildev = null;
}

await start();
createServer((request, response) => {
  const action = request.method === "POST" ? { "/smtp/stop": stop, "/smtp/start": start }[request.url ?? ""] : undefined;
  if (request.url === "/health") return void response.writeHead(200).end("ok");
  if (!action) return void response.writeHead(404).end();
  action().then(
    () => response.writeHead(204).end(),
    (error: unknown) => response.writeHead(500).end(String(error)),
  );
}).listen(controlPort, "127.0.0.1");
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stop().finally(() => process.exit(0)));
