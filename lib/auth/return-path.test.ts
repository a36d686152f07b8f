import { describe, expect, it } from "vitest";
import { landingFor, safeReturnPath, welcomePath } from "./return-path";

const BASE = "https://shop.example";

/** What a browser does with a Location header or a link href: resolve it against the page's URL. */
const browserTarget = (location: string) => new URL(location, `${BASE}/sign-in`);

describe("safeReturnPath", () => {
  it.each([
    ["/account", "/account"],
    ["/orders/abc?x=1#top", "/orders/abc?x=1#top"],
    ["/checkout", "/checkout"],
    ["/account/orders", "/account/orders"],
    ["/cart?from=%2Fcheckout", "/cart?from=%2Fcheckout"],
    // Normalised the way the browser would, and the normalised form is returned.
    ["/a/../account", "/account"],
    ["/./checkout", "/checkout"],
    ["/%2e/checkout", "/checkout"],
    ["/account\\orders", "/account/orders"],
    ["/acc\tount", "/account"],
    ["/products/kopi gayo", "/products/kopi%20gayo"],
  ])("keeps same-site path %j as %j", (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });

  // Each of these, given to a browser as a Location or href, would leave the site (or is not a path at all).
  const hostile = [
    "https://evil.example/account",
    "http://evil.example",
    "//evil.example/account",
    "///evil.example",
    "////evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "\\/evil.example",
    "/.//evil.example/phish",
    "/./\\evil.example",
    "/.\\/evil.example",
    "/%2e//evil.example/phish",
    "/%2E//evil.example",
    "/%2e%2e//evil.example",
    "/a/..//evil.example/phish",
    "/a/%2e%2e//evil.example",
    "/a/.%2e//evil.example",
    "/a/b/../..//evil.example",
    "/..//evil.example",
    "/../\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "/\t\\evil.example",
    "/.\t//evil.example",
    "/%09/evil.example/../..//evil.example",
    " //evil.example",
    "\t//evil.example",
    "javascript:alert(1)",
    "/javascript:alert(1)".replace("/", ""),
    "data:text/html,<script>alert(1)</script>",
    "https:evil.example",
    "/\u0000//evil.example",
    "//user:pass@evil.example",
    "/%5C%5Cevil.example/..//evil.example",
    "account",
    "evil.example/account",
    "",
    undefined,
    null,
    42,
    ["/account"],
    `/${"a".repeat(3000)}`,
  ];

  it("the table has at least 30 hostile forms", () => {
    expect(hostile.length).toBeGreaterThanOrEqual(30);
  });

  it.each(hostile.map((value) => [value]))("refuses %j", (input) => {
    expect(safeReturnPath(input)).toBe("/");
    expect(safeReturnPath(input, "")).toBe("");
  });

  it("every accepted result stays on the site once a browser resolves it", () => {
    const inputs = [...hostile.filter((v): v is string => typeof v === "string"), "/account", "/a/../b", "/%2e/x"];
    for (const input of inputs) {
      const result = safeReturnPath(input, "");
      if (result === "") continue;
      expect(browserTarget(result).origin, input).toBe(BASE);
      expect(result, input).not.toMatch(/^\/[/\\]/);
    }
  });
});

describe("landingFor and welcomePath", () => {
  it("lands a merchant on the console and a customer on the account when no page asked", () => {
    expect(landingFor(true)).toBe("/console");
    expect(landingFor(false)).toBe("/account");
  });

  it("greets a new customer and keeps the way back: to the page that asked, else to a cart that holds something", () => {
    expect(welcomePath("/checkout", true)).toBe("/account?welcome=1&returnTo=%2Fcheckout");
    expect(welcomePath("/products/kopi?x=1", false)).toBe("/account?welcome=1&returnTo=%2Fproducts%2Fkopi%3Fx%3D1");
    expect(welcomePath("", true)).toBe("/account?welcome=1&returnTo=%2Fcart");
    expect(welcomePath("/account", true)).toBe("/account?welcome=1&returnTo=%2Fcart");
    expect(welcomePath("", false)).toBe("/account?welcome=1");
  });
});
