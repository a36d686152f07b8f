import { describe, expect, it } from "vitest";
import { isPaidStatus, KNOWN_FINPAY_STATUSES, mapFinpayStatus, PAYMENT_STATES, type PaymentState } from "./statuses";

const TABLE: ReadonlyArray<[string, PaymentState]> = [
  ["REQUEST_INITIATED", "pending"],
  ["INITIATED", "pending"],
  ["AUTHENTICATION_INITIATED", "pending"],
  ["AUTHENTICATED", "pending"],
  ["AUTHORIZED", "pending"],
  ["PENDING", "pending"],
  ["PAID", "paid"],
  ["CAPTURED", "paid"],
  ["PARTIALLY_CAPTURED", "paid"],
  ["FAILURE", "failed"],
  ["FAILED", "failed"],
  ["EXPIRED", "expired"],
  ["CANCELLED", "cancelled"],
  ["VOIDED", "voided"],
  ["REFUNDED", "refunded"],
  ["PARTIALLY_REFUNDED", "partly_refunded"],
];

describe("mapFinpayStatus", () => {
  it.each(TABLE)("%s -> %s", (status, state) => {
    expect(mapFinpayStatus(status)).toEqual({ state, known: true, status });
  });

  it("covers the whole table and nothing else", () => {
    expect([...KNOWN_FINPAY_STATUSES].sort()).toEqual(TABLE.map(([s]) => s).sort());
  });

  it("covers every documented status of docs/finpay-reference.md §5.4 (items 1–13) plus FAILED and EXPIRED", () => {
    const documented = [
      "PAID", "AUTHENTICATED", "AUTHORIZED", "PARTIALLY_CAPTURED", "CAPTURED", "PARTIALLY_REFUNDED", "REFUNDED",
      "CANCELLED", "INITIATED", "AUTHENTICATION_INITIATED", "REQUEST_INITIATED", "FAILURE", "PENDING", "FAILED", "EXPIRED",
    ];
    for (const s of documented) expect(mapFinpayStatus(s).known, s).toBe(true);
  });

  it("every state is reachable", () => {
    expect(new Set(TABLE.map(([, state]) => state))).toEqual(new Set(PAYMENT_STATES));
  });

  it("tolerates case and surrounding space", () => {
    expect(mapFinpayStatus(" captured ")).toEqual({ state: "paid", known: true, status: "CAPTURED" });
  });

  it("maps an unknown or missing status to pending and says it did not know it", () => {
    expect(mapFinpayStatus("DISPUTED")).toEqual({ state: "pending", known: false, status: "DISPUTED" });
    expect(mapFinpayStatus("")).toEqual({ state: "pending", known: false, status: "" });
    expect(mapFinpayStatus(null)).toEqual({ state: "pending", known: false, status: "" });
    expect(mapFinpayStatus(undefined)).toEqual({ state: "pending", known: false, status: "" });
    // Inherited object keys are not statuses.
    expect(mapFinpayStatus("CONSTRUCTOR").known).toBe(false);
    expect(mapFinpayStatus("__PROTO__").known).toBe(false);
  });
});

describe("isPaidStatus", () => {
  it("is true exactly for the paid statuses", () => {
    for (const [status, state] of TABLE) expect(isPaidStatus(status), status).toBe(state === "paid");
    expect(isPaidStatus("SOMETHING")).toBe(false);
    expect(isPaidStatus(null)).toBe(false);
  });
});
