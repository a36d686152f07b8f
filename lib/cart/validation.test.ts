import { describe, expect, it } from "vitest";
import { addToCartSchema, isValidCartId } from "./validation";

describe("cart input validation", () => {
  it.each(["1", "2", "99", " 7 "])("accepts quantity %j", (quantity) => {
    expect(addToCartSchema.safeParse({ productId: "3", quantity }).success).toBe(true);
  });

  it.each(["0", "-1", "1.5", "100", "1e1", "", "abc", "0x10"])("refuses quantity %j with the quantity message (a key of cart.errors)", (quantity) => {
    const result = addToCartSchema.safeParse({ productId: "3", quantity });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("quantity");
  });

  it.each(["0", "-2", "abc", "1.0", "99999999999"])("refuses product id %j", (productId) => {
    expect(addToCartSchema.safeParse({ productId, quantity: "1" }).success).toBe(false);
  });

  it("accepts only a UUID as cart id", () => {
    expect(isValidCartId("6f1c2f0e-3d4b-4a5c-9e8f-0a1b2c3d4e5f")).toBe(true);
    expect(isValidCartId("6f1c2f0e-3d4b-4a5c-9e8f-0a1b2c3d4e5")).toBe(false);
    expect(isValidCartId("'; drop table carts; --")).toBe(false);
  });
});
