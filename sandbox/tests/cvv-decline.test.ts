import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { SEED_CARD_TOKEN, SEED_CUSTOMER_ID } from "../payments";
import { basicRequest, cardFields, initiateAccepted, withSandboxAndReceiver, type CallbackReceiver, type TestSandbox } from "./helpers";

/**
 * The documented declining CVV (999): the pretend issuer answers "CVV mismatch" on the card page and on the
 * two-click page, Finpay reports FAILURE with that statusDesc (check-status and the signed callback), the browser
 * goes to failUrl, and no card is stored. Every other well-formed CVV still pays.
 */
describe("declining CVV", () => {
  let sb: TestSandbox;
  let receiver: CallbackReceiver;
  withSandboxAndReceiver((started) => ({ sb, receiver } = started));

  const FAIL_URL = "http://localhost:3000/fail";
  const initiate = (patch?: Parameters<typeof basicRequest>[1]) =>
    initiateAccepted(sb, receiver.url, (b) => {
      b.url.successUrl = "http://localhost:3000/success";
      b.url.failUrl = FAIL_URL;
      patch?.(b);
    });
  const status = async (id: string) => (await sb.api("GET", `/pg/payment/card/check/${id}`)).json.data as { result: { payment: { status: string; statusDesc: string | null } } };
  const callbackOf = (id: string) => receiver.received.map((c) => JSON.parse(c.body) as { order: { id: string }; result: { payment: { status: string; statusDesc: string; userDesc: string } } }).find((c) => c.order.id === id);
  const DECLINED = { status: "FAILURE", statusDesc: "Declined: card security code (CVV) mismatch" };

  it("card page: CVV 999 declines the approved Mastercard, says why, and does not store the card", async () => {
    const { id, path } = await initiate((b) => (b.card = { storedOnFile: "TO_BE_STORED" }));
    const response = await sb.form(path, cardFields("5123450000000008", { cvv: "999" }));
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(FAIL_URL);
    expect((await status(id)).result.payment).toMatchObject(DECLINED);
    const callback = callbackOf(id);
    expect(callback?.result.payment).toMatchObject({ ...DECLINED, userDesc: expect.stringContaining("security code (CVV) is incorrect") });
    const { order } = (await sb.control("GET", `/orders/${id}`)).json as { order: { storedCardToken: string | null } };
    expect(order.storedCardToken).toBeNull();
  });

  it("card page: CVV 999 declines before any 3-D Secure step", async () => {
    const { id, path } = await initiate();
    const response = await sb.form(path, cardFields("4000000000003220", { cvv: "999" }));
    expect(response.headers.get("location")).toBe(FAIL_URL);
    expect((await status(id)).result.payment).toMatchObject(DECLINED);
  });

  it("card page: another CVV still pays", async () => {
    const { id, path } = await initiate();
    await sb.form(path, cardFields("5123450000000008", { cvv: "998" }));
    expect((await status(id)).result.payment.status).toBe("CAPTURED");
  });

  it("two-click page: CVV 999 declines the stored card; the card stays stored and pays with its CVV next time", async () => {
    const twoClick = (b: Parameters<NonNullable<Parameters<typeof basicRequest>[1]>>[0]) => {
      b.customer.id = SEED_CUSTOMER_ID;
      b.card = { token: SEED_CARD_TOKEN, storedOnFile: "STORED" };
    };
    const declined = await initiate(twoClick);
    const response = await sb.form(declined.path, { cvv: "999" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(FAIL_URL);
    expect((await status(declined.id)).result.payment).toMatchObject(DECLINED);
    expect(callbackOf(declined.id)?.result.payment).toMatchObject(DECLINED);

    const cards = await sb.api("GET", `/pg/payment/card/customer/${encodeURIComponent(SEED_CUSTOMER_ID)}`);
    expect(JSON.stringify(cards.json)).toContain(SEED_CARD_TOKEN);
    const paid = await initiate(twoClick);
    await sb.form(paid.path, { cvv: "321" });
    expect((await status(paid.id)).result.payment.status).toBe("CAPTURED");
  });

  it("the control API's pay takes a CVV too", async () => {
    const { id } = await initiate();
    const answer = await sb.control("POST", `/orders/${id}/pay`, { cvv: "999" });
    expect(answer.status).toBe(200);
    expect((await status(id)).result.payment).toMatchObject(DECLINED);
  });

  it("the test-card table documents it", async () => {
    const { path } = await initiate();
    const html = await (await fetch(`${sb.url}${path}`)).text();
    expect(html).toContain("Any card with CVV <code>999</code>");
    expect(html).toContain("Declined (card security code (CVV) mismatch)");
  });
});

describe("hosted pages' script, busy state and Content-Security-Policy", () => {
  let sb: TestSandbox;
  let receiver: CallbackReceiver;
  withSandboxAndReceiver((started) => ({ sb, receiver } = started));

  it("allows exactly the page's inline script and stylesheet by hash, and nothing else", async () => {
    const { path } = await initiateAccepted(sb, receiver.url);
    const response = await fetch(`${sb.url}${path}`);
    const html = await response.text();
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain("unsafe-inline");
    const hash = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
    expect(scripts).toHaveLength(1);
    expect(styles).toHaveLength(1);
    expect(csp).toContain(`script-src ${hash(scripts[0]!)}`);
    expect(csp).toContain(`style-src ${hash(styles[0]!)}`);
    expect(html).not.toMatch(/\son[a-z]+=/); // no inline event handlers, which the policy would block
  });

  it("marks the pay forms for the busy state with a live region", async () => {
    const { path } = await initiateAccepted(sb, receiver.url);
    const html = await (await fetch(`${sb.url}${path}`)).text();
    expect(html).toContain('data-busy-label="Processing…"');
    expect(html).toContain('role="status" data-busy-status');
  });
});
