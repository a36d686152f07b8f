/**
 * The bare baseline of the callback benchmark: callback-handler.ts served by a plain node:http server (no framework).
 * Env: BASELINE_PORT and those of callback-handler.ts.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { closeDatabase, handleCallback, MAX_BODY, type Reply } from "./callback-handler";

const port = Number(process.env.BASELINE_PORT ?? 5300);

function log(event: string, fields: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), level: "info", event, ...fields })}\n`);
}

function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        resolve(null);
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function send(response: ServerResponse, [status, body]: Reply): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), "cache-control": "no-store" });
  response.end(text);
}

const server = createServer((request, response) => {
  if (request.method === "GET" && request.url === "/health") return send(response, [200, { status: "ok" }]);
  if (request.method !== "POST") return send(response, [405, { responseMessage: "POST only" }]);
  if (!/^application\/json\b/i.test(request.headers["content-type"] ?? "")) return send(response, [415, { responseCode: "4150000" }]);
  readBody(request)
    .then((raw) => (raw === null ? ([413, { responseCode: "4130000" }] as Reply) : handleCallback(raw)))
    .then(
      (reply) => send(response, reply),
      (error: unknown) => {
        process.stderr.write(`${JSON.stringify({ level: "error", event: "payment.callback_failed", message: String(error) })}\n`);
        send(response, [503, { responseCode: "5030000", responseMessage: "Temporarily unavailable, please retry" }]);
      },
    );
});

server.listen(port, () => log("baseline.started", { port }));
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    server.close();
    void closeDatabase().finally(() => process.exit(0));
  });
}
