/**
 * The client against a real HTTP server on 127.0.0.1 (node:http, port 0), never a mocked fetch.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { buildBasicCardPayment, buildTwoClickPayment, type PaymentInput } from "./builders";
import { createFinpayClient, type FinpayClient, type FinpayClientConfig, type FinpayExchange } from "./client";
import { DEFAULT_TIMEOUT_MS } from "./config";
import { FinpayError, type FinpayErrorKind } from "./errors";
import { DOC_CARD_TOKEN, docInitiateAnswer, successAnswer } from "./doc-samples";

const MERCHANT_ID = "FINPAY770";
const MERCHANT_KEY = "SoSecret123";
const BASIC_AUTH = "Basic RklOUEFZNzcwOlNvU2VjcmV0MTIz"; // the docs' own example, docs/finpay-reference.md §1
const TOKEN = DOC_CARD_TOKEN;
const SHORT_TOKEN = "…1b9fd9";

interface Received {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

type Handler = (req: Received, res: ServerResponse) => void;

const servers: Server[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

async function startServer(handler: Handler): Promise<{ baseUrl: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const r: Received = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      received.push(r);
      handler(r, res);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}`, received };
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "Content-Type": "application/json" });
  res.end(JSON.stringify(body));
}

/** A fake Finpay that answers one fixed body per path. */
function reply(status: number, body: unknown): Handler {
  return (_req, res) => json(res, status, body);
}

interface Harness {
  client: FinpayClient;
  received: Received[];
  logs: Array<{ level: string; event: string; fields: Record<string, unknown> }>;
  exchanges: FinpayExchange[];
  baseUrl: string;
}

async function harness(handler: Handler, config: Partial<FinpayClientConfig> = {}): Promise<Harness> {
  const { baseUrl, received } = await startServer(handler);
  const logs: Harness["logs"] = [];
  const exchanges: FinpayExchange[] = [];
  const client = createFinpayClient({
    baseUrl,
    merchantId: MERCHANT_ID,
    merchantKey: MERCHANT_KEY,
    logger: (level, event, fields) => logs.push({ level, event, fields }),
    onExchange: (e) => {
      exchanges.push(e);
    },
    ...config,
  });
  return { client, received, logs, exchanges, baseUrl };
}

async function failure(promise: Promise<unknown>): Promise<FinpayError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof FinpayError) return e;
    throw e;
  }
  throw new Error("expected a FinpayError");
}

function paymentInput(): PaymentInput {
  return {
    customer: { id: "hajar@yahoo.com", email: "hajar@yahoo.com", firstName: "Hajar", lastName: "Ismail", mobilePhone: "+6281286288800" },
    orderId: "ORD-1",
    amount: 150_000,
    currency: "IDR",
    description: "Kopi",
    urls: { callbackUrl: "http://127.0.0.1:3000/api/finpay/callback" },
  };
}

const INITIATE_OK = docInitiateAnswer();

const CHECK_OK = successAnswer({
  data: {
    customer: { id: "hajar@yahoo.com" },
    order: { id: "ORD-1", reference: "ORD-11000000000", amount: 150000, currency: "IDR" },
    meta: { data: null },
    sourceOfFunds: { type: "cc", paymentCode: null },
    result: { payment: { amount: 150000, status: "REQUEST_INITIATED", statusDesc: null, datetime: null, reference: null, channel: null } },
  },
  processingTime: 0.01,
});

const STORED_OK = {
  responseCode: "2000000",
  responseMessage: "Success",
  data: {
    customer: { id: "hajar@yahoo.com" },
    cards: [
      {
        token: TOKEN,
        mask: "512345xxxxxx0008",
        expiryDate: "2912",
        info: { brand: "MASTERCARD", issuing: "BANK", type: "CREDIT", subType: "STANDARD", country: "INDONESIA" },
        storedAt: "2024-01-02 03:04:05",
      },
      { token: "e".repeat(64), mask: "411111xxxxxx1111" },
    ],
  },
  processingTime: 0.01,
};

