import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import * as finpay from "./index";

const here = fileURLToPath(new URL(".", import.meta.url));

describe("public API", () => {
  it("exports the adapter from one entry point", () => {
    for (const name of [
      "createFinpayClient",
      "buildBasicCardPayment",
      "buildSaveCardPayment",
      "buildTwoClickPayment",
      "verifyCallbackSignature",
      "signCallback",
      "withSignature",
      "phpJsonEncode",
      "hmacSha512Hex",
      "parseCallback",
      "CALLBACK_ACK",
      "mapFinpayStatus",
      "isPaidStatus",
      "FinpayError",
      "FINPAY_HOSTS",
      "initiateRequestSchema",
      "callbackPayloadSchema",
      "storedCardsResponseSchema",
      "shortenToken",
      "lastFour",
    ]) {
      expect(finpay, name).toHaveProperty(name);
    }
  });
});

describe("boundary: liftable into any Node project", () => {
  const sources = readdirSync(here).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));

  it.each(sources)("%s imports only zod, node: built-ins and siblings", (file) => {
    const text = readFileSync(join(here, file), "utf8");
    const specifiers = [...text.matchAll(/\b(?:from|import)\s*\(?\s*["']([^"']+)["']/g)].map((m) => m[1]);
    for (const spec of specifiers) {
      expect(spec === "zod" || spec?.startsWith("node:") || /^\.\/[\w-]+$/.test(spec ?? ""), `${file}: ${spec}`).toBe(true);
    }
  });
});
