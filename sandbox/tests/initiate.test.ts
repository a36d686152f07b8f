import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEED_CARD_TOKEN, SEED_CUSTOMER_ID } from "../payments";
import { basicRequest, fakeClock, startTestSandbox, type TestSandbox } from "./helpers";

type Body = ReturnType<typeof basicRequest>;
const CALLBACK = "http://127.0.0.1:9/finpay/callback";

describe("POST /pg/payment/card/initiate", () => {
  const clock = fakeClock(new Date("2026-03-01T03:00:00.000Z")); // 10:00 WIB
  let sb: TestSandbox;
  beforeAll(async () => {
    sb = await startTestSandbox({ clock: clock.now, publicUrl: "http://sandbox.test:4010" });
  });
  afterAll(() => sb.close());

  const initiate = (body: unknown) => sb.api("POST", "/pg/payment/card/initiate", body);

  describe("success", () => {
    it("answers like the reference: redirecturl on the sandbox, expiryLink in Jakarta time, processingTime", async () => {
      const answer = await initiate(basicRequest(CALLBACK));
      expect(answer.status).toBe(200);
      expect(Object.keys(answer.json)).toEqual(["responseCode", "responseMessage", "redirecturl", "expiryLink", "processingTime"]);
      expect(answer.json.responseCode).toBe("2000000");
      expect(answer.json.responseMessage).toBe("Success");
      expect(answer.json.redirecturl).toMatch(/^http:\/\/sandbox\.test:4010\/pg\/payment\/card\/access\/[0-9a-f]{64}$/);
      // now (10:00 WIB on 1 March) + the default 1440 minutes
      expect(answer.json.expiryLink).toBe("2026-03-02 10:00:00");
      expect(typeof answer.json.processingTime).toBe("number");
    });

    it("uses order.timeout minutes for the expiry", async () => {
      const answer = await initiate(basicRequest(CALLBACK, (b) => (b.order.timeout = "90")));
      expect(answer.json.expiryLink).toBe("2026-03-01 11:30:00");
    });

    it("accepts both seed samples verbatim (the two-click token is pre-stored for the seed customer)", async () => {
      const seedBasic = {
        customer: { id: "hajar.finnet@gmail.com", email: "hajar.finnet@gmail.com", firstName: "Hajar", lastName: "Ismail", mobilePhone: "+6281286288800" },
        order: { id: "1686716101151", amount: "1000", currency: "IDR", description: "Testing" },
        url: { callbackUrl: "https://sandboxx.finpay.co.id/simdev/finpay/result/tangkapCurl.php" },
        sourceOfFunds: { type: "cc" },
      };
      const seedTwoClick = {
        customer: { id: SEED_CUSTOMER_ID, email: "hajar.finnet@gmail.com", firstName: "Hajar", lastName: "Ismail", mobilePhone: "+6281286288844" },
        order: { id: "1685522371836", amount: "1000", currency: "IDR", description: "Testing" },
        url: { callbackUrl: "https://sandbox.finpay.co.id/simdev/finpay/result/tangkapCurl.php" },
        card: { token: SEED_CARD_TOKEN, storedOnFile: "STORED" },
        sourceOfFunds: { type: "cc" },
      };
      expect((await initiate(seedBasic)).json.responseCode).toBe("2000000");
      expect((await initiate(seedTwoClick)).json.responseCode).toBe("2000000");
    });

    it("accepts numbers where the docs send numeric strings, and ignores unknown members", async () => {
      const answer = await initiate(
        basicRequest(CALLBACK, (b) => {
          b.order.amount = 25000;
          b.order.timeout = 60;
          b.customer_details = { legacy: true }; // leftover Midtrans field, as the official plugin sends
        }),
      );
      expect(answer.json.responseCode).toBe("2000000");
    });

    it("accepts the optional objects (items, meta, billing, shipping, device)", async () => {
      const answer = await initiate(
        basicRequest(CALLBACK, (b) => {
          b.order.item = [{ name: "Kopi", quantity: "2", unitPrice: "75000", sku: "KOPI-250" }];
          b.meta = { data: { cartId: "c-1" } };
          b.billing = { address: { city: "Jakarta", country: "IDN" } };
          b.shipping = { method: "SAME_DAY" };
          b.device = { ipAddress: "10.0.0.1" };
          b.url.successUrl = "http://localhost:3000/ok";
          b.url.failUrl = "http://localhost:3000/fail";
          b.url.backUrl = "http://localhost:3000/cart";
        }),
      );
      expect(answer.json.responseCode).toBe("2000000");
    });
  });

  describe("validation: Finpay-style responseCode/responseMessage, HTTP status = first three digits", () => {
    const cases: Array<[rule: string, patch: (b: Body) => void, code: string, message: string]> = [
      // mandatory objects
      ["order missing", (b) => Reflect.deleteProperty(b, "order"), "4000002", "Invalid Mandatory Field order"],
      ["customer missing", (b) => Reflect.deleteProperty(b, "customer"), "4000002", "Invalid Mandatory Field customer"],
      ["url missing", (b) => Reflect.deleteProperty(b, "url"), "4000002", "Invalid Mandatory Field url"],
      ["sourceOfFunds missing", (b) => delete b.sourceOfFunds, "4000002", "Invalid Mandatory Field sourceOfFunds"],
      ["order not an object", (b) => (b.order = "x" as never), "4000001", "Invalid Field Format order"],
      // order
      ["order.id missing", (b) => delete b.order.id, "4000002", "Invalid Mandatory Field order.id"],
      ["order.id empty", (b) => (b.order.id = ""), "4000002", "Invalid Mandatory Field order.id"],
      ["order.id not Alpha Dash", (b) => (b.order.id = "ORDER 1"), "4000001", "Invalid Field Format order.id"],
      ["order.id with a slash", (b) => (b.order.id = "A/B"), "4000001", "Invalid Field Format order.id"],
      ["order.id of 31 characters", (b) => (b.order.id = "A".repeat(31)), "4000001", "Invalid Field Format order.id"],
      ["order.amount missing", (b) => delete b.order.amount, "4000002", "Invalid Mandatory Field order.amount"],
      ["order.amount with decimals", (b) => (b.order.amount = "1000.50"), "4000001", "Invalid Field Format order.amount"],
      ["order.amount zero", (b) => (b.order.amount = "0"), "4000001", "Invalid Field Format order.amount"],
      ["order.amount of 15 digits", (b) => (b.order.amount = "1".repeat(15)), "4000001", "Invalid Field Format order.amount"],
      ["order.amount negative number", (b) => (b.order.amount = -5), "4000001", "Invalid Field Format order.amount"],
      ["order.currency not IDR", (b) => (b.order.currency = "USD"), "4000001", "Invalid Field Format order.currency"],
      ["order.description over 127", (b) => (b.order.description = "x".repeat(128)), "4000001", "Invalid Field Format order.description"],
      ["order.timeout not numeric", (b) => (b.order.timeout = "1 day"), "4000001", "Invalid Field Format order.timeout"],
      ["order.timeout of 9 digits", (b) => (b.order.timeout = "123456789"), "4000001", "Invalid Field Format order.timeout"],
      ["order.item empty", (b) => (b.order.item = []), "4000001", "Invalid Field Format order.item"],
      ["order.item.0.name missing", (b) => (b.order.item = [{ quantity: "1", unitPrice: "1000" }]), "4000002", "Invalid Mandatory Field order.item.0.name"],
      ["order.item.1.quantity of 4 digits", (b) => (b.order.item = [{ name: "A", quantity: "1", unitPrice: "1" }, { name: "B", quantity: "1000", unitPrice: "1" }]), "4000001", "Invalid Field Format order.item.1.quantity"],
      // items against the amount (the items-add-up assumption of README.md)
      ["items adding up to less than the amount", (b) => (b.order.item = [{ name: "A", quantity: "2", unitPrice: "50000" }]), "4000001", "Invalid Field Format order.amount"],
      // billing, shipping, device (§3.8)
      ["billing.address.street over 100", (b) => (b.billing = { address: { street: "x".repeat(101) } }), "4000001", "Invalid Field Format billing.address.street"],
      ["billing.address.stateProvince over 20", (b) => (b.billing = { address: { stateProvince: "Kepulauan Bangka Belitung" } }), "4000001", "Invalid Field Format billing.address.stateProvince"],
      ["billing.address.country not alpha-3", (b) => (b.billing = { address: { country: "ID" } }), "4000001", "Invalid Field Format billing.address.country"],
      ["shipping.method unknown", (b) => (b.shipping = { method: "JNE_REG" }), "4000001", "Invalid Field Format shipping.method"],
      ["shipping.address.postcodeZip not Alpha Dash", (b) => (b.shipping = { address: { postcodeZip: "40 111" } }), "4000001", "Invalid Field Format shipping.address.postcodeZip"],
      ["shipping.address.stateProvinceCode over 3", (b) => (b.shipping = { address: { stateProvinceCode: "ID-JB" } }), "4000001", "Invalid Field Format shipping.address.stateProvinceCode"],
      ["shipping.address.city empty", (b) => (b.shipping = { address: { city: "" } }), "4000002", "Invalid Mandatory Field shipping.address.city"],
      ["shipping.contact.mobilePhone local format", (b) => (b.shipping = { contact: { mobilePhone: "081234567890" } }), "4000001", "Invalid Field Format shipping.contact.mobilePhone"],
      ["shipping.contact.firstName over 50", (b) => (b.shipping = { contact: { firstName: "x".repeat(51) } }), "4000001", "Invalid Field Format shipping.contact.firstName"],
      ["device.ipAddress IPv6", (b) => (b.device = { ipAddress: "2001:db8::1" }), "4000001", "Invalid Field Format device.ipAddress"],
      ["device.browser over 2048", (b) => (b.device = { browser: "M".repeat(2049) }), "4000001", "Invalid Field Format device.browser"],
      // customer
      ["customer.id missing", (b) => delete b.customer.id, "4000002", "Invalid Mandatory Field customer.id"],
      ["customer.id over 320", (b) => (b.customer.id = "x".repeat(321)), "4000001", "Invalid Field Format customer.id"],
      ["customer.email missing", (b) => delete b.customer.email, "4000002", "Invalid Mandatory Field customer.email"],
      ["customer.email malformed", (b) => (b.customer.email = "budi.example.co.id"), "4000001", "Invalid Field Format customer.email"],
      ["customer.firstName missing", (b) => delete b.customer.firstName, "4000002", "Invalid Mandatory Field customer.firstName"],
      ["customer.firstName over 50", (b) => (b.customer.firstName = "x".repeat(51)), "4000001", "Invalid Field Format customer.firstName"],
      ["customer.lastName empty", (b) => (b.customer.lastName = ""), "4000002", "Invalid Mandatory Field customer.lastName"],
      ["customer.mobilePhone missing", (b) => delete b.customer.mobilePhone, "4000002", "Invalid Mandatory Field customer.mobilePhone"],
      ["customer.mobilePhone local 08 format", (b) => (b.customer.mobilePhone = "081286288800"), "4000001", "Invalid Field Format customer.mobilePhone"],
      ["customer.mobilePhone not +62", (b) => (b.customer.mobilePhone = "+6591234567"), "4000001", "Invalid Field Format customer.mobilePhone"],
      ["customer.mobilePhone +620 trunk zero", (b) => (b.customer.mobilePhone = "+62081286288800"), "4000001", "Invalid Field Format customer.mobilePhone"],
      ["customer.mobilePhone too long", (b) => (b.customer.mobilePhone = "+62812862888001234"), "4000001", "Invalid Field Format customer.mobilePhone"],
      // url
      ["url.callbackUrl missing", (b) => delete b.url.callbackUrl, "4000002", "Invalid Mandatory Field url.callbackUrl"],
      ["url.callbackUrl not a URL", (b) => (b.url.callbackUrl = "not a url"), "4000001", "Invalid Field Format url.callbackUrl"],
      ["url.callbackUrl not http(s)", (b) => (b.url.callbackUrl = "ftp://example.com/cb"), "4000001", "Invalid Field Format url.callbackUrl"],
      ["url.successUrl over 320", (b) => (b.url.successUrl = `https://example.com/${"x".repeat(320)}`), "4000001", "Invalid Field Format url.successUrl"],
      ["url.backUrl javascript:", (b) => (b.url.backUrl = "javascript:alert(1)"), "4000001", "Invalid Field Format url.backUrl"],
      // card
      ["card.storedOnFile unknown", (b) => (b.card = { storedOnFile: "MAYBE" }), "4000001", "Invalid Field Format card.storedOnFile"],
      ["card.token missing for STORED", (b) => (b.card = { storedOnFile: "STORED" }), "4000002", "Invalid Mandatory Field card.token"],
      ["card.token not 64 hex", (b) => (b.card = { token: "abc", storedOnFile: "STORED" }), "4000001", "Invalid Field Format card.token"],
      ["card.token uppercase hex", (b) => (b.card = { token: SEED_CARD_TOKEN.toUpperCase(), storedOnFile: "STORED" }), "4000001", "Invalid Field Format card.token"],
      ["card.token without storedOnFile", (b) => (b.card = { token: SEED_CARD_TOKEN }), "4000002", "Invalid Mandatory Field card.storedOnFile"],
      ["card.token with TO_BE_STORED", (b) => (b.card = { token: SEED_CARD_TOKEN, storedOnFile: "TO_BE_STORED" }), "4000001", "Invalid Field Format card.storedOnFile"],
      ["card.expiryDate not YYMM", (b) => (b.card = { storedOnFile: "TO_BE_STORED", expiryDate: "1329" }), "4000001", "Invalid Field Format card.expiryDate"],
      // sourceOfFunds
      ["sourceOfFunds.type missing", (b) => (b.sourceOfFunds = {}), "4000002", "Invalid Mandatory Field sourceOfFunds.type"],
      ["sourceOfFunds.type not simulated", (b) => (b.sourceOfFunds = { type: "vabca" }), "4030001", "Feature Not Allowed"],
      // optional objects must still be objects
      ["meta not an object", (b) => (b.meta = "x"), "4000001", "Invalid Field Format meta"],
      ["billing not an object", (b) => (b.billing = ["x"]), "4000001", "Invalid Field Format billing"],
    ];

    for (const [rule, patch, code, message] of cases) {
      it(`${rule} -> ${code} "${message}"`, async () => {
        const answer = await initiate(basicRequest(CALLBACK, patch as (b: Body) => void));
        expect(answer.status).toBe(Number(code.slice(0, 3)));
        expect(answer.json).toMatchObject({ responseCode: code, responseMessage: message });
        expect(answer.json.traceId).toMatch(/^[0-9a-f-]{36}$/);
        expect(answer.json).not.toHaveProperty("redirecturl");
      });
    }

    it("refuses a body that is not JSON with Invalid Field Format body", async () => {
      const answer = await initiate("{not json");
      expect(answer.status).toBe(400);
      expect(answer.json).toMatchObject({ responseCode: "4000001", responseMessage: "Invalid Field Format body" });
    });

    it("refuses a JSON array body", async () => {
      const answer = await initiate([1, 2]);
      expect(answer.json).toMatchObject({ responseCode: "4000001", responseMessage: "Invalid Field Format body" });
    });

    it("refuses a duplicate order.id with 409 4090001 and keeps the first order", async () => {
      const first = basicRequest(CALLBACK);
      expect((await initiate(first)).json.responseCode).toBe("2000000");
      const again = await initiate({ ...first, order: { ...first.order, amount: "1" } });
      expect(again.status).toBe(409);
      expect(again.json).toMatchObject({ responseCode: "4090001", responseMessage: "Duplicate Order Id" });
      const check = await sb.api("GET", `/pg/payment/card/check/${String(first.order.id)}`);
      expect((check.json.data as { order: { amount: number } }).order.amount).toBe(150000);
    });

    it("refuses a two-click token that belongs to another customer with 403 4030015", async () => {
      const answer = await initiate(
        basicRequest(CALLBACK, (b) => {
          b.customer.id = "someone.else@example.com";
          b.card = { token: SEED_CARD_TOKEN, storedOnFile: "STORED" };
        }),
      );
      expect(answer.status).toBe(403);
      expect(answer.json).toMatchObject({ responseCode: "4030015", responseMessage: "Transaction Not Permitted" });
    });

    it("refuses an unknown two-click token with 403 4030015", async () => {
      const answer = await initiate(
        basicRequest(CALLBACK, (b) => {
          b.customer.id = SEED_CUSTOMER_ID;
          b.card = { token: "f".repeat(64), storedOnFile: "STORED" };
        }),
      );
      expect(answer.json.responseCode).toBe("4030015");
    });

    it("reports the first problem in the reference's member order (order before customer)", async () => {
      const answer = await initiate(
        basicRequest(CALLBACK, (b) => {
          delete b.customer.mobilePhone;
          b.order.id = "bad id";
        }),
      );
      expect(answer.json.responseMessage).toBe("Invalid Field Format order.id");
    });
  });
});
