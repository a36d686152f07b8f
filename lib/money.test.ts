import { describe, expect, it } from "vitest";
import { formatIdr, parseRupiah, RUPIAH_SPACE, sumIdr } from "./money";

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

describe("parseRupiah", () => {
  it.each([
    ["100000", 100_000],
    ["100.000", 100_000],
    ["100,000", 100_000],
    ["Rp 100.000", 100_000],
    ["Rp100.000", 100_000],
    ["Rp. 100.000", 100_000],
    ["rp 100000", 100_000],
    ["Rp\u00a0150.000", 150_000],
    ["  1.000  ", 1_000],
    ["1.000.000", 1_000_000],
    ["1,000,000", 1_000_000],
    ["999", 999],
    ["0", 0],
  ])("reads %j as %i rupiah", (text, amount) => {
    expect(parseRupiah(text)).toEqual({ ok: true, amount });
  });

  // The console once stripped every dot: "1000.50" refunded Rp 100.050, "1.5" Rp 15, "0.5" Rp 5.
  it.each(["1000.50", "1.5", "0.5", "1.000,50", "1,000.50", "1,5", "0,5", "0.500", "1.00", ".5", "Rp 1.000,50", "Rp 1.5"])("refuses the fraction %j", (text) => {
    expect(parseRupiah(text)).toEqual({ ok: false, error: "decimal" });
  });

  it.each(["1.0000", "10.00.000", "1.000,000", "1,000.000", "100 000", "-5000", "+5000", "1e5", "abc", "Rp", "1.", "0100", "00", "５０００", "1٫000"])(
    "refuses the ambiguous or malformed %j",
    (text) => {
      expect(parseRupiah(text)).toEqual({ ok: false, error: "format" });
    },
  );

  it("names an empty and an absurdly large amount", () => {
    expect(parseRupiah("   ")).toEqual({ ok: false, error: "empty" });
    expect(parseRupiah("1.000.000.000.000")).toEqual({ ok: false, error: "tooLarge" });
    expect(parseRupiah("999.999.999.999")).toEqual({ ok: true, amount: 999_999_999_999 });
  });
});
