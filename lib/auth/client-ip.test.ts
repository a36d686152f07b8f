import { once } from "node:events";
import { createServer, request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env-schema";
import { stampPeerAddresses } from "@/lib/security/peer-address";
import { clientIp, PEER_ADDRESS_HEADER } from "./client-ip";

const PEER = "198.51.100.20";
const headers = (forwardedFor: string | null, peer: string | null = PEER) => {
  const h = new Headers();
  if (forwardedFor !== null) h.set("x-forwarded-for", forwardedFor);
  if (peer !== null) h.set(PEER_ADDRESS_HEADER, peer);
  return h;
};

describe("clientIp with no trusted proxies (the default)", () => {
  it.each([
    ["no X-Forwarded-For", null],
    ["a forged X-Forwarded-For", "203.0.113.9"],
    ["a forged chain", "203.0.113.9, 10.0.0.1"],
    ["an over-long value", `${"1".repeat(70)}`],
    ["garbage", "<script>, ;;;"],
    ["thousands of entries", Array.from({ length: 5000 }, (_, i) => `10.0.${i % 250}.1`).join(",")],
  ])("is the peer with %s", (_name, forwarded) => {
    expect(clientIp(headers(forwarded), [])).toBe(PEER);
  });

  it("normalises the peer: IPv4-mapped IPv6 and brackets", () => {
    expect(clientIp(headers(null, "::ffff:127.0.0.1"), [])).toBe("127.0.0.1");
    expect(clientIp(headers(null, "[::1]"), [])).toBe("::1");
  });

  it("without the peer stamp, uses the value Next.js's server set (the right-most entry), never the left-most", () => {
    expect(clientIp(headers("203.0.113.9, 198.51.100.30", null), [])).toBe("198.51.100.30");
    expect(clientIp(headers(null, null), [])).toBeNull();
  });
});

describe("clientIp behind trusted proxies", () => {
  const proxies = ["10.0.0.0/8", "192.0.2.1"];
  it.each([
    ["the proxy's appended entry", "203.0.113.7", "10.0.0.5", "203.0.113.7"],
    ["the right-most untrusted entry, not the client's forged first entry", "1.1.1.1, 203.0.113.7", "10.0.0.5", "203.0.113.7"],
    ["past two trusted hops", "6.6.6.6, 203.0.113.7, 192.0.2.1", "10.1.2.3", "203.0.113.7"],
    ["the peer when it is not a trusted proxy (forwarded entries ignored)", "203.0.113.7", PEER, PEER],
    ["the peer when an entry inside the trusted part is garbage", "203.0.113.7, not-an-ip", "10.0.0.5", "10.0.0.5"],
    ["the peer when the header is over-long garbage", "x".repeat(5000), "10.0.0.5", "10.0.0.5"],
    ["the left-most when every hop is trusted", "10.0.0.7", "10.0.0.5", "10.0.0.7"],
    ["the peer when there is no header", null, "10.0.0.5", "10.0.0.5"],
    ["IPv6 clients", "2001:db8::1", "10.0.0.5", "2001:db8::1"],
  ])("takes %s", (_name, forwarded, peer, expected) => {
    expect(clientIp(headers(forwarded, peer), proxies)).toBe(expected);
  });

  it("rotating a forged entry does not change the address", () => {
    const seen = new Set(Array.from({ length: 20 }, (_, i) => clientIp(headers(`172.16.0.${i}, 203.0.113.7`, "10.0.0.5"), proxies)));
    expect([...seen]).toEqual(["203.0.113.7"]);
  });
});

describe("TRUSTED_PROXIES", () => {
  it("is none by default and parses IPs and CIDR blocks", () => {
    expect(parseEnv({}).TRUSTED_PROXIES).toEqual([]);
    expect(parseEnv({ TRUSTED_PROXIES: " 10.0.0.0/8, 192.0.2.1 ,::1,2001:db8::/32" }).TRUSTED_PROXIES).toEqual([
      "10.0.0.0/8",
      "192.0.2.1",
      "::1",
      "2001:db8::/32",
    ]);
  });

  it.each(["10.0.0.0/33", "proxy.example", "10.0.0.1/8/1", "::1/129", "10.0.0.256", "10.0.0.0/x"])("refuses %j naming the variable", (value) => {
    expect(() => parseEnv({ TRUSTED_PROXIES: value })).toThrow(/TRUSTED_PROXIES/);
  });
});

describe("the peer address stamp on a real HTTP server", () => {
  it("records the socket's address and overwrites a client's forged stamp and X-Forwarded-For", async () => {
    stampPeerAddresses();
    stampPeerAddresses(); // registering twice (dev reloads) is harmless
    const server = createServer((req, res) => {
      const h = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") h.set(name, value);
      res.end(JSON.stringify({ stamp: req.headers[PEER_ADDRESS_HEADER], ip: clientIp(h, []) }));
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    const { port } = server.address() as AddressInfo;
    const answers = await Promise.all(
      ["203.0.113.1", "203.0.113.2", "x".repeat(100)].map(
        (forged) =>
          new Promise<{ stamp: string; ip: string }>((resolve, reject) => {
            const req = httpRequest({ port, host: "127.0.0.1", headers: { "x-forwarded-for": forged, [PEER_ADDRESS_HEADER]: forged } }, (res) => {
              let body = "";
              res.on("data", (chunk: Buffer) => (body += chunk.toString()));
              res.on("end", () => resolve(JSON.parse(body) as { stamp: string; ip: string }));
            });
            req.on("error", reject);
            req.end();
          }),
      ),
    );
    server.close();
    expect(answers).toEqual(Array(3).fill({ stamp: "127.0.0.1", ip: "127.0.0.1" }));
  });
});
