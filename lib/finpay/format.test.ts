import { describe, expect, it } from "vitest";
import { CALLBACK_ACK, parseCallback } from "./callback";
import { FINPAY_HOSTS, FINPAY_PATHS, isLoopbackUrl, resolveFinpayBaseUrl } from "./config";
import { describeCard, formatFinpayDateTime, lastFour, parseFinpayDateTime, toWireAmount } from "./format";
import { redactBody, redactTokenInUrl, shortenToken } from "./redact";
import { withSignature } from "./signature";
import { retrieveStoredCardsPath } from "./stored-cards";
import { DOC_CARD_TOKEN } from "./doc-samples";

const TOKEN = DOC_CARD_TOKEN;

describe("toWireAmount", () => {
  it("writes whole rupiah as a string", () => {
    expect(toWireAmount(0)).toBe("0");
    expect(toWireAmount(1000)).toBe("1000");
    expect(toWireAmount(99_999_999_999_999)).toBe("99999999999999");
  });

  it.each([1.5, -1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])("refuses %s", (n) => {
    expect(() => toWireAmount(n)).toThrow(RangeError);
  });
});

describe("Finpay date-times (WIB)", () => {
  it("reads YYYY-MM-DD HH:MM:SS as UTC+7", () => {
    expect(parseFinpayDateTime("2022-09-06 17:02:18")?.toISOString()).toBe("2022-09-06T10:02:18.000Z");
    expect(parseFinpayDateTime("2024-01-01 03:00:00")?.toISOString()).toBe("2023-12-31T20:00:00.000Z");
  });

  it("rejects other shapes and impossible dates", () => {
    for (const v of ["2022-09-06T17:02:18", "2022-09-06", "2024-02-30 00:00:00", "2024-13-01 00:00:00", "", null, undefined]) {
      expect(parseFinpayDateTime(v), String(v)).toBeNull();
    }
  });

  it("formats back", () => {
    expect(formatFinpayDateTime(new Date("2022-09-06T10:02:18.000Z"))).toBe("2022-09-06 17:02:18");
  });
});

describe("card display helpers", () => {
  it("lastFour", () => {
    expect(lastFour("512345xxxxxx0008")).toBe("0008");
    expect(lastFour("xxxx")).toBeNull();
    expect(lastFour(null)).toBeNull();
  });

  it("describeCard", () => {
    expect(describeCard({ mask: "512345xxxxxx0008", info: { brand: "MASTERCARD" } })).toBe("MASTERCARD •••• 0008");
    expect(describeCard({ mask: "512345xxxxxx0008", info: null })).toBe("Card •••• 0008");
    expect(describeCard({})).toBe("Card");
  });
});

describe("redaction", () => {
  it("shortens a token to an ellipsis and its last 6 characters", () => {
    expect(shortenToken(TOKEN)).toBe("…1b9fd9");
  });

  it("shortens tokens anywhere in a body, masks card numbers and CVVs, leaves the rest", () => {
    const body = {
      card: { token: TOKEN, storedOnFile: "STORED", number: "5123450000000008", cvv: "100", expiryDate: "2912" },
      data: { cards: [{ token: TOKEN, mask: "512345xxxxxx0008" }] },
      order: { id: "A1", number: "not a card" },
      list: [null, 1, "x"],
    };
    expect(redactBody(body)).toEqual({
      card: { token: "…1b9fd9", storedOnFile: "STORED", number: "…0008", cvv: "***", expiryDate: "2912" },
      data: { cards: [{ token: "…1b9fd9", mask: "512345xxxxxx0008" }] },
      order: { id: "A1", number: "not a card" },
      list: [null, 1, "x"],
    });
    expect(body.card.token).toBe(TOKEN); // a copy, not a mutation
    expect(redactBody("text")).toBe("text");
    expect(redactBody(null)).toBeNull();
  });

  it("shortens a token in a URL path", () => {
    expect(redactTokenInUrl(`https://x/pg/payment/card/customer/delete/${TOKEN}`, TOKEN)).toBe(
      "https://x/pg/payment/card/customer/delete/…1b9fd9",
    );
    expect(redactTokenInUrl("https://x/a%20b", "a b")).toBe("https://x/…a b");
    expect(redactTokenInUrl("https://x/", "")).toBe("https://x/");
    expect(redactTokenInUrl("https://x/a.b/a+b", "a.b")).toBe("https://x/…a.b/a+b");
  });
});

