import { describe, expect, it } from "vitest";
import { buildBasicCardPayment, buildSaveCardPayment, buildTwoClickPayment, type PaymentInput } from "./builders";
import { FinpayError } from "./errors";
import {
  basicCardPaymentRequestSchema,
  initiateRequestSchema,
  saveCardPaymentRequestSchema,
  twoClickPaymentRequestSchema,
} from "./schemas";
import { DOC_CARD_TOKEN, docCustomer } from "./doc-samples";

/* The two request samples of Finpay's documentation, verbatim (docs/finpay-reference.md §3.1). */
const BASIC_SEED = `{
  "customer": {
    "id": "hajar.finnet@gmail.com",
    "email": "hajar.finnet@gmail.com",
    "firstName": "Hajar",
    "lastName": "Ismail",
    "mobilePhone": "+6281286288800"
  },
  "order": {
    "id": "1686716101151",
    "amount": "1000",
    "currency": "IDR",
    "description": "Testing"
  },
  "url": {
    "callbackUrl": "https://sandboxx.finpay.co.id/simdev/finpay/result/tangkapCurl.php"
  },
  "sourceOfFunds": {
    "type": "cc"
  }
}`;

const TWO_CLICK_SEED = `{
  "customer": {
    "id": "hajar.finnet@gmail.com",
    "email": "hajar.finnet@gmail.com",
    "firstName": "Hajar",
    "lastName": "Ismail",
    "mobilePhone": "+6281286288844"
  },
  "order": {
    "id": "1685522371836",
    "amount": "1000",
    "currency": "IDR",
    "description": "Testing"
  },
  "url": {
    "callbackUrl": "https://sandbox.finpay.co.id/simdev/finpay/result/tangkapCurl.php"
  },
  "card": {
    "token": "81b36a850c2e40458bad296f952084b516c919ca717d448722782769b81b9fd9",
    "storedOnFile": "STORED"
  },
  "sourceOfFunds": {
    "type": "cc"
  }
}`;

const SEED_TOKEN = DOC_CARD_TOKEN;

function basicSeedInput(): PaymentInput {
  return {
    customer: docCustomer(),
    orderId: "1686716101151",
    amount: 1000,
    currency: "IDR",
    description: "Testing",
    urls: { callbackUrl: "https://sandboxx.finpay.co.id/simdev/finpay/result/tangkapCurl.php" },
  };
}

function catchBuild(fn: () => unknown): FinpayError {
  try {
    fn();
  } catch (e) {
    if (e instanceof FinpayError) return e;
    throw e;
  }
  throw new Error("expected the builder to throw");
}

describe("contract: builders reproduce the seed samples", () => {
  it("basic card payment = the Pembayaran Dasar sample, same members, same order, same values", () => {
    const body = buildBasicCardPayment(basicSeedInput());
    expect(JSON.stringify(body)).toBe(JSON.stringify(JSON.parse(BASIC_SEED)));
    expect(JSON.stringify(body, null, 2)).toBe(BASIC_SEED);
  });

  it("two-click payment = the Two Click sample", () => {
    const input = basicSeedInput();
    const body = buildTwoClickPayment({
      ...input,
      customer: { ...input.customer, mobilePhone: "+6281286288844" },
      orderId: "1685522371836",
      urls: { callbackUrl: "https://sandbox.finpay.co.id/simdev/finpay/result/tangkapCurl.php" },
      cardToken: SEED_TOKEN,
    });
    expect(JSON.stringify(body, null, 2)).toBe(TWO_CLICK_SEED);
  });

  it("save-card payment = the basic sample plus card.storedOnFile TO_BE_STORED before sourceOfFunds", () => {
    const body = buildSaveCardPayment(basicSeedInput());
    const expected = JSON.parse(BASIC_SEED) as Record<string, unknown>;
    const { sourceOfFunds, ...rest } = expected;
    expect(JSON.stringify(body)).toBe(JSON.stringify({ ...rest, card: { storedOnFile: "TO_BE_STORED" }, sourceOfFunds }));
  });

  it("each output passes its flow schema and the generic initiate schema", () => {
    const basic = buildBasicCardPayment(basicSeedInput());
    const save = buildSaveCardPayment(basicSeedInput());
    const twoClick = buildTwoClickPayment({ ...basicSeedInput(), cardToken: SEED_TOKEN });
    expect(basicCardPaymentRequestSchema.safeParse(basic).success).toBe(true);
    expect(saveCardPaymentRequestSchema.safeParse(save).success).toBe(true);
    expect(twoClickPaymentRequestSchema.safeParse(twoClick).success).toBe(true);
    for (const body of [basic, save, twoClick]) expect(initiateRequestSchema.safeParse(body).success).toBe(true);
  });
});

