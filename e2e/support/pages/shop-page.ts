import { expect, type Locator, type Page } from "@playwright/test";

/** The storefront a shopper sees: catalog, product pages, cart and checkout. */
export class ShopPage {
  /** The item count in the header's cart link. */
  readonly cartCount: Locator;
  readonly cartLines: Locator;
  readonly cartTotal: Locator;
  readonly checkoutTotal: Locator;
  /** The form's answer after "Add to cart". */
  readonly addedMessage: Locator;

  constructor(readonly page: Page) {
    this.cartCount = page.getByTestId("cart-count");
    this.cartLines = page.getByTestId("cart-line");
    this.cartTotal = page.getByTestId("cart-total");
    this.checkoutTotal = page.getByTestId("checkout-total");
    this.addedMessage = page.getByRole("status");
  }

  async gotoCatalog() {
    await this.page.goto("/");
    await expect(this.page.getByRole("heading", { name: "Crafted across the archipelago" })).toBeVisible();
  }

  openProduct(slug: string) {
    return this.page.goto(`/products/${slug}`);
  }

  /** On the product page that is open: sets the quantity (when not 1) and presses "Add to cart". */
  async addThisProduct(quantity = 1) {
    if (quantity !== 1) await this.page.getByLabel("Quantity", { exact: true }).fill(String(quantity));
    await this.page.getByRole("button", { name: "Add to cart" }).click();
  }

  /** Opens the product, adds it and waits for the confirmation. */
  async addToCart(slug: string, quantity = 1) {
    await this.openProduct(slug);
    await this.addThisProduct(quantity);
    await expect(this.addedMessage).toContainText("Added to cart");
  }

  async gotoCart() {
    await this.page.getByRole("link", { name: /^Cart/ }).click();
  }

  quantityOf(productName: string) {
    return this.page.getByLabel(`Quantity of ${productName}`, { exact: true });
  }

  async gotoCheckout() {
    await this.page.goto("/checkout");
    await expect(this.page.getByRole("heading", { name: "Checkout" })).toBeVisible();
  }

  /** On the checkout (or an unpaid order's "Pay again"): basic card payment, optionally saving the card. */
  async payWithNewCard(options: { save?: boolean } = {}) {
    if (options.save) await this.page.getByLabel("Save this card for next time").check();
    await this.page.getByRole("button", { name: "Pay with a new card" }).click();
  }

  /** Two-click payment with a saved card, named as the button shows it ("Mastercard •••• 0008"). */
  async payWithSavedCard(card: string) {
    await this.page.getByRole("button", { name: `Pay with ${card}` }).click();
  }
}
