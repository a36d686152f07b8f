import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  ackResponseSchema,
  basicCardPaymentRequestSchema,
  callbackPayloadSchema,
  checkStatusResponseSchema,
  errorResponseSchema,
  initiateRequestSchema,
  initiateResponseSchema,
  REDIRECT_URL_ALIASES,
  issuePath,
  saveCardPaymentRequestSchema,
  twoClickPaymentRequestSchema,
} from "./schemas";
import { DOC_CARD_TOKEN, docCard, docCustomer, docInitiateAnswer, successAnswer } from "./doc-samples";

const TOKEN = DOC_CARD_TOKEN;

/** A request using every object and field the schema knows, all valid. */
function fullRequest(): Record<string, unknown> {
  return {
    customer: {
      ...docCustomer(),
      phone: "0215551234",
      taxRegistrationId: "01.234.567.8-901.000",
      account: { id: "acc-1" },
    },
    order: {
      id: "ORD-2024_0001",
      amount: "150000",
      currency: "IDR",
      description: "Testing",
      timeout: "1440",
      itemAmount: "150000",
      localTaxRegistrationId: "TAX-1",
      merchantCategoryCode: "5812",
      surchargeAmount: "0",
      item: [
        {
          name: "Kopi",
          quantity: "2",
          unitPrice: "75000",
          sku: "K-1",
          brand: "Gayo",
          category: "coffee",
          description: "Arabica",
          industryCategory: "FOOD",
          unitDiscountAmount: "0",
          unitOfMeasure: "pack",
          unitTaxAmount: "0",
          subMerchantId: "SUB1",
        },
      ],
      transactionFiltering: {
        accepted: { cardBin: ["512345"], cardType: ["CREDIT"], cardBrand: ["MASTERCARD"], cardIssuingName: ["BANK"], cardIssuingCountry: ["IDN"] },
        rejected: { cardBrand: ["AMEX"] },
        point: { use: "N" },
      },
      reference: "REF-1",
    },
    url: {
      callbackUrl: "https://shop.example/api/finpay/callback",
      successUrl: "https://shop.example/ok",
      failUrl: "https://shop.example/fail",
      backUrl: "http://localhost:3000/cart",
    },
    billing: {
      address: {
        city: "Jakarta",
        company: "PT Contoh",
        country: "IDN",
        postcodeZip: "12190",
        stateProvince: "DKI Jakarta",
        stateProvinceCode: "JK",
        street: "Jl. Sudirman 1",
        street2: "Lt. 5",
      },
      billerServiceProvider: { customerId: "c", id: "i", subId: "s", type: "t" },
    },
    shipping: {
      method: "SAME_DAY",
      origin: { postcodeZip: "12190" },
      contact: { email: "a@b.co", firstName: "A", lastName: "B", mobilePhone: "+6281286288800", phone: "+62215551234" },
      address: {
        city: "Bandung",
        company: "-",
        country: "IDN",
        postcodeZip: "40111",
        stateProvince: "Jawa Barat",
        stateProvinceCode: "JB",
        street: "Jl. Asia Afrika 1",
        street2: "-",
        source: "NEW_ADDRESS",
        sameAsBilling: "DIFFERENT",
      },
    },
    meta: { data: { anything: [1, "two"] } },
    card: { number: "5123450000000008", expiryDate: "2912", cvv: "100", nameOnCard: "HAJAR ISMAIL", storedOnFile: "NOT_STORED" },
    recurring: {
      productCode: "P1",
      type: "PURCHASE",
      id: "R-1",
      amount: "150000",
      interval: "1",
      intervalUnit: "monthly",
      maxInterval: "12",
      startDate: "20250101",
      endDate: "20251231",
      retry: { interval: "1", intervalUnit: "minutes", maxInterval: "3" },
      subscribe: "Y",
    },
    sourceOfFunds: { type: "cc", paymentCode: "8802700000076850", accountId: "081234567890", channel: "014" },
    device: {
      ani: "0812345678",
      aniCallType: "00",
      browser: "Mozilla/5.0",
      fingerprint: "fp",
      hostname: "client.example",
      ipAddress: "203.0.113.7",
      mobilePhoneModel: "Pixel",
    },
  };
}