describe("builders: optional input", () => {
  it("maps every optional field, amounts as whole-rupiah strings, in a stable member order", () => {
    const body = buildBasicCardPayment({
      ...basicSeedInput(),
      amount: 250_000,
      timeoutMinutes: 30,
      items: [
        { name: "Kopi Gayo 250g", quantity: 2, unitPrice: 100_000, sku: "KG-250", category: "coffee", description: "Arabica", brand: "Gayo" },
        { name: "Ongkir", quantity: 1, unitPrice: 50_000 },
      ],
      urls: {
        callbackUrl: "https://shop.example/api/finpay/callback",
        successUrl: "https://shop.example/orders/1?paid=1",
        failUrl: "https://shop.example/orders/1?failed=1",
        backUrl: "https://shop.example/cart",
      },
      meta: { cartId: "c-1" },
    });
    expect(body).toEqual({
      customer: basicSeedInput().customer,
      order: {
        id: "1686716101151",
        amount: "250000",
        currency: "IDR",
        description: "Testing",
        timeout: "30",
        item: [
          { name: "Kopi Gayo 250g", quantity: "2", unitPrice: "100000", sku: "KG-250", category: "coffee", description: "Arabica", brand: "Gayo" },
          { name: "Ongkir", quantity: "1", unitPrice: "50000" },
        ],
      },
      url: {
        callbackUrl: "https://shop.example/api/finpay/callback",
        successUrl: "https://shop.example/orders/1?paid=1",
        failUrl: "https://shop.example/orders/1?failed=1",
        backUrl: "https://shop.example/cart",
      },
      meta: { data: { cartId: "c-1" } },
      sourceOfFunds: { type: "cc" },
    });
    expect(Object.keys(body)).toEqual(["customer", "order", "url", "meta", "sourceOfFunds"]);
    expect(Object.keys(body.order)).toEqual(["id", "amount", "currency", "description", "timeout", "item"]);
  });

  it("leaves absent optional fields absent (no currency, no urls, no meta, no card)", () => {
    const input = basicSeedInput();
    delete input.currency;
    const body = buildBasicCardPayment(input);
    expect(body.order).toEqual({ id: "1686716101151", amount: "1000", description: "Testing" });
    expect(Object.keys(body)).toEqual(["customer", "order", "url", "sourceOfFunds"]);
  });

  it("sends '-' for an empty or absent lastName, as the official plugin does", () => {
    const input = basicSeedInput();
    expect(buildBasicCardPayment({ ...input, customer: { ...input.customer, lastName: "" } }).customer.lastName).toBe("-");
    expect(buildBasicCardPayment({ ...input, customer: { ...input.customer, lastName: "  " } }).customer.lastName).toBe("-");
    const noLast = { ...input.customer };
    delete noLast.lastName;
    expect(buildBasicCardPayment({ ...input, customer: noLast }).customer.lastName).toBe("-");
  });

  it("two-click card member is exactly {token, storedOnFile: STORED}", () => {
    const body = buildTwoClickPayment({ ...basicSeedInput(), cardToken: SEED_TOKEN });
    expect(body.card).toEqual({ token: SEED_TOKEN, storedOnFile: "STORED" });
    expect(Object.keys(body)).toEqual(["customer", "order", "url", "card", "sourceOfFunds"]);
  });
});

