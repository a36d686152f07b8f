import { describe, expect, it } from "vitest";
import { FINPAY_ERROR_KINDS, FinpayError, fieldFromMessage, isFinpayError, isRetrySafe, kindForHttpStatus, kindForResponseCode, localValidationError, type FinpayOperation } from "./errors";

describe("kindForResponseCode (contract codes and SNAP layout)", () => {
  it.each([
    ["4000001", "validation"],
    ["4000002", "validation"],
    ["4005402", "validation"],
    ["4010000", "unauthorized"],
    ["4015400", "unauthorized"],
    ["4030015", "rejected"],
    ["4035401", "rejected"],
    ["4040001", "not_found"],
    ["4041011", "not_found"],
    ["4045408", "not_found"],
    ["4040100", "rejected"], // Invalid Transaction Status
    ["4090001", "conflict"],
    ["4080000", "timeout"],
    ["4290000", "rejected"],
    ["5000000", "gateway"],
    ["5040000", "gateway"],
    ["2010000", "malformed_response"],
    ["2000001", "malformed_response"],
    ["3020000", "malformed_response"],
    ["abc", "malformed_response"],
    ["400", "malformed_response"],
  ] as const)("%s -> %s", (code, kind) => {
    expect(kindForResponseCode(code)).toBe(kind);
  });
});

describe("kindForHttpStatus", () => {
  it.each([
    [400, "validation"],
    [422, "validation"],
    [401, "unauthorized"],
    [403, "rejected"],
    [404, "not_found"],
    [408, "timeout"],
    [409, "conflict"],
    [500, "gateway"],
    [502, "gateway"],
    [504, "gateway"],
    [302, "malformed_response"],
    [200, "malformed_response"],
  ] as const)("%i -> %s", (status, kind) => {
    expect(kindForHttpStatus(status)).toBe(kind);
  });
});

describe("isRetrySafe", () => {
  const reads: FinpayOperation[] = ["checkStatus", "retrieveStoredCards"];
  const idempotent: FinpayOperation[] = ["cancel", "deleteStoredCard"];

  it("a lost or unreadable answer to initiate is never blindly retryable", () => {
    for (const kind of ["timeout", "network", "gateway", "malformed_response"] as const) {
      expect(isRetrySafe(kind, "initiate"), kind).toBe(false);
      expect(isRetrySafe(kind, "build"), kind).toBe(false);
      for (const op of [...reads, ...idempotent]) expect(isRetrySafe(kind, op), `${kind} ${op}`).toBe(true);
    }
  });

  it("errors about the request itself are never retryable", () => {
    for (const kind of ["unauthorized", "validation", "not_found", "conflict", "rejected"] as const) {
      for (const op of ["initiate", ...reads, ...idempotent] as const) expect(isRetrySafe(kind, op)).toBe(false);
    }
  });

  it("covers every kind", () => {
    expect(FINPAY_ERROR_KINDS).toHaveLength(9);
  });
});

describe("fieldFromMessage", () => {
  it.each([
    ["Invalid Mandatory Field customer.mobilePhone", "customer.mobilePhone"],
    ["Invalid Field Format order.id", "order.id"],
    ["invalid field format order.item.0.name ", "order.item.0.name"],
    ["Invalid Mandatory Field order.item.0.category", "order.item.0.category"],
    ["Invalid Mandatory Field customer.mobile phone", "customer.mobile phone"],
    ["Invalid Field Format", undefined],
    ["Unauthorized", undefined],
    ["", undefined],
    [undefined, undefined],
  ] as const)("%j -> %j", (message, field) => {
    expect(fieldFromMessage(message)).toBe(field);
  });
});

describe("FinpayError", () => {
  it("carries kind, retry safety and Finpay's details", () => {
    const cause = new Error("inner");
    const e = new FinpayError({
      kind: "validation",
      message: "m",
      operation: "initiate",
      httpStatus: 400,
      responseCode: "4000002",
      responseMessage: "Invalid Mandatory Field customer.mobilePhone",
      field: "customer.mobilePhone",
      traceId: "t",
      cause,
    });
    expect(e).toBeInstanceOf(Error);
    expect(isFinpayError(e)).toBe(true);
    expect(isFinpayError(new Error("x"))).toBe(false);
    expect(e.name).toBe("FinpayError");
    expect(e.retryable).toBe(false);
    expect(e.cause).toBe(cause);
    expect({ ...e }).toMatchObject({ kind: "validation", httpStatus: 400, responseCode: "4000002", field: "customer.mobilePhone", traceId: "t" });
  });

  it("derives retryable from kind and operation unless told", () => {
    expect(new FinpayError({ kind: "timeout", message: "m", operation: "checkStatus" }).retryable).toBe(true);
    expect(new FinpayError({ kind: "timeout", message: "m", operation: "initiate" }).retryable).toBe(false);
    expect(new FinpayError({ kind: "timeout", message: "m", operation: "initiate", retryable: true }).retryable).toBe(true);
    const bare = new FinpayError({ kind: "network", message: "m" });
    expect(bare.retryable).toBe(true);
    expect(bare.field).toBeUndefined();
  });

  it("localValidationError turns schema issues into Finpay-style paths", () => {
    const e = localValidationError("build", [
      { path: ["order", "item", 0, "name"], message: "Required" },
      { path: [], message: "Root problem" },
    ]);
    expect(e.kind).toBe("validation");
    expect(e.field).toBe("order.item.0.name");
    expect(e.issues).toEqual([
      { path: "order.item.0.name", message: "Required" },
      { path: "", message: "Root problem" },
    ]);
    expect(e.message).toContain("order.item.0.name: Required; Root problem");
    expect(localValidationError("build", [{ path: [], message: "x" }]).field).toBeUndefined();
  });
});
