import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./return-path";

describe("safeReturnPath", () => {
  it.each([
    ["/account", "/account"],
    ["/orders/abc?x=1#top", "/orders/abc?x=1#top"],
    ["/checkout", "/checkout"],
  ])("keeps same-site path %j", (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });

  it.each(["https://evil.example/account", "//evil.example/account", "/\\evil.example", "javascript:alert(1)", "", undefined, 42, "account"])(
    "refuses %j",
    (input) => {
      expect(safeReturnPath(input)).toBe("/");
    },
  );
});
