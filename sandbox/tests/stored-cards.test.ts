import { describe, expect, it } from "vitest";
import { SEED_CARD_TOKEN, SEED_CUSTOMER_ID } from "../payments";
import { accessPath, basicRequest, cardFields, withSandboxAndReceiver, type CallbackReceiver, type TestSandbox } from "./helpers";

interface WireCard {
  token: string;
  mask: string;
  expiryDate: string;
  info: Record<string, string>;
  storedAt: string;
}

describe("stored cards: save, retrieve, two-click, delete", () => {
  let sb: TestSandbox;
  let receiver: CallbackReceiver;
  withSandboxAndReceiver((started) => ({ sb, receiver } = started));

  const retrieve = async (customerId: string) => {
    const answer = await sb.api("GET", `/pg/payment/card/customer/${encodeURIComponent(customerId)}`);
    expect(answer.status).toBe(200);
    return answer.json as { responseCode: string; data: { customer: { id: string }; cards: WireCard[] } };
  };

  const pay = async (customerId: string, fields: Record<string, string>, card?: Record<string, string>) => {
    const body = basicRequest(receiver.url, (b) => {
      b.customer.id = customerId;
      if (card) b.card = card;
    });
    const init = await sb.api("POST", "/pg/payment/card/initiate", body);
    expect(init.json.responseCode).toBe("2000000");
    const response = await sb.form(accessPath(init.json.redirecturl), fields);
    expect(response.status).toBe(303);
    return String(body.order.id);
  };

  it("starts with the seed's two-click token stored for the seed customer", async () => {
    const answer = await retrieve(SEED_CUSTOMER_ID);
    expect(answer).toMatchObject({ responseCode: "2000000", responseMessage: "Success", data: { customer: { id: SEED_CUSTOMER_ID } } });
    expect(answer.data.cards).toEqual([
      expect.objectContaining({ token: SEED_CARD_TOKEN, mask: "512345xxxxxx0008", info: expect.objectContaining({ brand: "MASTERCARD" }) }),
    ]);
  });

  it("answers an unknown customer with an empty list", async () => {
    const answer = await retrieve("nobody@example.com");
    expect(answer.responseCode).toBe("2000000");
    expect(answer.data.cards).toEqual([]);
  });

  it("stores the card when the customer ticks the box, and only after a successful payment", async () => {
    const customer = "save-box@example.com";
    await pay(customer, cardFields("4000000000000002", { saveCard: "yes" })); // declined: nothing stored
    expect((await retrieve(customer)).data.cards).toEqual([]);

    await pay(customer, cardFields("5123450000000008", { saveCard: "yes", expiry: "07/31" }));
    const [card, ...rest] = (await retrieve(customer)).data.cards;
    expect(rest).toEqual([]);
    expect(card).toEqual({
      token: expect.stringMatching(/^[0-9a-f]{64}$/),
      mask: "512345xxxxxx0008",
      expiryDate: "3107",
      info: { brand: "MASTERCARD", issuing: "BANCO DEL PICHINCHA CA", type: "CREDIT", subType: "STANDARD", country: "ECUADOR" },
      storedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
    });
  });

  it("returns the same token when the same card is stored again (no duplicates)", async () => {
    const customer = "twice@example.com";
    await pay(customer, cardFields("4508750015741019", { saveCard: "yes" }));
    await pay(customer, cardFields("4508750015741019", { saveCard: "yes" }));
    const cards = (await retrieve(customer)).data.cards;
    expect(cards).toHaveLength(1);
    expect(cards[0]?.info.brand).toBe("VISA");
  });

  it("stores the card without the box when the merchant sent card.storedOnFile TO_BE_STORED", async () => {
    const customer = "merchant-initiated@example.com";
    await pay(customer, cardFields("4508750015741019"), { storedOnFile: "TO_BE_STORED" });
    expect((await retrieve(customer)).data.cards).toHaveLength(1);
  });

  it("does not store the card for NOT_STORED even if the box is sent", async () => {
    const customer = "not-stored@example.com";
    await pay(customer, cardFields("4508750015741019", { saveCard: "yes" }), { storedOnFile: "NOT_STORED" });
    expect((await retrieve(customer)).data.cards).toEqual([]);
  });

  it("keeps each customer's cards apart", async () => {
    await pay("alice@example.com", cardFields("5123450000000008", { saveCard: "yes" }));
    await pay("bob@example.com", cardFields("5123450000000008", { saveCard: "yes" }));
    const alice = (await retrieve("alice@example.com")).data.cards;
    const bob = (await retrieve("bob@example.com")).data.cards;
    expect(alice).toHaveLength(1);
    expect(bob).toHaveLength(1);
    expect(alice[0]?.token).not.toBe(bob[0]?.token);
  });

  it("pays two-click with a stored token and the CVV only, then deletes the card", async () => {
    const customer = "two-click@example.com";
    await pay(customer, cardFields("5123450000000008", { saveCard: "yes" }));
    const token = (await retrieve(customer)).data.cards[0]?.token ?? "";

    const body = basicRequest(receiver.url, (b) => {
      b.customer.id = customer;
      b.card = { token, storedOnFile: "STORED" };
    });
    const init = await sb.api("POST", "/pg/payment/card/initiate", body);
    expect(init.json.responseCode).toBe("2000000");
    const response = await sb.form(accessPath(init.json.redirecturl), { cvv: "321" });
    expect(response.status).toBe(303);
    const check = await sb.api("GET", `/pg/payment/card/check/${String(body.order.id)}`);
    expect(check.json.data).toMatchObject({ card: { mask: "512345xxxxxx0008" }, result: { payment: { status: "CAPTURED" } } });

    const deleted = await sb.api("GET", `/pg/payment/card/customer/delete/${token}`);
    expect(deleted.status).toBe(200);
    expect(Object.keys(deleted.json)).toEqual(["responseCode", "responseMessage", "processingTime"]);
    expect(deleted.json).toMatchObject({ responseCode: "2000000", responseMessage: "Success" });
    expect((await retrieve(customer)).data.cards).toEqual([]);

    const again = await sb.api("GET", `/pg/payment/card/customer/delete/${token}`);
    expect(again.status).toBe(404);
    expect(again.json).toMatchObject({ responseCode: "4040001", responseMessage: "Card Token Not Found" });

    const reuse = await sb.api(
      "POST",
      "/pg/payment/card/initiate",
      basicRequest(receiver.url, (b) => {
        b.customer.id = customer;
        b.card = { token, storedOnFile: "STORED" };
      }),
    );
    expect(reuse.json.responseCode).toBe("4030015");
  });

  it("fails a two-click payment whose card was deleted after initiate", async () => {
    const customer = "deleted-midway@example.com";
    await pay(customer, cardFields("4508750015741019", { saveCard: "yes" }));
    const token = (await retrieve(customer)).data.cards[0]?.token ?? "";
    const body = basicRequest(receiver.url, (b) => {
      b.customer.id = customer;
      b.card = { token, storedOnFile: "STORED" };
    });
    const init = await sb.api("POST", "/pg/payment/card/initiate", body);
    await sb.api("GET", `/pg/payment/card/customer/delete/${token}`);
    const page = await fetch(`${sb.url}${accessPath(init.json.redirecturl)}`);
    expect(await page.text()).toContain("Saved card not available");
  });
});
