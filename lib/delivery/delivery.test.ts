import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { orders, products } from "@/db/schema";
import { startCheckout } from "@/lib/payments/checkout";
import { cartFingerprint } from "@/lib/payments/cart-fingerprint";
import { attemptsOf, deliveryFor, fillCart, newAddress, newCustomer } from "@/test-support/payment-fixtures";
import { withFinpaySandbox } from "@/test-support/payment-sandbox";
import { PROVINCES } from "./provinces";
import { quoteDelivery } from "./quote";
import { billableKg, FREE_SHIPPING_MIN_IDR, quoteAll, quoteService, COURIER_SERVICES } from "./rates";

/**
 * Delivery with real parts: the rate table priced through the database (product weights, the customer's own
 * addresses) on PGlite or PostgreSQL, and checkouts against the sandbox over HTTP, reading what Finpay received.
 */
const finpay = withFinpaySandbox();

const service = (id: string) => COURIER_SERVICES.find((s) => s.id === id)!;

describe("the rate table", () => {
  it("lists Indonesia's 38 provinces once each, with ISO codes and names Finpay accepts", () => {
    expect(PROVINCES).toHaveLength(38);
    expect(new Set(PROVINCES.map((p) => p.code)).size).toBe(38);
    for (const p of PROVINCES) {
      expect(p.code).toMatch(/^ID-[A-Z]{2}$/);
      expect(p.finpayName.length).toBeLessThanOrEqual(20);
    }
    expect(PROVINCES.filter((p) => p.finpayName !== p.name).map((p) => p.name)).toEqual(["Kepulauan Bangka Belitung", "Daerah Istimewa Yogyakarta"]);
  });

  it("prices each zone per started kilogram: 1 g and 1,000 g are 1 kg, 1,001 g is 2 kg", () => {
    expect([0, 1, 1000, 1001, 2000, 29_001].map(billableKg)).toEqual([1, 1, 1, 2, 2, 30]);
    const reg = service("jne-reg");
    const perZone = Object.fromEntries(
      (["jawa", "sumatra", "bali_nusa_tenggara", "kalimantan", "sulawesi", "maluku_papua"] as const).map((zone) => {
        const oneKg = quoteService(reg, zone, 1000, 0);
        const twoKg = quoteService(reg, zone, 1001, 0);
        return [zone, [oneKg.available && oneKg.costIdr, twoKg.available && twoKg.costIdr]];
      }),
    );
    expect(perZone).toEqual({
      jawa: [11_000, 22_000],
      sumatra: [29_000, 58_000],
      bali_nusa_tenggara: [32_000, 64_000],
      kalimantan: [38_000, 76_000],
      sulawesi: [45_000, 90_000],
      maluku_papua: [89_000, 178_000],
    });
  });

  it("keeps each courier to its zones and its weight limit, lower where a zone is reached by air", () => {
    const available = (zone: Parameters<typeof quoteAll>[0], grams: number) => quoteAll(zone, grams, 0).filter((q) => q.available).map((q) => q.id);
    expect(available("jawa", 10_000)).toEqual(["jne-reg", "jne-yes", "sicepat-best", "jnt-ez"]);
    expect(available("jawa", 10_001)).toEqual(["jne-reg", "jnt-ez"]);
    expect(available("jawa", 20_001)).toEqual(["jne-reg"]);
    expect(available("jawa", 30_000)).toEqual(["jne-reg"]);
    expect(available("jawa", 30_001)).toEqual([]);
    expect(available("kalimantan", 1000)).toEqual(["jne-reg", "jne-yes", "jnt-ez"]);
    expect(available("maluku_papua", 1000)).toEqual(["jne-reg", "jnt-ez"]);
    expect(available("maluku_papua", 15_001)).toEqual(["jne-reg"]);
    expect(available("maluku_papua", 20_001)).toEqual([]);
    expect(quoteService(service("sicepat-best"), "sulawesi", 1000, 0)).toMatchObject({ available: false, reason: "Does not deliver to Sulawesi", why: { kind: "zone", zone: "sulawesi" } });
    expect(quoteService(service("jne-reg"), "maluku_papua", 20_001, 0)).toMatchObject({ available: false, reason: "Carries at most 20 kg to Maluku & Papua", why: { kind: "weight", maxKg: 20, zone: "maluku_papua" } });
  });

  it("makes regular services free from the threshold on, never express ones", () => {
    const below = quoteAll("jawa", 1000, FREE_SHIPPING_MIN_IDR - 1);
    const at = quoteAll("jawa", 1000, FREE_SHIPPING_MIN_IDR);
    expect(below.map((q) => q.available && q.costIdr)).toEqual([11_000, 19_000, 17_000, 10_000]);
    expect(at.map((q) => q.available && q.costIdr)).toEqual([0, 19_000, 17_000, 0]);
    expect(at[0]).toMatchObject({ free: true, listPriceIdr: 11_000 });
  });
});

