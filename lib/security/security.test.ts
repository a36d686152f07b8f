import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, staticSecurityHeaders } from "./headers";
import { declaresBodyOver, isCrossSiteOrigin } from "./requests";

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
  it("accepts the shop's own origin, by Host or X-Forwarded-Host, and a request without Origin", () => {
    expect(isCrossSiteOrigin("http://localhost:3000", [null, "localhost:3000"])).toBe(false);
    expect(isCrossSiteOrigin("https://shop.example.id", ["shop.example.id, proxy.internal", "10.0.0.5:3000"])).toBe(false);
    expect(isCrossSiteOrigin("https://SHOP.example.id", [null, "shop.example.id"])).toBe(false);
    expect(isCrossSiteOrigin(null, [null, "localhost:3000"])).toBe(false);
  });

  it("refuses another site, another port, an opaque origin and garbage", () => {
    expect(isCrossSiteOrigin("https://evil.example", [null, "shop.example.id"])).toBe(true);
    expect(isCrossSiteOrigin("http://localhost:9999", [null, "localhost:3000"])).toBe(true);
    expect(isCrossSiteOrigin("null", [null, "localhost:3000"])).toBe(true);
    expect(isCrossSiteOrigin("::not a url::", [null, "localhost:3000"])).toBe(true);
    expect(isCrossSiteOrigin("http://localhost:3000", [null, null])).toBe(true);
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
