import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { orders, paymentEvents } from "@/db/schema";
import { transitionAttempt } from "@/lib/payments/state-machine";
import { newAttempt, newCustomer } from "@/test-support/payment-fixtures";
import { listCallbacks, parseCallbackFilters } from "./callback-log";
import { jakartaToday, parseOrderFilters } from "./filters";
import { getConsoleOrder } from "./order-detail";
import { decodeCursor } from "./cursor";
import { allConsoleOrders, listConsoleOrders } from "./orders";
import { getOverview } from "./overview";

/** The console's queries on the database under test (PGlite, or PostgreSQL with DATABASE_URL). */
describe("console queries", () => {
  let email: string;
  const ids: string[] = [];
  let paidFinpayId: string;

  beforeAll(async () => {
    const user = await newCustomer();
    email = user.email;
    const db = await getDb();
    // Six orders in the same millisecond-free instant plus a paid one: keyset pages must neither skip nor repeat.
    const at = new Date("2026-03-01T03:00:00.123Z");
    for (let i = 0; i < 6; i += 1) {
      const [order] = await db.insert(orders).values({ userId: user.id, totalIdr: 10_000 * (i + 1), createdAt: at, status: "expired", closedAt: at }).returning();
      ids.push(order!.id);
    }
    const [paid] = await db.insert(orders).values({ userId: user.id, totalIdr: 95_000 }).returning();
    const attempt = await newAttempt(paid!.id, { amountIdr: 95_000, method: "two_click" });
    await transitionAttempt(attempt.id, "paid");
    paidFinpayId = attempt.finpayOrderId;
    ids.push(paid!.id);
    await db.insert(paymentEvents).values([
      { attemptId: attempt.id, finpayOrderId: attempt.finpayOrderId, source: "callback", signatureValid: true, finpayStatus: "CAPTURED", outcome: "pending_to_paid",
        rawBody: `{"order":{"id":"${attempt.finpayOrderId}"},"result":{"payment":{"status":"CAPTURED","datetime":"2026-03-01 10:00:00"}}}`, receivedAt: new Date("2026-03-01T03:00:02Z") },
      { finpayOrderId: attempt.finpayOrderId, source: "callback", signatureValid: false, finpayStatus: "CAPTURED", outcome: "rejected_signature", flagged: true, rawBody: "{}" },
    ]);
  });

  it("pages through a customer's orders by keyset without skipping or repeating rows of the same instant", async () => {
    for (const sort of ["newest", "oldest", "total_desc", "total_asc"] as const) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await listConsoleOrders({ sort, q: email }, cursor, 2);
        seen.push(...page.rows.map((r) => r.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen.sort(), sort).toEqual([...ids].sort());
    }
    const all = [];
    for await (const page of allConsoleOrders({ sort: "newest", q: email }, 3)) all.push(...page);
    expect(all).toHaveLength(7);
    expect(decodeCursor("not-a-cursor", "newest")).toBeUndefined();
  });

  it("finds orders by email (any case), order number, Finpay order id, and filters by status and method", async () => {
    const paidId = ids.at(-1)!;
    expect((await listConsoleOrders({ sort: "newest", q: email.toUpperCase() })).rows).toHaveLength(7);
    expect((await listConsoleOrders({ sort: "newest", q: paidId.slice(0, 8).toUpperCase() })).rows.map((r) => r.id)).toContain(paidId);
    expect((await listConsoleOrders({ sort: "newest", q: paidFinpayId })).rows.map((r) => r.id)).toEqual([paidId]);
    const paid = await listConsoleOrders({ sort: "newest", q: email, status: "paid", method: "two_click" });
    expect(paid.rows).toEqual([expect.objectContaining({ id: paidId, email, method: "two_click", finpayOrderId: paidFinpayId, totalIdr: 95_000 })]);
    expect((await listConsoleOrders({ sort: "newest", q: email, from: "2026-03-01", to: "2026-03-01" })).rows).toHaveLength(6);
  });

  it("names wrong filters and keeps what was typed", () => {
    const parsed = parseOrderFilters({ status: "nope", from: "2026-02-30x", to: "2026-01-01", sort: "total_desc", q: "x".repeat(101) });
    expect(parsed.errors).toEqual({ from: "dateFormat", q: "searchTooLong", status: "statusInvalid" });
    expect(parsed.filters).toEqual({ sort: "total_desc", to: "2026-01-01" });
    expect(parsed.values.status).toBe("nope");
    expect(parseOrderFilters({ from: "2026-03-02", to: "2026-03-01" }).errors.to).toBe("endBeforeStart");
    expect(parseOrderFilters({ from: "2026-13-01" }).errors.from).toBe("dateInvalid");
  });

  it("computes the overview and lists callbacks, forged ones included", async () => {
    const overview = await getOverview();
    expect(overview.daily).toHaveLength(30);
    expect(overview.daily.at(-1)!.day).toBe(jakartaToday());
    expect(overview.sales.today).toBeGreaterThanOrEqual(95_000);
    expect(overview.twoClickShare).not.toBeNull();
    const invalid = await listCallbacks(parseCallbackFilters({ verdict: "invalid" }).filters);
    expect(invalid.rows.some((r) => r.finpayOrderId === paidFinpayId && r.outcome === "rejected_signature")).toBe(true);
    expect(parseCallbackFilters({ verdict: "maybe" }).errors.verdict).toBe("verdictInvalid");
  });

  it("shows the order with its forged callback flagged under the attempt it claimed", async () => {
    const detail = await getConsoleOrder(ids.at(-1)!, "id");
    expect(detail?.customer.email).toBe(email);
    expect(detail?.attempts[0]).toMatchObject({ status: "paid", refundableIdr: 95_000, canVoid: true });
    expect(detail?.flags).toEqual([expect.objectContaining({ kind: "bad_signature", source: "callback", outcome: "rejected_signature" })]);
    expect(await getConsoleOrder(randomUUID(), "id")).toBeUndefined();
    expect(await getConsoleOrder("nope", "id")).toBeUndefined();
  });
});
