import { expect, type Locator, type Page } from "@playwright/test";
import { CHALLENGE_CODE } from "@/test-support/cards";
import type { SandboxControl } from "../sandbox";

/** Finpay's hosted card pages as the local sandbox serves them: card form, saved-card CVV form, 3-D Secure. */
export class HostedCardPage {
  readonly cardFormHeading: Locator;
  readonly savedCardHeading: Locator;
  readonly cardNumber: Locator;
  readonly cvv: Locator;
  readonly nameOnCard: Locator;
  readonly payButton: Locator;

  constructor(
    readonly page: Page,
    private readonly sandbox: SandboxControl,
  ) {
    this.cardFormHeading = page.getByRole("heading", { name: "Pay by card" });
    this.savedCardHeading = page.getByRole("heading", { name: "Pay with your saved card" });
    this.cardNumber = page.getByLabel("Card number");
    this.cvv = page.getByLabel("CVV");
    this.nameOnCard = page.getByLabel("Name on card");
    this.payButton = page.getByRole("button", { name: /^Pay Rp/ });
  }

  async expectCardForm() {
    await expect(this.cardFormHeading).toBeVisible();
  }

  /** Types a card into the basic card form without submitting it. */
  async fillCard(card: string, details: { expiry?: string; cvv?: string; name?: string } = {}) {
    await this.cardNumber.fill(card);
    await this.page.getByLabel("Expiry date (MM/YY)").fill(details.expiry ?? "12/39");
    await this.cvv.fill(details.cvv ?? "123");
    await this.nameOnCard.fill(details.name ?? "Dewi Anggraini");
  }

  async checkSaveCard() {
    await this.page.getByLabel("Save this card for faster checkout").check();
  }

  /** Fills and submits the basic card form. */
  async pay(card: string, options: { save?: boolean } = {}) {
    await this.expectCardForm();
    await this.fillCard(card);
    if (options.save) await this.checkSaveCard();
    await this.payButton.click();
  }

  /** Two-click: the saved-card page asks for the CVV only. */
  async payWithCvv(cvv = "321") {
    await expect(this.savedCardHeading).toBeVisible();
    await this.cvv.fill(cvv);
    await this.payButton.click();
  }

  /** The 3-D Secure step after a challenge card. */
  async passChallenge(code = CHALLENGE_CODE) {
    await expect(this.page.getByRole("heading", { name: "3-D Secure verification" })).toBeVisible();
    await this.page.getByLabel("One-time code").fill(code);
    await this.page.getByRole("button", { name: "Verify and pay" }).click();
  }

  async backToMerchant() {
    await this.page.getByRole("link", { name: "Back to merchant" }).click();
  }

  /** The Finpay order id of the page the browser is on. */
  finpayOrderId() {
    return this.sandbox.finpayOrderIdOf(this.page);
  }

  /** Finpay's order id and the shop's order id (from the successUrl the shop gave Finpay) of the open page. */
  async orderIds(): Promise<{ finpayOrderId: string; orderId: string }> {
    await this.expectCardForm();
    const finpayOrderId = await this.finpayOrderId();
    const order = await this.sandbox.order(finpayOrderId);
    return { finpayOrderId, orderId: new URL(order.urls.successUrl!).pathname.split("/").pop()! };
  }
}
