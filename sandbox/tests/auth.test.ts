import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { basicRequest, startTestSandbox, type TestSandbox } from "./helpers";

describe("Basic auth on the Finpay API", () => {
  let sb: TestSandbox;
  beforeAll(async () => {
    sb = await startTestSandbox();
  });
  afterAll(() => sb.close());

  const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString("base64")}`;
  const calls: Array<[method: "GET" | "POST", path: string]> = [
    ["POST", "/pg/payment/card/initiate"],
    ["GET", "/pg/payment/card/check/ORDER-1"],
    ["GET", "/pg/payment/card/cancel/ORDER-1"],
    ["GET", "/pg/payment/card/customer/hajar.finnet@gmail.com"],
    ["GET", `/pg/payment/card/customer/delete/${"a".repeat(64)}`],
  ];
  const badHeaders: Array<[label: string, headers: Record<string, string>]> = [
    ["missing", {}],
    ["wrong key", { authorization: basic("FINPAY770", "wrong") }],
    ["wrong merchant id", { authorization: basic("OTHER", "SoSecret123") }],
    ["not Basic", { authorization: "Bearer SoSecret123" }],
    ["garbage base64", { authorization: "Basic !!!" }],
  ];

  for (const [method, path] of calls) {
    for (const [label, headers] of badHeaders) {
      it(`${method} ${path.split("/").slice(0, 5).join("/")} with ${label} credentials answers 401 4010000`, async () => {
        const answer = await sb.api(method, path, method === "POST" ? basicRequest("http://127.0.0.1:9/cb") : undefined, headers);
        expect(answer.status).toBe(401);
        expect(answer.json).toMatchObject({ responseCode: "4010000", responseMessage: "Unauthorized" });
        expect(typeof answer.json.processingTime).toBe("number");
      });
    }
  }

  it("accepts the development credentials the app uses by default (FINPAY770 / SoSecret123)", async () => {
    const answer = await sb.api("POST", "/pg/payment/card/initiate", basicRequest("http://127.0.0.1:9/cb"), {
      authorization: "Basic RklOUEFZNzcwOlNvU2VjcmV0MTIz", // the docs' own example header
    });
    expect(answer.status).toBe(200);
    expect(answer.json.responseCode).toBe("2000000");
  });

  it("uses the configured merchant id and key instead of the defaults when given", async () => {
    const other = await startTestSandbox({ merchantId: "SHOP01", merchantKey: "k3y" });
    try {
      const denied = await other.api("GET", "/pg/payment/card/check/X"); // default credentials
      expect(denied.status).toBe(401);
      const allowed = await other.api("GET", "/pg/payment/card/check/X", undefined, { authorization: basic("SHOP01", "k3y") });
      expect(allowed.json.responseCode).toBe("4040001");
    } finally {
      await other.close();
    }
  });

  it("records refused requests for the control API", async () => {
    await sb.api("GET", "/pg/payment/card/check/AUDIT-1", undefined, {});
    const { json } = await sb.control("GET", "/requests?orderId=AUDIT-1");
    const requests = json.requests as Array<Record<string, unknown>>;
    expect(requests.at(-1)).toMatchObject({ authorized: false, httpStatus: 401, responseCode: "4010000" });
  });
});