describe("config", () => {
  it("knows both hosts and resolves names and URLs", () => {
    expect(FINPAY_HOSTS).toEqual({ development: "https://devo.finnet.co.id", production: "https://live.finnet.co.id" });
    expect(resolveFinpayBaseUrl("development")).toBe("https://devo.finnet.co.id");
    expect(resolveFinpayBaseUrl("production")).toBe("https://live.finnet.co.id");
    expect(resolveFinpayBaseUrl("http://localhost:4010/")).toBe("http://localhost:4010");
    expect(resolveFinpayBaseUrl("https://proxy.example/finpay//")).toBe("https://proxy.example/finpay");
  });

  it("refuses what is not a plain http(s) base URL", () => {
    for (const bad of ["", "devo.finnet.co.id", "ftp://x", "https://x/?a=1", "https://x/#f", "https://u:p@x/"]) {
      expect(() => resolveFinpayBaseUrl(bad), bad).toThrow(TypeError);
    }
  });

  it("tells loopback hosts", () => {
    expect(isLoopbackUrl("http://localhost:4010")).toBe(true);
    expect(isLoopbackUrl("http://127.0.0.1:4010")).toBe(true);
    expect(isLoopbackUrl("http://[::1]:4010")).toBe(true);
    expect(isLoopbackUrl("http://sandbox:4010")).toBe(false);
  });

  it("encodes path parameters", () => {
    expect(FINPAY_PATHS.checkStatus("A-1")).toBe("/pg/payment/card/check/A-1");
    expect(FINPAY_PATHS.cancel("../x")).toBe("/pg/payment/card/cancel/..%2Fx");
    expect(FINPAY_PATHS.deleteStoredCard(TOKEN)).toBe(`/pg/payment/card/customer/delete/${TOKEN}`);
    expect(retrieveStoredCardsPath("hajar@yahoo.com")).toBe("/pg/payment/card/customer/hajar%40yahoo.com");
  });
});

describe("parseCallback", () => {
  const fields = {
    customer: { id: "hajar@yahoo.com" },
    order: { id: "1664255905824", reference: "16642559058241000000000", amount: 1000, currency: "IDR" },
    sourceOfFunds: { type: "cc", paymentCode: null },
    result: { payment: { amount: 1000, status: "CAPTURED", statusDesc: null } },
  };

  it("returns the schema-checked payload", () => {
    const raw = JSON.stringify(withSignature(fields, "SoSecret123"));
    const result = parseCallback(raw);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.payload.order.id).toBe("1664255905824");
      expect(result.payload.result?.payment.status).toBe("CAPTURED");
      expect(result.payload.signature).toMatch(/^[0-9a-f]{128}$/);
    }
  });

  it("tells malformed JSON from a schema failure", () => {
    const bad = parseCallback("{nope");
    expect(bad).toMatchObject({ ok: false, error: { kind: "malformed_json" } });
    const deep = parseCallback(`{"meta":${"{\"a\":".repeat(33)}1${"}".repeat(33)}}`);
    expect(deep).toMatchObject({ ok: false, error: { kind: "malformed_json", message: expect.stringContaining("deeper than 32") } });

    const invalid = parseCallback(JSON.stringify({ ...fields, order: { id: "" } }));
    expect(invalid.ok).toBe(false);
    if (!invalid.ok && invalid.error.kind === "invalid_payload") {
      expect(invalid.error.issues.map((i) => i.path)).toEqual(expect.arrayContaining(["order.id", "order.amount", "signature"]));
      expect(invalid.error.message).toContain("order.id");
    } else {
      throw new Error("expected invalid_payload");
    }

    const notObject = parseCallback("[]");
    expect(notObject).toMatchObject({ ok: false, error: { kind: "invalid_payload", issues: [{ path: "" }] } });
  });

  it("offers the acknowledgement body", () => {
    expect(CALLBACK_ACK).toEqual({ responseCode: "2000000", responseMessage: "Success" });
    expect(Object.isFrozen(CALLBACK_ACK)).toBe(true);
  });
});
