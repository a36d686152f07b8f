import { describe, expect, it } from "vitest";
import { SEED_CARD_TOKEN, SEED_CUSTOMER_ID } from "../payments";
import { basicRequest, cardFields, initiateAccepted, withSandboxAndReceiver, type CallbackReceiver, type TestSandbox } from "./helpers";

/** HTML-level checks of the hosted pages over HTTP (the browser walk-through is e2e/sandbox-hosted-pages.spec.ts). */
describe("hosted pages", () => {
  let sb: TestSandbox;
  let receiver: CallbackReceiver;
  withSandboxAndReceiver((started) => ({ sb, receiver } = started));

  const initiate = (patch?: Parameters<typeof basicRequest>[1]) => initiateAccepted(sb, receiver.url, patch);
  const get = async (path: string) => {
    const response = await fetch(`${sb.url}${path}`, { redirect: "manual" });
    return { status: response.status, html: await response.text(), headers: response.headers };
  };

  it("basic page: order summary, labelled card fields, save box, test cards, back link", async () => {
    const { id, path } = await initiate((b) => (b.url.backUrl = "http://localhost:3000/cart"));
    const { status, html, headers } = await get(path);
    expect(status).toBe(200);
    expect(headers.get("content-type")).toMatch(/text\/html/);
    expect(headers.get("cache-control")).toBe("no-store");
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toContain('<html lang="en">');
    // Its own icon, inline: the browser does not go asking for a /favicon.ico the sandbox does not have.
    expect(html).toMatch(/<link rel="icon" type="image\/svg\+xml" href="data:image\/svg\+xml,[^"]+"/);
    expect(html).toContain(id);
    expect(html).toContain("Rp 150.000");
    expect(html).toContain("Kopi Toraja 250g");
    expect(html).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} WIB/);
    for (const [id, label] of [
      ["cardNumber", "Card number"],
      ["expiry", "Expiry date (MM/YY)"],
      ["cvv", "CVV"],
      ["nameOnCard", "Name on card"],
      ["saveCard", "Save this card for faster checkout"],
    ]) {
      expect(html).toContain(`<label for="${id}">${label}</label>`);
      expect(html).toContain(`id="${id}"`);
    }
    for (const pan of ["5123 4500 0000 0008", "4508 7500 1574 1019", "4000 0000 0000 0002", "4000 0000 0000 9995", "4000 0000 0000 3220", "4000 0000 0000 0119"]) {
      expect(html).toContain(pan);
    }
    expect(html).toContain('<a href="http://localhost:3000/cart">Back to merchant</a>');
  });

  it("re-renders invalid input with field messages tied by aria-describedby, keeping values except the CVV", async () => {
    const { path } = await initiate();
    const response = await sb.form(path, { cardNumber: "4111 1111 1111 1112", expiry: "01/20", cvv: "999", nameOnCard: "Budi <b>" });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('role="alert"');
    expect(html).toMatch(/id="cardNumber"[^>]*aria-invalid="true"[^>]*aria-describedby="cardNumber-hint cardNumber-error"/);
    expect(html).toContain('<p class="field-error" id="cardNumber-error">This card number is not valid.');
    expect(html).toContain('id="expiry-error">This card has expired.');
    expect(html).toContain('value="4111 1111 1111 1112"');
    expect(html).toContain('value="01/20"');
    expect(html).toContain('value="Budi &lt;b&gt;"'); // escaped, never raw HTML
    expect(html).not.toContain('value="999"');
  });

  it("without successUrl the browser lands on the sandbox's result page", async () => {
    const { path } = await initiate();
    const response = await sb.form(path, cardFields("5123450000000008"));
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`${path}/result`);
    const result = await get(`${path}/result`);
    expect(result.html).toContain("Payment successful");
  });

  it("two-click page shows the masked saved card and a CVV field only", async () => {
    const { path } = await initiate((b) => {
      b.customer.id = SEED_CUSTOMER_ID;
      b.card = { token: SEED_CARD_TOKEN, storedOnFile: "STORED" };
    });
    const { html } = await get(path);
    expect(html).toContain("Mastercard •••• 0008");
    expect(html).toContain("512345xxxxxx0008");
    expect(html).toContain('<label for="cvv">CVV</label>');
    expect(html).not.toContain('id="cardNumber"');
    expect(html).not.toContain('id="saveCard"');

    const wrong = await sb.form(path, { cvv: "12" });
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain("The CVV must be 3 digits.");
    expect((await sb.form(path, { cvv: "123" })).status).toBe(303);
  });

  it("3-D Secure card goes through the challenge step; the right code captures", async () => {
    const { id, path } = await initiate();
    const submit = await sb.form(path, cardFields("4000000000003220"));
    expect(submit.status).toBe(303);
    expect(submit.headers.get("location")).toBe(`${path}/3ds`);
    const challenge = await get(`${path}/3ds`);
    expect(challenge.html).toContain("3-D Secure verification");
    expect(challenge.html).toContain('<label for="otp">One-time code</label>');

    const empty = await sb.form(`${path}/3ds`, { otp: "" });
    expect(empty.status).toBe(422);
    const done = await sb.form(`${path}/3ds`, { otp: "123456" });
    expect(done.status).toBe(303);
    expect((await sb.api("GET", `/pg/payment/card/check/${id}`)).json.data).toMatchObject({ result: { payment: { status: "CAPTURED" } } });
    // the challenge page of a finished order shows the finished page
    expect((await get(`${path}/3ds`)).html).toContain("Payment already completed");
  });

  it("a wrong one-time code fails the payment", async () => {
    const { id, path } = await initiate();
    await sb.form(path, cardFields("4000000000003220"));
    await sb.form(`${path}/3ds`, { otp: "654321" });
    expect((await sb.api("GET", `/pg/payment/card/check/${id}`)).json.data).toMatchObject({
      result: { payment: { status: "FAILURE", statusDesc: "3-D Secure authentication failed" } },
    });
  });

  it("the 3-D Secure URL without a pending challenge goes back to the form", async () => {
    const { path } = await initiate();
    const response = await get(`${path}/3ds`);
    expect(response.status).toBe(303);
  });

  it("an already-finished payment shows its own page, not the form", async () => {
    const { path } = await initiate();
    await sb.form(path, cardFields("5123450000000008"));
    const { status, html } = await get(path);
    expect(status).toBe(200);
    expect(html).toContain("Payment already completed");
    expect(html).not.toContain('id="cardNumber"');
    // paying again is impossible
    const again = await sb.form(path, cardFields("5123450000000008"));
    expect(await again.text()).toContain("Payment already completed");
  });

  it("a TO_BE_STORED order tells the customer instead of offering the box", async () => {
    const { path } = await initiate((b) => (b.card = { storedOnFile: "TO_BE_STORED" }));
    const { html } = await get(path);
    expect(html).toContain("The merchant will save this card");
    expect(html).not.toContain('id="saveCard"');
  });

  it("an unknown link answers 404 with a page", async () => {
    const { status, html } = await get(`/pg/payment/card/access/${"0".repeat(64)}`);
    expect(status).toBe(404);
    expect(html).toContain("Payment link not found");
  });
});
