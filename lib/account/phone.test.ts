import { describe, expect, it } from "vitest";
import { formatPhone, normalizeIndonesianMobile } from "./phone";

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

describe("formatPhone", () => {
  it.each([
    ["+6281234567890", "+62 812-3456-7890"],
    ["+628123456789", "+62 812-345-6789"],
    ["+62812345678901", "+62 812-3456-78901"],
    ["+62812345678", "+62 812-345-678"],
  ])("%j -> %j", (input, expected) => {
    expect(formatPhone(input)).toBe(expected);
  });

  it("shows anything else as it is", () => {
    expect(formatPhone("+6581234567")).toBe("+6581234567");
    expect(formatPhone("0812")).toBe("0812");
  });

  it("is read back to the same number", () => {
    expect(normalizeIndonesianMobile(formatPhone("+6281234567890"))).toBe("+6281234567890");
  });
});