function basicRequest(): Record<string, unknown> {
  return {
    customer: docCustomer(),
    order: { id: "1686716101151", amount: "1000", currency: "IDR", description: "Testing" },
    url: { callbackUrl: "https://sandboxx.finpay.co.id/simdev/finpay/result/tangkapCurl.php" },
    sourceOfFunds: { type: "cc" },
  };
}

const saveRequest = () => ({ ...basicRequest(), card: { storedOnFile: "TO_BE_STORED" } });
const twoClickRequest = () => ({ ...basicRequest(), card: { token: TOKEN, storedOnFile: "STORED" } });

function setPath(root: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(root);
  const keys = path.split(".");
  let node = copy as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  const last = keys.at(-1)!;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

function issuePaths(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => issuePath(i.path));
}

// -------------------------------------------------------------------------------------------
// Length limits: each at its bound (passes) and just past it (fails on that path).

type Gen = "text" | "digits" | "alphaDash" | "url" | "email";

function make(gen: Gen, length: number): string {
  switch (gen) {
    case "text":
      return "x".repeat(length);
    case "digits":
      return "1".repeat(length);
    case "alphaDash":
      return "a".repeat(length);
    case "url": {
      const prefix = "https://shop.example/";
      return prefix + "p".repeat(length - prefix.length);
    }
    case "email": {
      // local@ + labels of at most 63 characters + ".id"
      let domain = ".id";
      let rest = length - "local@".length - domain.length;
      while (rest > 0) {
        const label = Math.min(63, rest - (domain.startsWith(".") && rest > 63 ? 1 : 0));
        domain = `${"d".repeat(label)}${domain}`;
        rest -= label;
        if (rest > 0) {
          domain = `.${domain}`;
          rest -= 1;
        }
      }
      return `local@${domain}`;
    }
  }
}