describe("successful calls", () => {
  it("initiate: POSTs the body as given, with Basic auth and JSON headers, and parses the answer", async () => {
    const h = await harness(reply(200, INITIATE_OK));
    const body = buildBasicCardPayment(paymentInput());
    const response = await h.client.initiate(body);

    expect(response).toEqual(INITIATE_OK);
    const [req] = h.received;
    expect(req?.method).toBe("POST");
    expect(req?.url).toBe("/pg/payment/card/initiate");
    expect(req?.headers.authorization).toBe(BASIC_AUTH);
    expect(req?.headers["content-type"]).toBe("application/json");
    expect(req?.headers.accept).toBe("application/json");
    expect(req?.body).toBe(JSON.stringify(body)); // same members, same order
  });

  it("checkStatus: GETs /check/{orderId} without a body", async () => {
    const h = await harness(reply(200, CHECK_OK));
    const response = await h.client.checkStatus("ORD-1");
    expect(response.data.result?.payment.status).toBe("REQUEST_INITIATED");
    expect(response.data.order.amount).toBe(150000);
    expect(h.received[0]).toMatchObject({ method: "GET", url: "/pg/payment/card/check/ORD-1", body: "" });
    expect(h.received[0]?.headers["content-type"]).toBeUndefined();
  });

  it("cancel: GETs /cancel/{orderId}", async () => {
    const ack = { responseCode: "2000000", responseMessage: "Request has been processed successfully", processingTime: 0.2, traceId: "93a76615" };
    const h = await harness(reply(200, ack));
    expect(await h.client.cancel("ORD-1")).toEqual(ack);
    expect(h.received[0]).toMatchObject({ method: "GET", url: "/pg/payment/card/cancel/ORD-1" });
  });

  it("retrieveStoredCards: GETs the assumed path and returns plain StoredCards", async () => {
    const h = await harness(reply(200, STORED_OK));
    const cards = await h.client.retrieveStoredCards("hajar@yahoo.com");
    expect(h.received[0]).toMatchObject({ method: "GET", url: "/pg/payment/card/customer/hajar%40yahoo.com" });
    expect(cards).toEqual([
      {
        token: TOKEN,
        mask: "512345xxxxxx0008",
        expiryDate: "2912",
        info: { brand: "MASTERCARD", issuing: "BANK", type: "CREDIT", subType: "STANDARD", country: "INDONESIA" },
        storedAt: "2024-01-02 03:04:05",
      },
      { token: "e".repeat(64), mask: "411111xxxxxx1111", expiryDate: null, info: null, storedAt: null },
    ]);
  });

  it("retrieveStoredCards: an unknown customer has no cards", async () => {
    const h = await harness(reply(200, { ...STORED_OK, data: { customer: { id: "x" }, cards: [] } }));
    expect(await h.client.retrieveStoredCards("x")).toEqual([]);
  });

  it("deleteStoredCard: GETs /customer/delete/{token}", async () => {
    const h = await harness(reply(200, { responseCode: "2000000", responseMessage: "Success", processingTime: 0.067 }));
    await h.client.deleteStoredCard(TOKEN);
    expect(h.received[0]).toMatchObject({ method: "GET", url: `/pg/payment/card/customer/delete/${TOKEN}` });
  });

  it("works with the default timeout and without logger or onExchange", async () => {
    const { baseUrl } = await startServer(reply(200, CHECK_OK));
    const client = createFinpayClient({ baseUrl: `${baseUrl}/`, merchantId: MERCHANT_ID, merchantKey: MERCHANT_KEY });
    expect(client.baseUrl).toBe(baseUrl);
    expect(DEFAULT_TIMEOUT_MS).toBe(15_000);
    await expect(client.checkStatus("ORD-1")).resolves.toMatchObject({ responseCode: "2000000" });
  });
});

