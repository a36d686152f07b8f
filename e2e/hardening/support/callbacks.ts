import { expect, type APIRequestContext, type APIResponse, type Locator } from "@playwright/test";
import { phpJsonEncode, withSignature } from "@/lib/finpay";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { PaymentEventOutcome } from "@/db/event-outcomes";
import { outcomeLabel as wordsFor } from "@/lib/console/outcome-words";
import { control } from "../../support/sandbox";

export { sandboxCallbacks } from "../../support/sandbox";
import { APP_URL } from "./shop";

/** The merchant key both e2e servers share (playwright.config.ts): the tests play Finpay with it. */
export const MERCHANT_KEY = "SoSecret123";

export const CALLBACK_URL = `${APP_URL}/api/finpay/callback`;

export function postCallback(request: APIRequestContext, body: string | Buffer, contentType = "application/json", url = CALLBACK_URL): Promise<APIResponse> {
  // A Buffer goes out byte for byte; Playwright would JSON-encode a string sent as application/json.
  return request.post(url, { headers: { "Content-Type": contentType }, data: Buffer.from(body), failOnStatusCode: false });
}

/** Signs a payload the way Finpay does (HMAC over PHP's json_encode) and returns the bytes Finpay would send. */
export function signedBody(payload: Record<string, unknown>, key = MERCHANT_KEY): string {
  return phpJsonEncode(withSignature(payload, key));
}

/**
 * Settles a Finpay order at the sandbox without delivering its callback, and returns that callback's exact bytes,
 * so a test can deliver it (or tampered copies) itself.
 */
export async function settleWithoutCallback(request: APIRequestContext, finpayOrderId: string, outcome: "pay" | "fail" = "pay"): Promise<string> {
  await control(request, "/faults", { callbacks: { mode: "drop", count: 1 } });
  const settled = await control(request, `/orders/${finpayOrderId}/${outcome}`, {});
  expect(settled.callback.state).toBe("dropped");
  return settled.callback.body as string;
}

/** The payment inspector's label of one stored event outcome; typed, so a misspelt outcome fails the typecheck. */
export function outcomeLabel(inspector: Locator, outcome: PaymentEventOutcome): Locator {
  return inspector.getByText(outcomeInEnglish(outcome), { exact: true });
}

/** The English words the inspector and the callback log show for an outcome (lib/console/outcome-words.ts). */
function outcomeInEnglish(outcome: PaymentEventOutcome): string {
  const read = (file: string) => JSON.parse(readFileSync(path.join(process.cwd(), "messages/en", file), "utf8"));
  const { callbacks } = read("console.json") as { callbacks: { transition: string; outcomes: Record<string, string> } };
  const { status } = read("common.json") as { status: Record<string, string> };
  const label = wordsFor(outcome);
  if (label.kind === "transition") return callbacks.transition.replace("{from}", status[label.from]!).replace("{to}", status[label.to]!);
  return label.kind === "word" ? callbacks.outcomes[label.word]! : label.text;
}