describe("delivery priced from the database", () => {
  it("weighs the cart from product weights and prices it for the customer's own address", async () => {
    const user = await newCustomer();
    const papua = await newAddress(user.id, { provinceCode: "ID-PA", city: "Kota Jayapura", postalCode: "99111" });
    const lines = [{ productId: await productId("lampu-bambu"), quantity: 3, lineTotalIdr: 630_000 }]; // 4.5 kg
    const quoted = await quoteDelivery(user.id, lines, { addressId: papua.id, optionId: "jne-reg" });
    expect(quoted).toMatchObject({ ok: true, quote: { itemsSubtotalIdr: 630_000, shippingIdr: 0, totalIdr: 630_000, snapshot: { weightGrams: 4500, option: { id: "jne-reg", listPriceIdr: 5 * 89_000, free: true } } } });
    // Below the threshold the same parcel pays 5 started kilograms.
    const cheaper = await quoteDelivery(user.id, [{ ...lines[0]!, lineTotalIdr: 420_000 }], { addressId: papua.id, optionId: "jnt-ez" });
    expect(cheaper).toMatchObject({ ok: true, quote: { shippingIdr: 5 * 85_000, totalIdr: 420_000 + 5 * 85_000 } });
  });

  it("refuses an option that does not serve the zone, an unknown option, someone else's address, and a parcel no courier takes", async () => {
    const user = await newCustomer();
    const stranger = await newCustomer();
    const papua = await newAddress(user.id, { provinceCode: "ID-PA", city: "Kota Jayapura", postalCode: "99111" });
    const theirs = await newAddress(stranger.id);
    const lamp = await productId("lampu-bambu");
    const light = [{ productId: lamp, quantity: 1, lineTotalIdr: 210_000 }];
    expect(await quoteDelivery(user.id, light, { addressId: papua.id, optionId: "jne-yes" })).toMatchObject({ ok: false, reason: "option" });
    expect(await quoteDelivery(user.id, light, { addressId: papua.id, optionId: "free-express" })).toMatchObject({ ok: false, reason: "option" });
    expect(await quoteDelivery(user.id, light, { addressId: theirs.id, optionId: "jne-reg" })).toMatchObject({ ok: false, reason: "address" });
    const heavy = [{ productId: lamp, quantity: 14, lineTotalIdr: 14 * 210_000 }]; // 21 kg: over every limit to Papua
    const refused = await quoteDelivery(user.id, heavy, { addressId: papua.id, optionId: "jne-reg" });
    expect(refused).toMatchObject({ ok: false, reason: "no_courier" });
    expect(refused).toMatchObject({ problem: { key: "noCourier", kg: 21, province: "Papua" } });
  });
});