describe("builders: refuse bad input with a validation FinpayError", () => {
  it.each([
    ["a fractional amount", { amount: 1000.5 }, "order.amount"],
    ["a negative amount", { amount: -1 }, "order.amount"],
    ["an unsafe integer amount", { amount: 2 ** 53 }, "order.amount"],
    ["NaN", { amount: Number.NaN }, "order.amount"],
    ["a zero amount", { amount: 0 }, "order.amount"],
    ["an amount over 14 digits", { amount: 100_000_000_000_000 }, "order.amount"],
    ["a fractional timeout", { timeoutMinutes: 1.5 }, "order.timeout"],
    ["an order id with a slash", { orderId: "A/1" }, "order.id"],
    ["an order id of 31 characters", { orderId: "A".repeat(31) }, "order.id"],
    ["an empty description", { description: "" }, "order.description"],
    ["a description of 128 characters", { description: "d".repeat(128) }, "order.description"],
    ["a non-http callback URL", { urls: { callbackUrl: "javascript:alert(1)" } }, "url.callbackUrl"],
    ["a local phone number", { customer: { ...basicSeedInput().customer, mobilePhone: "081286288800" } }, "customer.mobilePhone"],
    ["a bad email", { customer: { ...basicSeedInput().customer, email: "not-an-email" } }, "customer.email"],
    ["an item with a fractional price", { items: [{ name: "x", quantity: 1, unitPrice: 0.5 }] }, "order.item.0.unitPrice"],
    ["an item with quantity 0", { items: [{ name: "x", quantity: 0, unitPrice: 1 }] }, "order.item.0.quantity"],
    ["an item with quantity 1000", { items: [{ name: "x", quantity: 1000, unitPrice: 1 }] }, "order.item.0.quantity"],
    ["an item without a name", { items: [{ name: "", quantity: 1, unitPrice: 1 }] }, "order.item.0.name"],
    ["an empty item list", { items: [] }, "order.item"],
  ] as const)("%s", (_label, patch, field) => {
    const error = catchBuild(() => buildBasicCardPayment({ ...basicSeedInput(), ...(patch as Partial<PaymentInput>) }));
    expect(error.kind).toBe("validation");
    expect(error.operation).toBe("build");
    expect(error.retryable).toBe(false);
    expect(error.field).toBe(field);
    expect(error.issues?.[0]?.path).toBe(field);
  });

  it("two-click refuses a token that is not 64 lowercase hex", () => {
    for (const cardToken of ["", SEED_TOKEN.slice(1), SEED_TOKEN.toUpperCase(), `${SEED_TOKEN.slice(0, 63)}g`]) {
      const error = catchBuild(() => buildTwoClickPayment({ ...basicSeedInput(), cardToken }));
      expect(error.field).toBe("card.token");
    }
  });
});

describe("delivery: shipping, billing.address, device and the delivery line", () => {
  const address = { street: "Jl. Braga No. 12", street2: "Braga, Sumur Bandung", city: "Kota Bandung", stateProvince: "Jawa Barat", stateProvinceCode: "JB", postcodeZip: "40111" };
  const withDelivery = (overrides: Partial<PaymentInput> = {}): PaymentInput => ({
    ...basicSeedInput(),
    amount: 201_000,
    items: [{ name: "Kopi Gayo 250g", quantity: 2, unitPrice: 95_000 }],
    shipping: { method: "GROUND", cost: 11_000, label: "Delivery: JNE REG", sku: "SHIP-JNE-REG", originPostcode: "12160", contact: { firstName: "Rina", lastName: "", mobilePhone: "+6281377778888" }, address },
    billingAddress: address,
    device: { ipAddress: "::ffff:203.0.113.7", userAgent: "Mozilla/5.0" },
    ...overrides,
  });

  it("adds the objects in the request table's order, a delivery line that makes the items add up, and IDN", () => {
    const body = buildBasicCardPayment(withDelivery());
    expect(Object.keys(body)).toEqual(["customer", "order", "url", "billing", "shipping", "sourceOfFunds", "device"]);
    expect(body.order.item?.[1]).toEqual({ name: "Delivery: JNE REG", quantity: "1", unitPrice: "11000", category: "Shipping", sku: "SHIP-JNE-REG" });
    expect(body.billing).toEqual({ address: { ...address, country: "IDN" } });
    expect(body.shipping).toEqual({ method: "GROUND", origin: { postcodeZip: "12160" }, contact: { firstName: "Rina", lastName: "-", mobilePhone: "+6281377778888" }, address: { ...address, country: "IDN" } });
    expect(body.device).toEqual({ browser: "Mozilla/5.0", ipAddress: "203.0.113.7" });
  });

  it("refuses items that do not add up to the amount, naming order.amount", () => {
    const error = catchBuild(() => buildBasicCardPayment(withDelivery({ amount: 190_000 })));
    expect(error.field).toBe("order.amount");
    expect(error.issues?.[0]?.message).toBe("the items add up to 201000, not to the amount 190000");
  });

  it("leaves device.ipAddress out for IPv6, garbage or nothing, and device out when nothing is known", () => {
    for (const ipAddress of ["2001:db8::1", "::1", "999.1.1.1", "", null]) {
      expect(buildBasicCardPayment(withDelivery({ device: { ipAddress, userAgent: "UA" } })).device).toEqual({ browser: "UA" });
    }
    expect(buildBasicCardPayment(withDelivery({ device: { ipAddress: null, userAgent: "  " } })).device).toBeUndefined();
    expect(buildBasicCardPayment(withDelivery({ device: { userAgent: "x".repeat(5000) } })).device?.browser).toHaveLength(2048);
  });

  it("refuses an address Finpay would refuse: a province name over 20 characters", () => {
    const error = catchBuild(() => buildBasicCardPayment(withDelivery({ billingAddress: { ...address, stateProvince: "Kepulauan Bangka Belitung" } })));
    expect(error.field).toBe("billing.address.stateProvince");
  });
});