describe("every error kind", () => {
  interface Case {
    name: string;
    handler: Handler;
    call: (c: FinpayClient) => Promise<unknown>;
    kind: FinpayErrorKind;
    retryable: boolean;
    httpStatus?: number;
    responseCode?: string;
    field?: string;
    config?: Partial<FinpayClientConfig>;
  }

  const initiate = (c: FinpayClient) => c.initiate(buildBasicCardPayment(paymentInput()));
  const check = (c: FinpayClient) => c.checkStatus("ORD-1");

  const cases: Case[] = [
    {
      name: "unauthorized: wrong key -> 401 4010000",
      handler: (req, res) =>
        req.headers.authorization === BASIC_AUTH
          ? json(res, 200, CHECK_OK)
          : json(res, 401, { responseCode: "4010000", responseMessage: "Unauthorized", processingTime: 0.001 }),
      call: (c) => c.checkStatus("ORD-1"),
      config: { merchantKey: "WrongKey" },
      kind: "unauthorized",
      retryable: false,
      httpStatus: 401,
      responseCode: "4010000",
    },
    {
      name: "validation: 400 4000002 names the field",
      handler: reply(400, { responseCode: "4000002", responseMessage: "Invalid Mandatory Field customer.mobilePhone", traceId: "t-1" }),
      call: initiate,
      kind: "validation",
      retryable: false,
      httpStatus: 400,
      responseCode: "4000002",
      field: "customer.mobilePhone",
    },
    {
      name: "validation: HTTP 200 carrying 4000001 is still an error",
      handler: reply(200, { responseCode: "4000001", responseMessage: "Invalid Field Format order.item.0.name" }),
      call: initiate,
      kind: "validation",
      retryable: false,
      httpStatus: 200,
      responseCode: "4000001",
      field: "order.item.0.name",
    },
    {
      name: "not_found: unknown order -> 404 4040001",
      handler: reply(404, { responseCode: "4040001", responseMessage: "Transaction Not Found" }),
      call: check,
      kind: "not_found",
      retryable: false,
      httpStatus: 404,
      responseCode: "4040001",
    },
    {
      name: "not_found: unknown card token on delete",
      handler: reply(404, { responseCode: "4040001", responseMessage: "Card Token Not Found" }),
      call: (c) => c.deleteStoredCard(TOKEN),
      kind: "not_found",
      retryable: false,
      httpStatus: 404,
      responseCode: "4040001",
    },
    {
      name: "rejected: cancel of a paid order -> 404 4040100 Invalid Transaction Status",
      handler: reply(404, { responseCode: "4040100", responseMessage: "Invalid Transaction Status" }),
      call: (c) => c.cancel("ORD-1"),
      kind: "rejected",
      retryable: false,
      httpStatus: 404,
      responseCode: "4040100",
    },
    {
      name: "rejected: 403 4030015 Transaction Not Permitted",
      handler: reply(403, { responseCode: "4030015", responseMessage: "Transaction Not Permitted" }),
      call: (c) => c.initiate(buildTwoClickPayment({ ...paymentInput(), cardToken: TOKEN })),
      kind: "rejected",
      retryable: false,
      httpStatus: 403,
      responseCode: "4030015",
    },
    {
      name: "conflict: duplicate order id -> 409 4090001",
      handler: reply(409, { responseCode: "4090001", responseMessage: "Duplicate Order Id" }),
      call: initiate,
      kind: "conflict",
      retryable: false,
      httpStatus: 409,
      responseCode: "4090001",
    },
    {
      name: "gateway: 500 5000000 on a read is retry-safe",
      handler: reply(500, { responseCode: "5000000", responseMessage: "General Error" }),
      call: check,
      kind: "gateway",
      retryable: true,
      httpStatus: 500,
      responseCode: "5000000",
    },
    {
      name: "gateway: 504 5040000 on initiate is not",
      handler: reply(504, { responseCode: "5040000", responseMessage: "Timeout" }),
      call: initiate,
      kind: "gateway",
      retryable: false,
      httpStatus: 504,
      responseCode: "5040000",
    },
    {
      name: "gateway: a proxy's 502 HTML page",
      handler: (_req, res) => {
        res.writeHead(502, { "Content-Type": "text/html" });
        res.end("<html>Bad Gateway</html>");
      },
      call: check,
      kind: "gateway",
      retryable: true,
      httpStatus: 502,
    },
    {
      name: "gateway: a 5xx whose body claims success is still a failure",
      handler: reply(500, { responseCode: "2000000", responseMessage: "Success" }),
      call: check,
      kind: "gateway",
      retryable: true,
      httpStatus: 500,
    },
    {
      name: "unauthorized: a bare 401 without a JSON body",
      handler: (_req, res) => {
        res.writeHead(401);
        res.end();
      },
      call: (c) => c.retrieveStoredCards("hajar@yahoo.com"),
      kind: "unauthorized",
      retryable: false,
      httpStatus: 401,
    },
    {
      name: "malformed_response: 200 that is not JSON",
      handler: (_req, res) => {
        res.writeHead(200, { "Content-Type": "text/plain" });
        res.end("OK");
      },
      call: check,
      kind: "malformed_response",
      retryable: true,
      httpStatus: 200,
    },
    {
      name: "malformed_response: 200 JSON without a response code",
      handler: reply(200, { status: "ok" }),
      call: check,
      kind: "malformed_response",
      retryable: true,
      httpStatus: 200,
    },
    {
      name: "malformed_response: success code but the body breaks the schema (no redirecturl)",
      handler: reply(200, { ...INITIATE_OK, redirecturl: undefined }),
      call: initiate,
      kind: "malformed_response",
      retryable: false,
      httpStatus: 200,
      responseCode: "2000000",
    },
    {
      name: "malformed_response: a redirect URL that is not http(s)",
      handler: reply(200, { ...INITIATE_OK, redirecturl: "javascript:alert(1)" }),
      call: initiate,
      kind: "malformed_response",
      retryable: false,
      httpStatus: 200,
    },
    {
      name: "malformed_response: stored cards in a shape other than assumed",
      handler: reply(200, { responseCode: "2000000", responseMessage: "Success", data: [{ token: TOKEN }] }),
      call: (c) => c.retrieveStoredCards("hajar@yahoo.com"),
      kind: "malformed_response",
      retryable: true,
      httpStatus: 200,
    },
    {
      name: "malformed_response: a 2xx code other than 2000000 is never success",
      handler: reply(200, { ...INITIATE_OK, responseCode: "2020000", responseMessage: "Accepted" }),
      call: initiate,
      kind: "malformed_response",
      retryable: false,
      httpStatus: 200,
    },
    {
      name: "malformed_response: an API redirect is not followed",
      handler: (_req, res) => {
        res.writeHead(302, { Location: "https://elsewhere.example/" });
        res.end();
      },
      call: check,
      kind: "malformed_response",
      retryable: true,
      httpStatus: 302,
    },
  ];

  it.each(cases)("$name", async ({ handler, call, kind, retryable, httpStatus, responseCode, field, config }) => {
    const h = await harness(handler, config);
    const error = await failure(call(h.client));
    expect(error.kind).toBe(kind);
    expect(error.retryable).toBe(retryable);
    expect(error.httpStatus).toBe(httpStatus);
    if (responseCode) expect(error.responseCode).toBe(responseCode);
    expect(error.field).toBe(field);
    expect(error.message).not.toContain(MERCHANT_KEY);
    // Exactly one exchange, carrying the error.
    expect(h.exchanges).toHaveLength(1);
    expect(h.exchanges[0]?.error).toEqual({ kind, message: error.message });
    expect(h.exchanges[0]?.httpStatus).toBe(httpStatus);
  });

  it("validation errors keep Finpay's message and trace id", async () => {
    const h = await harness(reply(400, { responseCode: "4000002", responseMessage: "Invalid Mandatory Field customer.mobilePhone", traceId: "t-1" }));
    const error = await failure(initiate(h.client));
    expect(error.responseMessage).toBe("Invalid Mandatory Field customer.mobilePhone");
    expect(error.traceId).toBe("t-1");
    expect(error.operation).toBe("initiate");
  });

  it("timeout: no answer at all; not retry-safe on initiate, safe on a read", async () => {
    const h = await harness(() => {
      /* never answers */
    }, { timeoutMs: 150 });
    const started = Date.now();
    const onInitiate = await failure(initiate(h.client));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(onInitiate).toMatchObject({ kind: "timeout", retryable: false, operation: "initiate" });
    expect(onInitiate.httpStatus).toBeUndefined();
    expect(onInitiate.message).toContain("150 ms");
    const onRead = await failure(check(h.client));
    expect(onRead).toMatchObject({ kind: "timeout", retryable: true });
    expect(h.exchanges.map((e) => [e.httpStatus, e.responseBody, e.error?.kind])).toEqual([
      [null, null, "timeout"],
      [null, null, "timeout"],
    ]);
  });

  it("timeout: headers arrive but the body stalls", async () => {
    const h = await harness((_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.write('{"responseCode":"2000000",');
    }, { timeoutMs: 150 });
    const error = await failure(check(h.client));
    expect(error).toMatchObject({ kind: "timeout", retryable: true, httpStatus: 200 });
  });

  it("network: nothing listening; not retry-safe on initiate, safe on a read", async () => {
    const { baseUrl } = await startServer(reply(200, CHECK_OK));
    const server = servers.pop()!;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const client = createFinpayClient({ baseUrl, merchantId: MERCHANT_ID, merchantKey: MERCHANT_KEY });
    const onInitiate = await failure(initiate(client));
    expect(onInitiate).toMatchObject({ kind: "network", retryable: false });
    expect(onInitiate.message).toMatch(/ECONNREFUSED/);
    expect(onInitiate.cause).toBeInstanceOf(Error);
    await expect(failure(check(client))).resolves.toMatchObject({ kind: "network", retryable: true });
  });
});

