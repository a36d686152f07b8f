import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { orders } from "@/db/schema";
import { newCustomer } from "@/test-support/payment-fixtures";
import { listCallbacks, parseCallbackFilters } from "./callback-log";
import { encodeCursor } from "./cursor";
import { INCOMPLETE_MARKER, ordersCsvStream } from "./export";
import { parseExportQuery, parseOrderFilters } from "./filters";
import { listConsoleOrders, type ConsoleOrderRow } from "./orders";

/**
 * What an address can carry into the console's queries, on the real database: each value here once reached SQL (or
 * a Date) and answered 500 (a NUL is SQLSTATE 22021). Now each is named as a wrong field and the list still shows.
 */
const uuid = "00000000-0000-4000-8000-000000000000";
const hostileOrderParams: [string, Record<string, string>, string][] = [
  ["a NUL in the search", { q: "\u0000" }, "q"],
  ["a NUL inside an email", { q: "budi\u0000@example.com" }, "q"],
  ["control characters", { q: "kopi\u0001\u001b[31m\u007f\u0085" }, "q"],
  ["a lone surrogate", { q: "\ud800abc" }, "q"],
  ["an overlong search", { q: "x".repeat(5_000) }, "q"],
  ["year 0 (PostgreSQL has none)", { from: "0000-01-01" }, "from"],
  ["year 1", { from: "0001-01-01" }, "from"],
  ["the last day JavaScript can add to", { to: "9999-12-31" }, "to"],
  ["31 February", { from: "2026-02-31" }, "from"],
  ["a date cursor that Date.parse reads and PostgreSQL does not", { cursor: encodeCursor({ key: "1", id: uuid }) }, "cursor"],
  ["a date cursor in another format", { cursor: encodeCursor({ key: "Tue Mar 01 2022", id: uuid }) }, "cursor"],
  ["a date cursor in year 0", { cursor: encodeCursor({ key: "0000-01-01T00:00:00.000000Z", id: uuid }) }, "cursor"],
  ["a total cursor beyond integer", { sort: "total_desc", cursor: encodeCursor({ key: "99999999999", id: uuid }) }, "cursor"],
  ["a total cursor on the date sort", { sort: "newest", cursor: encodeCursor({ key: "65000", id: uuid }) }, "cursor"],
  ["a date cursor on the total sort", { sort: "total_asc", cursor: encodeCursor({ key: "2026-03-01T03:00:00.123000Z", id: uuid }) }, "cursor"],
  ["a cursor whose id is not a uuid", { cursor: encodeCursor({ key: "2026-03-01T03:00:00.123000Z", id: "0".repeat(36) }) }, "cursor"],
];

describe("console filters against hostile addresses", () => {
  let email: string;

  beforeAll(async () => {
    const user = await newCustomer();
    email = user.email;
    const db = await getDb();
    await db.insert(orders).values({ userId: user.id, totalIdr: 45_000 });
  });

  it.each(hostileOrderParams)("%s: the field is named and the list still answers", async (_name, params, field) => {
    const { filters, cursor, errors } = parseOrderFilters(params);
    expect(Object.keys(errors)).toEqual([field]);
    await expect(listConsoleOrders(filters, cursor)).resolves.toMatchObject({ rows: expect.any(Array) });
  });

  it("shows back what was typed without the characters that broke it", () => {
    expect(parseOrderFilters({ q: "kopi\u0000tubruk" }).values.q).toBe("kopitubruk");
    expect(parseOrderFilters({ q: "kopi\u0000tubruk" }).errors.q).toBe("searchInvalid");
    expect(parseOrderFilters({ q: "x".repeat(101) }).errors.q).toBe("searchTooLong");
    expect(parseOrderFilters({ from: "1999-12-31" }).errors.from).toBe("dateOutOfRange");
  });

  it("still reads good values: a real cursor of each kind, dates, and a search", async () => {
    for (const sort of ["newest", "total_desc"] as const) {
      const first = await listConsoleOrders({ sort, q: email }, undefined, 1);
      expect(first.rows).toHaveLength(1);
      const key = sort === "newest" ? "2026-03-01T03:00:00.123000Z" : "45000";
      const parsed = parseOrderFilters({ sort, cursor: encodeCursor({ key, id: uuid }), q: email, from: "2026-01-01", to: "2099-12-31" });
      expect(parsed.errors).toEqual({});
      expect(parsed.cursor).toBeDefined();
      await expect(listConsoleOrders(parsed.filters, parsed.cursor)).resolves.toMatchObject({ rows: expect.any(Array) });
    }
  });

  it.each([
    ["a month 13", { from: "2026-13-45" }, "from"],
    ["year 0", { to: "0000-01-01" }, "to"],
    ["an id past a safe integer", { before: "9".repeat(18) }, "before"],
  ])("callback log, %s: named, and the log still answers", async (_name, params, field) => {
    const { filters, errors } = parseCallbackFilters(params);
    expect(Object.keys(errors)).toEqual([field]);
    await expect(listCallbacks(filters)).resolves.toMatchObject({ rows: expect.any(Array) });
  });
});

describe("CSV export", () => {
  it("checks every parameter before the first byte: wrong values, unknown and repeated parameters are named", () => {
    const query = (text: string) => parseExportQuery(new URLSearchParams(text));
    expect(query("q=%00").errors).toEqual({ q: "searchInvalid" });
    expect(query("status=paid&stauts=paid").errors).toEqual({ stauts: "unknownParameter" });
    expect(query("status=paid&status=failed").errors).toEqual({ status: "repeatedParameter" });
    expect(query("cursor=abc").errors).toEqual({ cursor: "unknownParameter" });
    expect(query("from=2026-02-30&sort=sideways").errors).toEqual({ from: "dateInvalid", sort: "sortInvalid" });
    expect(Object.keys(query(`${"%01".repeat(500)}=1`).errors)).toEqual(["\u0001".repeat(60)]);
    expect(query("q=budi%40example.com&status=paid&method=basic&from=2026-01-01&to=2026-01-31&sort=oldest")).toEqual({
      filters: { q: "budi@example.com", status: "paid", method: "basic", from: "2026-01-01", to: "2026-01-31", sort: "oldest" },
      errors: {},
    });
  });

  it("a failure after the first rows ends the file with a line that says it is incomplete, not a cut-off download", async () => {
    const row: ConsoleOrderRow = {
      id: uuid,
      createdAt: new Date("2026-03-01T03:00:00Z"),
      status: "paid",
      totalIdr: 45_000,
      email: "budi@example.com",
      customerName: "Budi Santoso",
      method: "basic",
      finpayOrderId: "TN260301-ABC",
      refundedIdr: 0,
      paidAt: new Date("2026-03-01T03:05:00Z"),
      fulfilmentStatus: "unfulfilled",
      courier: null,
      trackingNumber: null,
      shippedAt: null,
      deliveredAt: null,
      delivery: null,
    };
    async function* failingPages(): AsyncGenerator<ConsoleOrderRow[]> {
      yield [row, row];
      throw new Error("connection terminated");
    }
    const stream = ordersCsvStream({ sort: "newest" }, { pages: failingPages(), incompleteNote: (count) => `stopped after ${count}` });
    const text = await new Response(stream).text();
    const lines = text.trimEnd().split("\r\n");
    expect(lines).toHaveLength(4);
    expect(lines.at(-1)).toBe(`${INCOMPLETE_MARKER},stopped after 2`);
  });
});
