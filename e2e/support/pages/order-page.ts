import { expect, type Locator, type Page } from "@playwright/test";

/** The customer's order page (/orders/[orderId]) and its payment inspector. */
export class OrderPage {
  /** The status badge: "Paid", "Awaiting payment", "Payment failed", "Cancelled", "Payment link expired"... */
  readonly status: Locator;
  readonly countdown: Locator;
  readonly inspector: Locator;

  constructor(readonly page: Page) {
    this.status = page.getByTestId("order-status");
    this.countdown = page.getByTestId("link-countdown");
    this.inspector = page.getByTestId("payment-inspector");
  }

  goto(orderId: string) {
    return this.page.goto(`/orders/${orderId}`);
  }

  async expectStatus(text: string, options: { timeout?: number } = {}) {
    await expect(this.status).toHaveText(text, options);
  }

  async openInspector() {
    await this.page.getByText("Payment inspector").click();
  }

  async checkStatus() {
    await this.page.getByRole("button", { name: "Check status" }).first().click();
  }

  async cancelPayment() {
    await this.page.getByRole("button", { name: "Cancel payment" }).click();
  }

  /** "Pay again" on an unpaid order, with a new card. */
  async payAgainWithNewCard() {
    await this.page.getByRole("button", { name: "Pay with a new card" }).click();
  }
}
