import { describe, expect, it } from "vitest";
import { formatIdr, sumIdr } from "./money";

describe("formatIdr", () => {
  it.each([
    [150_000, "Rp 150.000"],
    [0, "Rp 0"],
    [1_000, "Rp 1.000"],
    [95_000, "Rp 95.000"],
    [12_345_678, "Rp 12.345.678"],
  ])("formats %i as %s", (amount, expected) => {
    expect(formatIdr(amount)).toBe(expected);
  });

  it("refuses fractional rupiah", () => {
    expect(() => formatIdr(10.5)).toThrow(RangeError);
  });

  it("sums integer amounts", () => {
    expect(sumIdr([95_000, 45_000, 450_000])).toBe(590_000);
    expect(sumIdr([])).toBe(0);
  });
});