const LIMITS: ReadonlyArray<[path: string, gen: Gen, min: number, max: number]> = [
  ["order.id", "alphaDash", 1, 30],
  ["order.amount", "digits", 1, 14],
  ["order.currency", "text", 3, 3],
  ["order.description", "text", 1, 127],
  ["order.timeout", "digits", 1, 8],
  ["order.itemAmount", "digits", 1, 14],
  ["order.localTaxRegistrationId", "text", 1, 25],
  ["order.merchantCategoryCode", "text", 4, 4],
  ["order.surchargeAmount", "digits", 1, 14],
  ["order.reference", "text", 1, 40],
  ["order.item.0.name", "text", 1, 127],
  ["order.item.0.quantity", "digits", 1, 3],
  ["order.item.0.unitPrice", "digits", 1, 14],
  ["order.item.0.sku", "text", 1, 127],
  ["order.item.0.brand", "text", 1, 127],
  ["order.item.0.category", "text", 1, 127],
  ["order.item.0.description", "text", 1, 127],
  ["order.item.0.industryCategory", "text", 1, 127],
  ["order.item.0.unitDiscountAmount", "digits", 1, 14],
  ["order.item.0.unitOfMeasure", "text", 1, 10],
  ["order.item.0.unitTaxAmount", "digits", 1, 14],
  ["order.item.0.subMerchantId", "text", 1, 30],
  ["order.transactionFiltering.accepted.cardBin.0", "text", 1, 19],
  ["order.transactionFiltering.accepted.cardType.0", "text", 1, 50],
  ["order.transactionFiltering.accepted.cardBrand.0", "text", 1, 50],
  ["order.transactionFiltering.accepted.cardIssuingName.0", "text", 1, 127],
  ["order.transactionFiltering.accepted.cardIssuingCountry.0", "text", 1, 50],
  ["customer.id", "text", 1, 320],
  ["customer.email", "email", 10, 320],
  ["customer.firstName", "text", 1, 50],
  ["customer.lastName", "text", 1, 50],
  ["customer.phone", "digits", 1, 15],
  ["customer.taxRegistrationId", "text", 1, 30],
  ["customer.account.id", "text", 1, 320],
  ["url.callbackUrl", "url", 22, 320],
  ["url.successUrl", "url", 22, 320],
  ["url.failUrl", "url", 22, 320],
  ["url.backUrl", "url", 22, 320],
  ["billing.address.city", "text", 1, 100],
  ["billing.address.company", "text", 1, 100],
  ["billing.address.country", "text", 3, 3],
  ["billing.address.postcodeZip", "alphaDash", 1, 10],
  ["billing.address.stateProvince", "text", 1, 20],
  ["billing.address.stateProvinceCode", "text", 1, 3],
  ["billing.address.street", "text", 1, 100],
  ["billing.address.street2", "text", 1, 100],
  ["billing.billerServiceProvider.customerId", "text", 1, 100],
  ["billing.billerServiceProvider.id", "text", 1, 100],
  ["billing.billerServiceProvider.subId", "text", 1, 100],
  ["billing.billerServiceProvider.type", "text", 1, 100],
  ["shipping.method", "text", 1, 20],
  ["shipping.origin.postcodeZip", "alphaDash", 1, 10],
  ["shipping.contact.email", "email", 10, 320],
  ["shipping.contact.firstName", "text", 1, 50],
  ["shipping.contact.lastName", "text", 1, 50],
  ["shipping.contact.phone", "digits", 1, 15],
  ["shipping.address.city", "text", 1, 100],
  ["shipping.address.company", "text", 1, 100],
  ["shipping.address.country", "text", 3, 3],
  ["shipping.address.postcodeZip", "alphaDash", 1, 10],
  ["shipping.address.stateProvince", "text", 1, 20],
  ["shipping.address.stateProvinceCode", "text", 1, 3],
  ["shipping.address.street", "text", 1, 100],
  ["shipping.address.street2", "text", 1, 100],
  ["shipping.address.source", "text", 1, 20],
  ["shipping.address.sameAsBilling", "text", 1, 20],
  ["card.number", "digits", 12, 19],
  ["card.cvv", "digits", 3, 4],
  ["card.nameOnCard", "text", 1, 256],
  ["recurring.productCode", "text", 1, 6],
  ["recurring.type", "text", 1, 20],
  ["recurring.id", "text", 1, 30],
  ["recurring.amount", "digits", 1, 14],
  ["recurring.interval", "digits", 1, 2],
  ["recurring.intervalUnit", "text", 1, 20],
  ["recurring.maxInterval", "digits", 1, 2],
  ["recurring.retry.interval", "digits", 1, 2],
  ["recurring.retry.intervalUnit", "text", 1, 20],
  ["recurring.retry.maxInterval", "digits", 1, 2],
  ["sourceOfFunds.type", "text", 1, 30],
  ["sourceOfFunds.paymentCode", "text", 1, 30],
  ["sourceOfFunds.accountId", "text", 1, 30],
  ["sourceOfFunds.channel", "text", 1, 6],
  ["device.ani", "text", 1, 10],
  ["device.aniCallType", "text", 1, 2],
  ["device.browser", "text", 1, 2048],
  ["device.fingerprint", "text", 1, 4000],
  ["device.hostname", "text", 1, 60],
  ["device.mobilePhoneModel", "text", 1, 255],
];

