import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, staticSecurityHeaders } from "./headers";
import { arrivedFromTrustedProxy, PEER_ADDRESS_HEADER } from "./addresses";
import {
  actionHost,
  declaresBodyOver,
  hasMalformedActionArguments,
  hasMalformedPercentEncoding,
  isCrossSiteOrigin,
  withoutUntrustedForwardedHost,
} from "./requests";

const directives = (policy: string) => new Map(policy.split("; ").map((d) => [d.split(" ")[0]!, d.split(" ").slice(1)]));

describe("contentSecurityPolicy", () => {
  const base = { nonce: "abc123", development: false, finpayBaseUrl: "http://localhost:4010", appBaseUrl: "http://localhost:3000" };

  it("lets scripts run only with the nonce, and nothing frame the page", () => {
    const csp = directives(contentSecurityPolicy(base));
    expect(csp.get("script-src")).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(csp.get("style-src")).toEqual(["'self'", "'nonce-abc123'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.has("upgrade-insecure-requests")).toBe(false);
  });

  it("allows eval only in development, where React needs it", () => {
    expect(directives(contentSecurityPolicy({ ...base, development: true })).get("script-src")).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy(base)).not.toContain("unsafe-eval");
  });

  it("lets a checkout form continue to Finpay's card page: the sandbox, or finpay.id for the real hosts", () => {
    expect(directives(contentSecurityPolicy(base)).get("form-action")).toEqual(["'self'", "http://localhost:4010"]);
    expect(directives(contentSecurityPolicy({ ...base, finpayBaseUrl: "https://devo.finnet.co.id" })).get("form-action")).toEqual([
      "'self'",
      "https://devo.finnet.co.id",
      "https://*.finpay.id",
    ]);
    expect(directives(contentSecurityPolicy({ ...base, finpayBaseUrl: "not a url" })).get("form-action")).toEqual(["'self'"]);
  });

  it("upgrades insecure requests when the shop is served over https", () => {
    expect(directives(contentSecurityPolicy({ ...base, appBaseUrl: "https://shop.example.id" })).has("upgrade-insecure-requests")).toBe(true);
  });
});

describe("staticSecurityHeaders", () => {
  const names = (production: boolean) => staticSecurityHeaders({ production }).map((h) => h.key);

  it("sends HSTS in production only", () => {
    expect(names(true)).toContain("Strict-Transport-Security");
    expect(names(false)).not.toContain("Strict-Transport-Security");
  });

  it("always sends nosniff, a referrer policy and a frame ban", () => {
    const headers = Object.fromEntries(staticSecurityHeaders({ production: false }).map((h) => [h.key, h.value]));
    expect(headers).toMatchObject({ "X-Content-Type-Options": "nosniff", "Referrer-Policy": "strict-origin-when-cross-origin", "X-Frame-Options": "DENY" });
  });
});

describe("newNonce", () => {
  it("is 128 random bits in base64, different every time", () => {
    const nonces = new Set(Array.from({ length: 1_000 }, newNonce));
    expect(nonces.size).toBe(1_000);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});

describe("isCrossSiteOrigin", () => {
  it("accepts the shop's own origin and a request without Origin", () => {
    expect(isCrossSiteOrigin("http://localhost:3000", "localhost:3000")).toBe(false);
    expect(isCrossSiteOrigin("https://SHOP.example.id", "shop.example.id")).toBe(false);
    expect(isCrossSiteOrigin(null, "localhost:3000")).toBe(false);
  });

  it("refuses another site, another port, an opaque origin, garbage and a request with no host", () => {
    expect(isCrossSiteOrigin("https://evil.example", "shop.example.id")).toBe(true);
    expect(isCrossSiteOrigin("http://localhost:9999", "localhost:3000")).toBe(true);
    expect(isCrossSiteOrigin("null", "localhost:3000")).toBe(true);
    expect(isCrossSiteOrigin("::not a url::", "localhost:3000")).toBe(true);
    expect(isCrossSiteOrigin("http://localhost:3000", null)).toBe(true);
  });
});

describe("the host a server action's Origin is compared with", () => {
  const headersOf = (entries: Record<string, string>) => new Headers(entries);

  it("is the first X-Forwarded-Host entry when there is one, else Host, as Next.js reads them", () => {
    expect(actionHost(headersOf({ host: "10.0.0.5:3000", "x-forwarded-host": "shop.example.id, proxy.internal" }))).toBe("shop.example.id");
    expect(actionHost(headersOf({ host: "localhost:3000" }))).toBe("localhost:3000");
    expect(actionHost(headersOf({ host: "localhost:3000", "x-forwarded-host": " , other" }))).toBe("localhost:3000");
    expect(actionHost(headersOf({}))).toBeNull();
  });

  it("never lets an Origin matching only the Host through when X-Forwarded-Host names another host", () => {
    const headers = headersOf({ host: "localhost:3000", "x-forwarded-host": "evil.example" });
    expect(isCrossSiteOrigin("http://localhost:3000", actionHost(headers))).toBe(true);
  });

  it("drops X-Forwarded-Host unless a trusted proxy sent it, so the Host decides", () => {
    const headers = headersOf({ host: "localhost:3000", "x-forwarded-host": "evil.example", origin: "http://localhost:3000" });
    const cleaned = withoutUntrustedForwardedHost(headers, false)!;
    expect(cleaned.has("x-forwarded-host")).toBe(false);
    expect(cleaned.get("origin")).toBe("http://localhost:3000");
    expect(isCrossSiteOrigin(cleaned.get("origin"), actionHost(cleaned))).toBe(false);
    expect(withoutUntrustedForwardedHost(headers, true)).toBeNull();
    expect(withoutUntrustedForwardedHost(headersOf({ host: "localhost:3000" }), false)).toBeNull();
  });

  it("believes a forwarded host only from a peer in TRUSTED_PROXIES", () => {
    const from = (peer: string) => headersOf({ [PEER_ADDRESS_HEADER]: peer });
    expect(arrivedFromTrustedProxy(from("127.0.0.1"), [])).toBe(false);
    expect(arrivedFromTrustedProxy(from("127.0.0.1"), ["127.0.0.1", "::1"])).toBe(true);
    expect(arrivedFromTrustedProxy(from("::ffff:172.18.0.3"), ["172.16.0.0/12"])).toBe(true);
    expect(arrivedFromTrustedProxy(from("203.0.113.9"), ["172.16.0.0/12"])).toBe(false);
    expect(arrivedFromTrustedProxy(headersOf({}), ["127.0.0.1"])).toBe(false);
  });
});

describe("declaresBodyOver", () => {
  it("reads the declared Content-Length", () => {
    expect(declaresBodyOver(new Headers({ "content-length": "65537" }), 65_536)).toBe(true);
    expect(declaresBodyOver(new Headers({ "content-length": "65536" }), 65_536)).toBe(false);
    expect(declaresBodyOver(new Headers(), 65_536)).toBe(false);
    expect(declaresBodyOver(new Headers({ "content-length": "lots" }), 65_536)).toBe(false);
  });
});

describe("server action bodies and addresses checked in proxy.ts", () => {
  const multipart = async (fields: Record<string, string>) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    const response = new Response(form);
    return { type: response.headers.get("content-type"), body: new Uint8Array(await response.arrayBuffer()) };
  };
  const text = (value: string) => new TextEncoder().encode(value);

  it("accepts React's encodings of real calls", async () => {
    const real = await multipart({ "1_productId": "3", "1_quantity": "1", "0": '[{"status":"idle"},"$K1"]' });
    expect(await hasMalformedActionArguments(real.type, real.body)).toBe(false);
    expect(await hasMalformedActionArguments("text/plain;charset=UTF-8", text('[{"status":"idle"},"$$dollar",1]'))).toBe(false);
    const withRow = await multipart({ "1": '{"a":1}', "0": '["$1"]' });
    expect(await hasMalformedActionArguments(withRow.type, withRow.body)).toBe(false);
    const noJs = await multipart({ "$ACTION_ID_abc": "", productId: "1" });
    expect(await hasMalformedActionArguments(noJs.type, noJs.body, false)).toBe(false);
  });

  it.each([
    ["multipart with bad JSON", { "0": "{bad" }],
    ["a root that is not a list", { "0": '{"a":1}' }],
    ["a dangling row reference", { "0": '["$@7"]' }],
    ["a dangling model reference", { "0": '["$a"]' }],
    ["bad bound arguments", { "$ACTION_1:0": "{x", "0": "[]" }],
  ])("refuses %s", async (_name, fields) => {
    const { type, body } = await multipart(fields);
    expect(await hasMalformedActionArguments(type, body)).toBe(true);
  });

  it.each([
    ["text/plain", "{bad"],
    ["text/plain", '{"a":1}'],
    ["text/plain", '["$1"]'],
    ["application/octet-stream", "\u0000"],
    ["application/x-www-form-urlencoded", "0=%ZZ"],
  ])("refuses a %s fetch action body %j", async (type, body) => {
    expect(await hasMalformedActionArguments(type, text(body))).toBe(true);
  });

  it.each([
    ["/products/%ZZ", true],
    ["/products/%E0%A4%A", true],
    ["/orders/%", true],
    ["/products/kopi%20gayo", false],
    ["/orders/0b0e6c1e-9b9e-4d59-9f0b-1f7a8e6a1c2d", false],
  ])("%s has malformed percent-encoding: %s", (path, expected) => {
    expect(hasMalformedPercentEncoding(path)).toBe(expected);
  });
});