describe("local refusals happen before any HTTP", () => {
  it("refuses ids that are not valid, without calling Finpay", async () => {
    const h = await harness(reply(200, CHECK_OK));
    const cases: Array<[Promise<unknown>, string]> = [
      [h.client.checkStatus("../../admin"), "orderId"],
      [h.client.checkStatus(""), "orderId"],
      [h.client.cancel("A".repeat(31)), "orderId"],
      [h.client.retrieveStoredCards(""), "customerId"],
      [h.client.retrieveStoredCards("x".repeat(321)), "customerId"],
      [h.client.deleteStoredCard("not-a-token"), "token"],
    ];
    for (const [promise, field] of cases) {
      const error = await failure(promise);
      expect(error).toMatchObject({ kind: "validation", retryable: false, field });
    }
    expect(h.received).toHaveLength(0);
    expect(h.exchanges).toHaveLength(0);
    expect(h.logs.filter((l) => l.event === "finpay.call_refused")).toHaveLength(cases.length);
  });

  it("refuses an initiate body that breaks the schema", async () => {
    const h = await harness(reply(200, INITIATE_OK));
    const body = { ...buildBasicCardPayment(paymentInput()), order: { id: "ORD 1", amount: "1" } };
    const error = await failure(h.client.initiate(body));
    expect(error).toMatchObject({ kind: "validation", operation: "initiate", field: "order.id" });
    expect(h.received).toHaveLength(0);
  });
});

