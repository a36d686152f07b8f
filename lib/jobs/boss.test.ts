import { describe, expect, it } from "vitest";
import { PgDialect } from "drizzle-orm/pg-core";
import { positionalSql } from "./boss";

describe("pg-boss SQL through Drizzle", () => {
  it("turns each $n into a parameter with its value, objects as JSON text", () => {
    const query = new PgDialect().sqlToQuery(positionalSql("select $1::int, $2::jsonb, coalesce($1, 0), $$body$$", [7, { a: 1 }]));
    expect(query.sql).toBe("select $1::int, $2::jsonb, coalesce($3, 0), $$body$$");
    expect(query.params).toEqual([7, '{"a":1}', 7]);
  });
});