describe("initiate request: every length limit, at and past its bound", () => {
  it("the full request is valid", () => {
    expect(issuePaths(initiateRequestSchema, fullRequest())).toEqual([]);
  });

  it.each(LIMITS)("%s: %s of %i..%i", (path, gen, min, max) => {
    const base = fullRequest();
    const at = make(gen, max);
    expect(at).toHaveLength(max);
    expect(issuePaths(initiateRequestSchema, setPath(base, path, at))).toEqual([]);
    expect(issuePaths(initiateRequestSchema, setPath(base, path, make(gen, max + 1)))).toContain(path);
    if (gen !== "email" && gen !== "url") {
      expect(issuePaths(initiateRequestSchema, setPath(base, path, make(gen, min)))).toEqual([]);
      expect(issuePaths(initiateRequestSchema, setPath(base, path, make(gen, min - 1)))).toContain(path);
    }
  });

  it("customer.mobilePhone: E.164, 8 to 15 digits after '+'", () => {
    const base = fullRequest();
    const ok = ["+12345678", `+6${"1".repeat(14)}`];
    const bad = ["+1234567", `+6${"1".repeat(15)}`, "081286288800", "6281286288800", "+0812345678", "+62 812 8628 8800"];
    for (const v of ok) expect(issuePaths(initiateRequestSchema, setPath(base, "customer.mobilePhone", v))).toEqual([]);
    for (const v of bad) expect(issuePaths(initiateRequestSchema, setPath(base, "customer.mobilePhone", v))).toContain("customer.mobilePhone");
    expect(issuePaths(initiateRequestSchema, setPath(base, "shipping.contact.mobilePhone", "0812345678"))).toContain(
      "shipping.contact.mobilePhone",
    );
  });

  it("order.item: 1 to 100 items", () => {
    const base = fullRequest();
    const item = { name: "x", quantity: "1", unitPrice: "1" };
    expect(issuePaths(initiateRequestSchema, setPath(base, "order.item", Array.from({ length: 100 }, () => item)))).toEqual([]);
    expect(issuePaths(initiateRequestSchema, setPath(base, "order.item", Array.from({ length: 101 }, () => item)))).toContain("order.item");
    expect(issuePaths(initiateRequestSchema, setPath(base, "order.item", []))).toContain("order.item");
  });

  it.each([
    ["order.id", "ORD 1"],
    ["order.id", "ORD/1"],
    ["order.amount", "1000.50"],
    ["order.amount", 1000],
    ["order.amount", "-1"],
    ["order.item.0.quantity", "1.5"],
    ["customer.email", "hajar"],
    ["customer.phone", "phone"],
    ["url.callbackUrl", "javascript:alert(1)"],
    ["url.callbackUrl", "ftp://shop.example/cb"],
    ["url.successUrl", "/relative"],
    ["billing.address.postcodeZip", "12 190"],
    ["card.token", TOKEN.toUpperCase()],
    ["card.token", TOKEN.slice(1)],
    ["card.storedOnFile", "SAVE"],
    ["card.expiryDate", "2913"],
    ["card.expiryDate", "12/29"],
    ["card.cvv", "12a"],
    ["recurring.startDate", "2025-01-01"],
    ["recurring.endDate", "20251301"],
    ["recurring.subscribe", "YES"],
    ["device.ipAddress", "300.0.0.1"],
    ["meta", { data: 1, extra: 2 }],
  ] as const)("format: %s rejects %j", (path, value) => {
    const paths = issuePaths(initiateRequestSchema, setPath(fullRequest(), path, value));
    expect(paths).toContain(path);
  });

  it("documented objects are strict: an unknown member is an error", () => {
    for (const path of ["extra", "order.extra", "customer.extra", "url.callbackURL", "order.item.0.extra", "recurring.extra", "shipping.extra"]) {
      expect(issuePaths(initiateRequestSchema, setPath(fullRequest(), path, "x")).length).toBeGreaterThan(0);
    }
  });

  it("objects whose doc page was not read are loose: unknown members pass", () => {
    for (const path of ["card.seventhField", "sourceOfFunds.mystery", "device.other", "order.transactionFiltering.accepted.cardLevel"]) {
      expect(issuePaths(initiateRequestSchema, setPath(fullRequest(), path, "x"))).toEqual([]);
    }
  });

  it("card: storedOnFile STORED needs a token", () => {
    expect(issuePaths(initiateRequestSchema, { ...basicRequest(), card: { storedOnFile: "STORED" } })).toEqual(["card.token"]);
    expect(issuePaths(initiateRequestSchema, { ...basicRequest(), card: { storedOnFile: "STORED", token: TOKEN } })).toEqual([]);
  });

  it("recurring: subscribe Y needs type and id; PURCHASE and TOPUP need an amount", () => {
    expect(issuePaths(initiateRequestSchema, { ...basicRequest(), recurring: { subscribe: "Y" } }).sort()).toEqual(
      ["recurring.id", "recurring.type"],
    );
    expect(issuePaths(initiateRequestSchema, { ...basicRequest(), recurring: { subscribe: "Y", type: "TOPUP", id: "R1" } })).toEqual([
      "recurring.amount",
    ]);
    expect(issuePaths(initiateRequestSchema, { ...basicRequest(), recurring: { subscribe: "N", type: "PURCHASE", amount: "1" } })).toEqual([]);
  });
});

