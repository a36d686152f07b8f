import { describe, expect, it } from "vitest";
import { formatIdr, RUPIAH_SPACE, sumIdr } from "./money";

describe("formatIdr", () => {
  it.each([
    [150_000, "Rp 150.000"],
    [0, "Rp 0"],
    [1_000, "Rp 1.000"],
    [95_000, "Rp 95.000"],
    [12_345_678, "Rp 12.345.678"],
    [-1_500, "-Rp 1.500"],
  ])("formats %i as %s", (amount, expected) => {
    expect(formatIdr(amount)).toBe(expected.replace(" ", RUPIAH_SPACE));
  });

  it("joins Rp to the digits with a no-break space, so a narrow screen cannot wrap between them", () => {
    expect(RUPIAH_SPACE).toBe("\u00a0");
    expect(formatIdr(19_000)).toBe("Rp\u00a019.000");
    expect(formatIdr(19_000)).not.toMatch(/[ \u202f]/);
  });

  it("refuses fractional rupiah", () => {
    expect(() => formatIdr(10.5)).toThrow(RangeError);
  });

  it("sums integer amounts", () => {
    expect(sumIdr([95_000, 45_000, 450_000])).toBe(590_000);
    expect(sumIdr([])).toBe(0);
  });
});
