import { describe, expect, it } from "vitest";
import { normalizeIndonesianMobile } from "./phone";

describe("normalizeIndonesianMobile", () => {
  it.each([
    ["081234567890", "+6281234567890"],
    ["0812-3456-7890", "+6281234567890"],
    ["0812 3456 7890", "+6281234567890"],
    ["6281234567890", "+6281234567890"],
    ["62 812 3456 7890", "+6281234567890"],
    ["+62 812-3456-7890", "+6281234567890"],
    ["+62 (812) 3456.7890", "+6281234567890"],
    ["  +6281286288800  ", "+6281286288800"],
    ["08123456789", "+628123456789"],
    ["0812345678901", "+62812345678901"],
  ])("%j -> %j", (input, expected) => {
    expect(normalizeIndonesianMobile(input)).toBe(expected);
  });

  it.each([
    "",
    "81234567890", // no country or trunk prefix
    "+6581234567", // Singapore
    "+62212345678", // Jakarta landline, not mobile
    "0812345", // too short
    "08123456789012", // too long
    "0812abc34567",
    "+62+81234567890",
    "+1 415 555 0100",
  ])("refuses %j", (input) => {
    expect(normalizeIndonesianMobile(input)).toBeNull();
  });

  it("never produces more than Finpay's 20 characters", () => {
    expect(normalizeIndonesianMobile("0812345678901")!.length).toBeLessThanOrEqual(20);
  });
});