// -------------------------------------------------------------------------------------------
// Mandatory fields per flow

const BASIC_MANDATORY = [
  "customer",
  "customer.id",
  "customer.email",
  "customer.firstName",
  "customer.lastName",
  "customer.mobilePhone",
  "order",
  "order.id",
  "order.amount",
  "order.description",
  "url",
  "url.callbackUrl",
  "sourceOfFunds",
  "sourceOfFunds.type",
];

describe("mandatory fields per flow", () => {
  it("generic initiate (doc 'Basic' column): order, customer, url, sourceOfFunds and their keys", () => {
    for (const path of ["customer", "order", "order.id", "url", "url.callbackUrl", "sourceOfFunds", "sourceOfFunds.type"]) {
      expect(issuePaths(initiateRequestSchema, setPath(basicRequest(), path, undefined))).toContain(path);
    }
    // Conditional fields are optional in the generic schema.
    for (const path of ["customer.id", "customer.email", "customer.mobilePhone", "order.amount", "order.description", "order.currency"]) {
      expect(issuePaths(initiateRequestSchema, setPath(basicRequest(), path, undefined))).toEqual([]);
    }
  });

  it.each([
    ["basic card", basicCardPaymentRequestSchema, basicRequest, BASIC_MANDATORY],
    ["save card", saveCardPaymentRequestSchema, saveRequest, [...BASIC_MANDATORY, "card", "card.storedOnFile"]],
    ["two-click", twoClickPaymentRequestSchema, twoClickRequest, [...BASIC_MANDATORY, "card", "card.token", "card.storedOnFile"]],
  ] as const)("%s: the sample is valid and each mandatory field missing is an error on its path", (_flow, schema, sample, mandatory) => {
    expect(issuePaths(schema, sample())).toEqual([]);
    for (const path of mandatory) {
      expect(issuePaths(schema, setPath(sample(), path, undefined)), path).toContain(path);
    }
  });

  it("card flows pay by card only, with a positive amount", () => {
    expect(issuePaths(basicCardPaymentRequestSchema, setPath(basicRequest(), "sourceOfFunds.type", "vabca"))).toEqual(["sourceOfFunds.type"]);
    expect(issuePaths(basicCardPaymentRequestSchema, setPath(basicRequest(), "order.amount", "0"))).toEqual(["order.amount"]);
    expect(issuePaths(basicCardPaymentRequestSchema, setPath(basicRequest(), "order.amount", "0100"))).toEqual(["order.amount"]);
    expect(issuePaths(initiateRequestSchema, setPath(basicRequest(), "sourceOfFunds.type", "vabca"))).toEqual([]);
  });

  it("card-flow items need name, quantity and unitPrice", () => {
    const withItem = (item: Record<string, unknown>) => setPath(basicRequest(), "order.item", [item]);
    const full = { name: "x", quantity: "1", unitPrice: "1" };
    expect(issuePaths(basicCardPaymentRequestSchema, withItem(full))).toEqual([]);
    for (const key of ["name", "quantity", "unitPrice"]) {
      const rest: Record<string, string> = { ...full };
      delete rest[key];
      expect(issuePaths(basicCardPaymentRequestSchema, withItem(rest))).toEqual([`order.item.0.${key}`]);
    }
  });

  it("save card: storedOnFile must be TO_BE_STORED and no token", () => {
    expect(issuePaths(saveCardPaymentRequestSchema, { ...basicRequest(), card: { storedOnFile: "STORED", token: TOKEN } }).sort()).toEqual([
      "card.storedOnFile",
      "card.token",
    ]);
  });

  it("two-click: storedOnFile must be STORED with a 64-hex token", () => {
    expect(issuePaths(twoClickPaymentRequestSchema, { ...basicRequest(), card: { storedOnFile: "TO_BE_STORED", token: TOKEN } })).toEqual([
      "card.storedOnFile",
    ]);
    expect(issuePaths(twoClickPaymentRequestSchema, { ...basicRequest(), card: { storedOnFile: "STORED", token: "abc" } })).toEqual([
      "card.token",
    ]);
  });
});