describe("what leaves the client: logs and exchanges", () => {
  it("never carries the merchant key or credentials, and shortens card tokens in bodies and paths", async () => {
    const h = await harness((req, res) => {
      if (req.url.startsWith("/pg/payment/card/initiate")) return json(res, 200, INITIATE_OK);
      if (req.url.startsWith("/pg/payment/card/customer/delete/")) return json(res, 200, { responseCode: "2000000", responseMessage: "Success" });
      if (req.url.startsWith("/pg/payment/card/customer/")) return json(res, 200, STORED_OK);
      return json(res, 500, { responseCode: "5000000", responseMessage: "General Error" });
    });

    await h.client.initiate(buildTwoClickPayment({ ...paymentInput(), cardToken: TOKEN }));
    await h.client.retrieveStoredCards("hajar@yahoo.com");
    await h.client.deleteStoredCard(TOKEN);
    await failure(h.client.checkStatus("ORD-1"));

    const everything = JSON.stringify({ logs: h.logs, exchanges: h.exchanges });
    expect(everything).not.toContain(MERCHANT_KEY);
    expect(everything).not.toContain(BASIC_AUTH.slice(6));
    expect(everything).not.toContain(TOKEN);
    expect(everything).not.toContain("e".repeat(64));
    expect(everything).not.toMatch(/authorization/i);

    const [initiateX, retrieveX, deleteX, checkX] = h.exchanges;
    expect(initiateX).toMatchObject({
      operation: "initiate",
      method: "POST",
      url: `${h.baseUrl}/pg/payment/card/initiate`,
      httpStatus: 200,
      responseBody: INITIATE_OK,
    });
    expect((initiateX?.requestBody as { card: unknown }).card).toEqual({ token: SHORT_TOKEN, storedOnFile: "STORED" });
    expect(initiateX?.startedAt).toBeInstanceOf(Date);
    expect(typeof initiateX?.durationMs).toBe("number");
    expect(initiateX?.error).toBeUndefined();

    expect(retrieveX?.requestBody).toBeNull();
    expect((retrieveX?.responseBody as typeof STORED_OK).data.cards[0]?.token).toBe(SHORT_TOKEN);

    expect(deleteX?.url).toBe(`${h.baseUrl}/pg/payment/card/customer/delete/${SHORT_TOKEN}`);

    expect(checkX).toMatchObject({ operation: "checkStatus", httpStatus: 500, error: { kind: "gateway" } });

    const levels = h.logs.map((l) => [l.level, l.event]);
    expect(levels).toEqual([
      ["info", "finpay.call"],
      ["info", "finpay.call"],
      ["info", "finpay.call"],
      ["error", "finpay.call_failed"],
    ]);
    expect(h.logs[0]?.fields).toMatchObject({ operation: "initiate", httpStatus: 200 });
    expect((h.logs[0]?.fields.requestBody as { card: { token: string } }).card.token).toBe(SHORT_TOKEN);
    expect(h.logs[3]?.fields).toMatchObject({ kind: "gateway", retryable: true, responseCode: "5000000" });
  });

  it("logs client-side refusals by Finpay as warnings", async () => {
    const h = await harness(reply(404, { responseCode: "4040001", responseMessage: "Transaction Not Found" }));
    await failure(h.client.checkStatus("ORD-1"));
    expect(h.logs.map((l) => l.level)).toEqual(["warn"]);
  });

  it("records the raw text of a non-JSON answer", async () => {
    const h = await harness((_req, res) => {
      res.writeHead(502);
      res.end("<html>Bad Gateway</html>");
    });
    await failure(h.client.checkStatus("ORD-1"));
    expect(h.exchanges[0]?.responseBody).toBe("<html>Bad Gateway</html>");
  });

  it("a throwing logger or onExchange does not break the call", async () => {
    const { baseUrl } = await startServer(reply(200, CHECK_OK));
    const logs: string[] = [];
    let calls = 0;
    const client = createFinpayClient({
      baseUrl,
      merchantId: MERCHANT_ID,
      merchantKey: MERCHANT_KEY,
      logger: (_level, event) => {
        logs.push(event);
        if (event === "finpay.call") throw new Error("logger down");
      },
      onExchange: async () => {
        calls += 1;
        throw new Error("db down");
      },
    });
    await expect(client.checkStatus("ORD-1")).resolves.toMatchObject({ responseCode: "2000000" });
    expect(calls).toBe(1);
    expect(logs).toEqual(["finpay.call", "finpay.on_exchange_failed"]);
  });

  it("awaits onExchange before returning, so the record exists when the call resolves", async () => {
    const { baseUrl } = await startServer(reply(200, CHECK_OK));
    let stored = false;
    const client = createFinpayClient({
      baseUrl,
      merchantId: MERCHANT_ID,
      merchantKey: MERCHANT_KEY,
      onExchange: async () => {
        await new Promise((r) => setTimeout(r, 20));
        stored = true;
      },
    });
    await client.checkStatus("ORD-1");
    expect(stored).toBe(true);
  });
});

