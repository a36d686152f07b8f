import { describe, expect, it } from "vitest";
import { readCardForm } from "./card-form";
import { brandFromBin, maskPan, passesLuhn, profileCard, TEST_CARDS } from "./cards";
import { formatRupiah } from "./pages/format";
import { formatJakarta } from "./time";

describe("cards", () => {
  it("every advertised test card passes Luhn", () => {
    for (const card of TEST_CARDS) expect(passesLuhn(card.number), card.number).toBe(true);
  });

  it("Luhn refuses a changed digit", () => {
    expect(passesLuhn("5123450000000008")).toBe(true);
    expect(passesLuhn("5123450000000009")).toBe(false);
    expect(passesLuhn("4111 1111")).toBe(false);
  });

  it("masks as Finpay does: first six, x's, last four", () => {
    expect(maskPan("5123450000000008")).toBe("512345xxxxxx0008");
    expect(maskPan("378282246310005")).toBe("378282xxxxx0005");
  });

  it.each([
    ["4111111111111111", "VISA"],
    ["5555555555554444", "MASTERCARD"],
    ["2223000048400011", "MASTERCARD"],
    ["378282246310005", "AMEX"],
    ["3530111333300000", "JCB"],
    ["9999999999999995", "UNKNOWN"],
  ])("brand of %s is %s", (pan, brand) => {
    expect(brandFromBin(pan)).toBe(brand);
  });

  it("gives the MPGS test Mastercard the reference's issuer data, and other numbers plausible Indonesian data", () => {
    expect(profileCard("5123450000000008").info).toEqual({
      brand: "MASTERCARD",
      issuing: "BANCO DEL PICHINCHA CA",
      type: "CREDIT",
      subType: "STANDARD",
      country: "ECUADOR",
    });
    expect(profileCard("4111111111111111")).toMatchObject({ behaviour: "approve", info: { brand: "VISA", country: "INDONESIA" } });
  });
});

describe("card form", () => {
  const now = new Date("2026-03-01T00:00:00Z");
  const valid = { cardNumber: "5123 4500 0000 0008", expiry: "03/26", cvv: "123", nameOnCard: "Budi" };

  it("accepts a valid card and converts the expiry to YYMM", () => {
    expect(readCardForm(valid, now)).toEqual({ ok: true, pan: "5123450000000008", expiryDate: "2603", save: false, cvv: "123" });
    expect(readCardForm({ ...valid, expiry: "0329", saveCard: "yes" }, now)).toMatchObject({ ok: true, expiryDate: "2903", save: true });
  });

  it.each([
    [{ cardNumber: "" }, "cardNumber", "Enter the card number."],
    [{ cardNumber: "5123 45ab" }, "cardNumber", "The card number can contain digits only."],
    [{ cardNumber: "41111" }, "cardNumber", "The card number must have 12 to 19 digits."],
    [{ expiry: "02/26" }, "expiry", "This card has expired."],
    [{ expiry: "13/29" }, "expiry", "The expiry month must be between 01 and 12."],
    [{ expiry: "12-29" }, "expiry", "Enter the expiry date as MM/YY, for example 12/29."],
    [{ cvv: "12" }, "cvv", "The CVV must be 3 digits."],
    [{ cardNumber: "378282246310005", cvv: "123" }, "cvv", "The CVV must be 4 digits."],
    [{ nameOnCard: " " }, "nameOnCard", "Enter the name as it appears on the card."],
  ])("%o -> %s: %s", (patch, field, message) => {
    const result = readCardForm({ ...valid, ...patch }, now);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[field]).toBe(message);
  });
});

describe("formatting", () => {
  it("formats rupiah with Indonesian grouping", () => {
    expect(formatRupiah(150000)).toBe("Rp 150.000");
    expect(formatRupiah(1000)).toBe("Rp 1.000");
    expect(formatRupiah(999)).toBe("Rp 999");
    expect(formatRupiah(12345678)).toBe("Rp 12.345.678");
  });

  it("writes Jakarta wall time (UTC+7) as YYYY-MM-DD HH:MM:SS", () => {
    expect(formatJakarta(new Date("2022-09-06T10:02:18Z"))).toBe("2022-09-06 17:02:18");
    expect(formatJakarta(new Date("2022-12-31T20:00:00Z"))).toBe("2023-01-01 03:00:00");
  });
});