// -------------------------------------------------------------------------------------------
// Responses

const INITIATE_SAMPLE = docInitiateAnswer();

const CHECK_SAMPLE = successAnswer({
  data: {
    customer: { id: "hajar@yahoo.com" },
    order: { id: "1662448187759", reference: "16624481877591000000000", amount: 1000, currency: "IDR" },
    card: docCard(),
    meta: { data: null },
    result: { payment: { amount: 1000, status: "CAPTURED", statusDesc: null } },
  },
  processingTime: 0.0179440975189209,
});

const CALLBACK_SAMPLE = {
  customer: { id: "hajar@yahoo.com" },
  order: { id: "1664255905824", reference: "16642559058241000000000", amount: 1000, currency: "IDR" },
  card: docCard(),
  meta: { data: null },
  result: { payment: { amount: 1000, status: "CAPTURED", statusDesc: null } },
  signature:
    "8e77b8ffa3f2766e7cd5355b3a37e96feae5d924d3eb06aa374bf10cb1c95d02fa301c856d09463de4b6655815cc29d3829440bb5249b3390caaed42b15a7eb9",
};

describe("responses", () => {
  it("initiate: the doc sample parses; paycode and QRIS extras are kept", () => {
    expect(initiateResponseSchema.parse(INITIATE_SAMPLE)).toEqual(INITIATE_SAMPLE);
    const extra = { ...INITIATE_SAMPLE, paymentCode: "8802700000076850", stringQr: "000201", traceId: "t-1", accountList: [{}], novel: 1 };
    expect(initiateResponseSchema.parse(extra)).toEqual(extra);
  });

  it.each([
    ["redirecturl", undefined],
    ["redirecturl", "javascript:alert(1)"],
    ["redirecturl", "//evil.example/x"],
    ["processingTime", undefined],
    ["processingTime", "0.66"],
    ["responseCode", "200"],
    ["responseMessage", undefined],
  ] as const)("initiate: %s = %j is rejected", (path, value) => {
    expect(issuePaths(initiateResponseSchema, setPath(INITIATE_SAMPLE, path, value))).toContain(path);
  });

  it("initiate: redirecturl under another spelling is the same link; the documented spelling wins", () => {
    const { redirecturl, ...rest } = INITIATE_SAMPLE;
    for (const alias of REDIRECT_URL_ALIASES) expect(initiateResponseSchema.parse({ ...rest, [alias]: redirecturl }).redirecturl).toBe(redirecturl);
    expect(initiateResponseSchema.parse({ ...INITIATE_SAMPLE, redirectUrl: "https://other.example/x" }).redirecturl).toBe(redirecturl);
    expect(issuePaths(initiateResponseSchema, { ...rest, redirectUrl: "javascript:alert(1)" })).toContain("redirecturl");
  });

  it.each([
    ["2022-09-06 17:02:18", "2022-09-06 17:02:18"],
    ["2022-09-06T17:02:18", "2022-09-06 17:02:18"],
    ["2022-09-06 17:02:18.123456", "2022-09-06 17:02:18"],
    ["2022-09-06T10:02:18Z", "2022-09-06 17:02:18"],
    ["2022-09-06T10:02:18.5Z", "2022-09-06 17:02:18"],
    ["2022-09-06T17:02:18+07:00", "2022-09-06 17:02:18"],
    ["2022-09-06T18:02:18+0800", "2022-09-06 17:02:18"],
    [" 2022-09-06 17:02:18 ", "2022-09-06 17:02:18"],
    [undefined, null],
    [null, null],
    ["", null],
    ["tomorrow", null],
    [1662458538, null],
  ] as const)("initiate: expiryLink %j is read as %j (WIB)", (value, expected) => {
    expect(initiateResponseSchema.parse(setPath(INITIATE_SAMPLE, "expiryLink", value)).expiryLink).toBe(expected);
  });

  it("check status: the doc sample parses; amounts given as strings become numbers", () => {
    expect(checkStatusResponseSchema.parse(CHECK_SAMPLE)).toEqual(CHECK_SAMPLE);
    const stringy = setPath(setPath(CHECK_SAMPLE, "data.order.amount", "1000"), "data.result.payment.amount", "1000.00");
    const parsed = checkStatusResponseSchema.parse(stringy);
    expect(parsed.data.order.amount).toBe(1000);
    expect(parsed.data.result?.payment.amount).toBe(1000);
  });

  it("check status: before payment there is no card; order id, amount and a status are required", () => {
    const beforePayment = setPath(setPath(CHECK_SAMPLE, "data.card", undefined), "data.result.payment.status", "REQUEST_INITIATED");
    expect(issuePaths(checkStatusResponseSchema, beforePayment)).toEqual([]);
    for (const path of ["data", "data.order", "data.order.id", "data.order.amount", "data.result.payment", "data.result.payment.status"]) {
      expect(issuePaths(checkStatusResponseSchema, setPath(CHECK_SAMPLE, path, undefined))).toContain(path);
    }
    expect(issuePaths(checkStatusResponseSchema, setPath(CHECK_SAMPLE, "data.order.amount", -1))).toContain("data.order.amount");
    expect(issuePaths(checkStatusResponseSchema, setPath(CHECK_SAMPLE, "data.order.amount", "10 rupiah"))).toContain("data.order.amount");
  });

  it("callback: the doc sample parses, and so does a body with the fields real callbacks add", () => {
    expect(callbackPayloadSchema.parse(CALLBACK_SAMPLE)).toEqual(CALLBACK_SAMPLE);
    const real = {
      ...CALLBACK_SAMPLE,
      sourceOfFunds: { type: "cc", paymentCode: null },
      merchant: { id: "FINPAY770" },
      transaction: { acquirerId: "ACQ-1" },
      result: {
        payment: {
          amount: 1000,
          status: "CAPTURED",
          statusDesc: "Approved",
          userDesc: "Paid",
          datetime: "2024-01-02 03:04:05",
          reference: "016460",
          channel: null,
        },
      },
      somethingNew: { nested: true },
    };
    const parsed = callbackPayloadSchema.parse(real);
    expect(parsed).toEqual(real);
    expect(parsed.sourceOfFunds?.type).toBe("cc");
    expect(parsed.merchant?.id).toBe("FINPAY770");
    expect(parsed.transaction?.acquirerId).toBe("ACQ-1");
  });

  it("callback: signature (128 hex) and order are mandatory; result and card are not", () => {
    for (const [path, value] of [
      ["signature", undefined],
      ["signature", "abc"],
      ["order", undefined],
      ["order.id", undefined],
      ["order.id", ""],
      ["order.id", "A".repeat(65)],
      ["order.id", "TN1\u0000"],
      ["result.payment.status", "S".repeat(41)],
      ["result.payment.status", "CAPTURED\u0000"],
    ] as const) {
      expect(issuePaths(callbackPayloadSchema, setPath(CALLBACK_SAMPLE, path, value))).toContain(path);
    }
    expect(issuePaths(callbackPayloadSchema, setPath(setPath(CALLBACK_SAMPLE, "result", undefined), "card", undefined))).toEqual([]);
    expect(issuePaths(callbackPayloadSchema, setPath(setPath(CALLBACK_SAMPLE, "order.id", "A".repeat(64)), "result.payment.status", "S".repeat(40)))).toEqual([]);
  });

  it("error and ack envelopes", () => {
    const error = { responseCode: "4000002", responseMessage: "Invalid Mandatory Field customer.mobilePhone", processingTime: 0.0012, traceId: "t" };
    expect(errorResponseSchema.parse(error)).toEqual(error);
    expect(errorResponseSchema.parse({ responseCode: "5000000" })).toEqual({ responseCode: "5000000" });
    expect(issuePaths(errorResponseSchema, { responseMessage: "x" })).toEqual(["responseCode"]);
    expect(issuePaths(errorResponseSchema, { responseCode: 4000002 })).toEqual(["responseCode"]);
    const ack = { responseCode: "2000000", responseMessage: "Request has been processed successfully", processingTime: 0.248, traceId: "93a76615" };
    expect(ackResponseSchema.parse(ack)).toEqual(ack);
  });
});
