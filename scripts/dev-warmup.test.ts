import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { WARM_PATHS, warmUp } from "./dev-warmup";

/** A stand-in for `next dev`: not ready for the first health checks, then answering every path, logging each request. */
async function fakeDevServer(notReadyFor: number) {
  const seen: string[] = [];
  let healthChecks = 0;
  const server: Server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    if (req.url === "/api/health") return void res.writeHead(++healthChecks > notReadyFor ? 200 : 503).end();
    res.writeHead(req.url === "/api/finpay/callback" ? 405 : 200).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, seen, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

let running: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (running ? running.close(() => resolve()) : resolve()));
  running = undefined;
});

describe("npm run dev warm-up", () => {
  it("waits until the app answers, then requests the callback route first and the pages of a first purchase", async () => {
    const dev = await fakeDevServer(3);
    running = dev.server;
    const result = await warmUp(dev.url, { pollMs: 5 });
    expect(result).toMatchObject({ ready: true });
    const afterReady = dev.seen.filter((line) => line !== "GET /api/health");
    expect(dev.seen.slice(0, 4)).toEqual(Array(4).fill("GET /api/health"));
    // A GET: the route is compiled to answer it, and nothing is recorded as a callback.
    expect(afterReady[0]).toBe("GET /api/finpay/callback");
    expect(afterReady).toEqual(WARM_PATHS.map((path) => `GET ${path}`));
    expect(WARM_PATHS).toEqual(expect.arrayContaining(["/", "/checkout", "/cart"]));
  });

  it("gives up quietly when the app never answers", async () => {
    const dev = await fakeDevServer(Number.POSITIVE_INFINITY);
    running = dev.server;
    expect(await warmUp(dev.url, { pollMs: 5, readyTimeoutMs: 50 })).toEqual({ ready: false });
    expect(dev.seen.every((line) => line === "GET /api/health")).toBe(true);
  });

  it("is part of npm run dev", () => {
    const scripts = (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { scripts: Record<string, string> }).scripts;
    expect(scripts.dev).toContain('"npm:dev:warmup"');
    expect(scripts["dev:warmup"]).toBe("tsx scripts/dev-warmup.ts");
  });
});