describe("checkout with delivery", () => {
  it("sends Finpay shipping, billing, device and items that add up to the amount, and keeps a snapshot on the order", async () => {
    const user = await newCustomer();
    await fillCart(user.id, "kopi-gayo-arabika", 2); // 600 g, Rp 190.000
    const yogya = await newAddress(user.id, { provinceCode: "ID-YO", city: "Kota Yogyakarta", postalCode: "55213", recipientName: "Sri Sultan Hamengku", district: "Kraton, Kraton" });
    const result = await startCheckout(user, { method: "basic" }, randomUUID(), { addressId: yogya.id, optionId: "sicepat-best" }, { ipAddress: "203.0.113.7", userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0" });
    expect(result).toMatchObject({ ok: true });
    const [attempt] = await attemptsOf(result.orderId!);
    const body = await initiateBody(attempt!.finpayOrderId);
    expect(body.order.amount).toBe("207000");
    expect(body.order.item).toEqual([
      { name: "Kopi Gayo Arabika 250 g", quantity: "2", unitPrice: "95000", sku: expect.any(String) },
      { name: "Delivery: SiCepat BEST", quantity: "1", unitPrice: "17000", sku: "SHIP-SICEPAT-BEST", category: "Shipping" },
    ]);
    const address = { street: yogya.street, street2: "Kraton, Kraton", city: "Kota Yogyakarta", stateProvince: "DI Yogyakarta", stateProvinceCode: "YO", postcodeZip: "55213", country: "IDN" };
    expect(body.billing).toEqual({ address });
    expect(body.shipping).toEqual({ method: "OVERNIGHT", origin: { postcodeZip: "12160" }, contact: { firstName: "Sri", lastName: "Sultan Hamengku", mobilePhone: "+6281377778888", email: user.email }, address });
    expect(body.device).toEqual({ browser: "Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0", ipAddress: "203.0.113.7" });
    const order = await orderRow(result.orderId!);
    expect(order).toMatchObject({ totalIdr: 207_000, itemsSubtotalIdr: 190_000, shippingIdr: 17_000, delivery: { option: { id: "sicepat-best" }, address: { provinceName: "Daerah Istimewa Yogyakarta", postalCode: "55213" }, weightGrams: 600 } });
  });

  it("leaves out an IPv6 or missing shopper address, and cuts a long browser string to 2,048 characters", async () => {
    const user = await newCustomer();
    await fillCart(user.id, "teh-melati-premium", 1);
    const result = await startCheckout(user, { method: "basic" }, randomUUID(), await deliveryFor(user), { ipAddress: "2001:db8::7", userAgent: "M".repeat(3000) });
    const body = await initiateBody((await attemptsOf(result.orderId!))[0]!.finpayOrderId);
    expect(body.device).toEqual({ browser: "M".repeat(2048) });
  });

  it("another address or option for the same cart is a changed cart: the open link is cancelled and a new order made", async () => {
    const user = await newCustomer();
    await fillCart(user.id, "kopi-gayo-arabika", 1);
    const home = await deliveryFor(user);
    const first = await startCheckout(user, { method: "basic" }, randomUUID(), home);
    const again = await startCheckout(user, { method: "basic" }, randomUUID(), home);
    expect(again).toEqual(first);
    const express = await startCheckout(user, { method: "basic" }, randomUUID(), { ...home, optionId: "jne-yes" });
    expect(express.ok && express.orderId).not.toBe(first.orderId);
    expect((await orderRow(first.orderId!)).closedAt).not.toBeNull();
    const office = await newAddress(user.id, { street: "Jl. Sudirman Kav. 52", city: "Jakarta Selatan", provinceCode: "ID-JK", postalCode: "12190" });
    const elsewhere = await startCheckout(user, { method: "basic" }, randomUUID(), { addressId: office.id, optionId: "jne-yes" });
    expect(elsewhere.ok && elsewhere.orderId).not.toBe(express.orderId);
    const atFinpay = await finpay.ordersAtFinpay(user.email);
    expect(atFinpay.map((o) => o.status).sort()).toEqual(["CANCELLED", "CANCELLED", "REQUEST_INITIATED"]);
    // The fingerprint itself: the same lines, another option or address, another value.
    const lines = [{ productId: 1, quantity: 1, unitPriceIdr: 95_000 }];
    const snapshot = (await orderRow(first.orderId!)).delivery!;
    const base = cartFingerprint(lines, { address: snapshot.address, optionId: "jne-reg", shippingIdr: 11_000 });
    expect(cartFingerprint(lines, { address: snapshot.address, optionId: "jnt-ez", shippingIdr: 11_000 })).not.toBe(base);
    expect(cartFingerprint(lines, { address: { ...snapshot.address, postalCode: "40112" }, optionId: "jne-reg", shippingIdr: 11_000 })).not.toBe(base);
  });

  it("takes no order and asks Finpay for nothing when the parcel cannot be delivered or an option is tampered with", async () => {
    const user = await newCustomer();
    await fillCart(user.id, "lampu-bambu", 21); // 31.5 kg: over every courier's limit
    const home = await deliveryFor(user);
    expect(await startCheckout(user, { method: "basic" }, randomUUID(), home)).toMatchObject({ ok: false, reason: "delivery", message: { kind: "delivery", problem: { key: "noCourier", kg: 31.5 } } });
    const other = await newCustomer();
    await fillCart(other.id, "teh-melati-premium", 1);
    const papua = await newAddress(other.id, { provinceCode: "ID-PA", city: "Kota Jayapura", postalCode: "99111" });
    expect(await startCheckout(other, { method: "basic" }, randomUUID(), { addressId: papua.id, optionId: "sicepat-best" })).toMatchObject({ ok: false, reason: "delivery" });
    expect(await startCheckout(other, { method: "basic" }, randomUUID(), { addressId: randomUUID(), optionId: "jne-reg" })).toMatchObject({ ok: false, reason: "delivery" });
    const db = await getDb();
    for (const u of [user, other]) expect(await db.select().from(orders).where(eq(orders.userId, u.id))).toHaveLength(0);
    expect(await finpay.ordersAtFinpay(user.email)).toHaveLength(0);
    expect(await finpay.ordersAtFinpay(other.email)).toHaveLength(0);
  });

  it("refuses a product over its stock with 'Only N left', and a paid order takes what it bought out of stock", async () => {
    const db = await getDb();
    const slug = `kain-uji-${randomUUID().slice(0, 8)}`;
    const [cloth] = await db.insert(products).values({ slug, name: "Kain Uji", description: "Test cloth", priceIdr: 100_000, imagePath: "/products/kain-tenun-ikat.svg", weightGrams: 600, stock: 2 }).returning();
    const user = await newCustomer();
    await fillCart(user.id, slug, 3);
    expect(await startCheckout(user, { method: "basic" }, randomUUID(), await deliveryFor(user))).toMatchObject({ ok: false, reason: "stock", message: { kind: "stock", shortfalls: [{ name: "Kain Uji", stock: 2, wanted: 3 }] } });
    expect(await db.select().from(orders).where(eq(orders.userId, user.id))).toHaveLength(0);

    const buyer = await newCustomer();
    await fillCart(buyer.id, slug, 2);
    const bought = await startCheckout(buyer, { method: "basic" }, randomUUID(), await deliveryFor(buyer));
    expect(bought).toMatchObject({ ok: true });
    expect((await productRow(cloth!.id)).stock).toBe(2); // not taken before it is paid
    await finpay.payAtFinpay((await attemptsOf(bought.orderId!))[0]!.finpayOrderId);
    expect((await orderRow(bought.orderId!)).status).toBe("paid");
    expect((await productRow(cloth!.id)).stock).toBe(0);
    // Sold out now: the first customer is told so.
    expect(await startCheckout(user, { method: "basic" }, randomUUID(), await deliveryFor(user))).toMatchObject({ ok: false, reason: "stock", message: { kind: "stock", shortfalls: [{ name: "Kain Uji", stock: 0 }] } });
  });
});

async function productId(slug: string) {
  const db = await getDb();
  return (await db.select({ id: products.id }).from(products).where(eq(products.slug, slug)))[0]!.id;
}

async function productRow(id: number) {
  const db = await getDb();
  return (await db.select().from(products).where(eq(products.id, id)))[0]!;
}

async function orderRow(orderId: string) {
  const db = await getDb();
  return (await db.select().from(orders).where(eq(orders.id, orderId)))[0]!;
}

type InitiateBody = {
  order: { amount: string; item: unknown[] };
  billing?: unknown;
  shipping?: unknown;
  device?: unknown;
};

/** The initiate request exactly as the sandbox received it. */
async function initiateBody(finpayOrderId: string): Promise<InitiateBody> {
  const { json } = await finpay.sandbox.control("GET", `/requests?orderId=${finpayOrderId}`);
  const initiate = (json.requests as { path: string; body: InitiateBody }[]).find((r) => r.path.endsWith("/initiate"));
  if (!initiate) throw new Error(`the sandbox received no initiate for ${finpayOrderId}`);
  return initiate.body;
}
