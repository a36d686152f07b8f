import { describe, expect, it } from "vitest";
import { FinpayError } from "@/lib/finpay";
import { MESSAGES } from "@/messages";
import { classifyDecline, describeGatewayFailure, failureOf, isPaymentFailure, storedFailure } from "./messages";

describe("payment failures in plain words", () => {
  it.each([
    ["Do not honour", null, "declinedBank"],
    ["05 - Do not honour", null, "declinedBank"],
    ["Insufficient funds", "Your card has insufficient funds.", "declinedFunds"],
    ["51", null, "declinedFunds"],
    ["Exceeds withdrawal amount limit", null, "declinedFunds"],
    ["Expired card", null, "declinedExpired"],
    ["54 Expired card", null, "declinedExpired"],
    ["N7: CVV2 mismatch", null, "declinedCvv"],
    ["Invalid card number", null, "declinedInvalid"],
    ["3-D Secure authentication failed", "The card holder could not be authenticated.", "declinedAuthentication"],
    ["Processing error: issuer or switch inoperative", null, "declinedTryLater"],
    ["91", null, "declinedTryLater"],
    ["Lost card, pick up", null, "declinedContactBank"],
    [null, null, "declinedBank"],
    ["Something the table has never seen", null, "declinedBank"],
  ])("Finpay's %j (%j) reads as %s", (statusDesc, userDesc, failure) => {
    expect(classifyDecline(statusDesc, userDesc)).toBe(failure);
  });

  it("maps gateway errors to codes, and anything else to 'unreachable'", () => {
    expect(describeGatewayFailure(new FinpayError({ kind: "timeout", message: "x", operation: "initiate" }))).toBe("timeout");
    expect(describeGatewayFailure(new FinpayError({ kind: "malformed_response", message: "x", operation: "initiate" }))).toBe("malformed");
    expect(describeGatewayFailure(new Error("boom"))).toBe("unreachable");
  });

  it("stores the code with the issuer's words for the merchant, and reads the code back", () => {
    const stored = storedFailure("declinedBank", "Do not honour");
    expect(stored).toBe("declinedBank (Do not honour)");
    expect(failureOf(stored)).toBe("declinedBank");
    expect(failureOf(storedFailure("neverOpened"))).toBe("neverOpened");
    expect(storedFailure("declinedBank", "a\u0000b".repeat(100)).length).toBeLessThan(140);
    // A sentence stored before failures had codes still reads as a failure, in general words.
    expect(failureOf("The card payment was declined (Do not honour). You have not been charged.")).toBe("generic");
    expect(failureOf(null)).toBeNull();
  });

  it("has words in both languages for every failure code, none of them the issuer's", () => {
    for (const locale of ["id", "en"] as const) {
      const failures = MESSAGES[locale].payments.failures;
      for (const key of Object.keys(failures)) expect(isPaymentFailure(key)).toBe(true);
      expect(failures.declinedBank).not.toMatch(/honou?r/i);
    }
    expect(MESSAGES.en.payments.failures.declinedBank).toBe("Your bank declined the payment. You have not been charged; try another card or contact your bank.");
  });
});