describe("configuration", () => {
  const base = { baseUrl: "development", merchantId: MERCHANT_ID, merchantKey: MERCHANT_KEY };

  it("resolves environment names to Finpay's hosts", () => {
    expect(createFinpayClient(base).baseUrl).toBe("https://devo.finnet.co.id");
    expect(createFinpayClient({ ...base, baseUrl: "production" }).baseUrl).toBe("https://live.finnet.co.id");
  });

  it("refuses missing credentials, a ':' in the merchant id, and a bad timeout", () => {
    expect(() => createFinpayClient({ ...base, merchantKey: "" })).toThrow(TypeError);
    expect(() => createFinpayClient({ ...base, merchantId: "" })).toThrow(TypeError);
    expect(() => createFinpayClient({ ...base, merchantId: "A:B" })).toThrow(TypeError);
    expect(() => createFinpayClient({ ...base, timeoutMs: 0 })).toThrow(TypeError);
    expect(() => createFinpayClient({ ...base, timeoutMs: Number.NaN })).toThrow(TypeError);
    expect(() => createFinpayClient({ ...base, baseUrl: "ftp://x" })).toThrow(TypeError);
  });

  it("warns when credentials would cross the network in clear text", () => {
    const logs: Array<[string, string, Record<string, unknown>]> = [];
    createFinpayClient({ ...base, baseUrl: "http://sandbox.internal:4010", logger: (l, e, f) => logs.push([l, e, f]) });
    createFinpayClient({ ...base, baseUrl: "http://localhost:4010", logger: (l, e, f) => logs.push([l, e, f]) });
    expect(logs).toEqual([["warn", "finpay.insecure_base_url", expect.objectContaining({ baseUrl: "http://sandbox.internal:4010" })]]);
    expect(JSON.stringify(logs)).not.toContain(MERCHANT_KEY);
  });
});
