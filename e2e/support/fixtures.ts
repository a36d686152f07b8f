import { test as base } from "@playwright/test";
import { signUp, uniqueEmail } from "./accounts";
import { addAddress } from "./addresses";
import { HostedCardPage } from "./pages/hosted-card-page";
import { OrderPage } from "./pages/order-page";
import { ShopPage } from "./pages/shop-page";
import { SandboxControl } from "./sandbox";

export { expect } from "@playwright/test";
export { CARDS } from "@/test-support/cards";

/** A customer who has just signed up in this test's browser (fresh email: no state shared between tests). */
export type Customer = { email: string; password: string };

type Fixtures = {
  /** The sandbox's control API; faults are cleared before and after every test, even a failing one. */
  sandbox: SandboxControl;
  shop: ShopPage;
  hostedPage: HostedCardPage;
  orderPage: OrderPage;
  /** Signs up a new customer on `page`, with a delivery address in Bandung, before the test starts (see `withNewCustomer`). */
  customer: Customer;
};

/**
 * The specs' `test`: Playwright's, plus page objects for the shop, Finpay's hosted card page and the order page,
 * and the sandbox. Fixtures are created only when a test asks for them.
 */
export const test = base.extend<Fixtures>({
  // Automatic: every test starts and ends with no sandbox fault set, however the test before it ended.
  sandbox: [
    async ({ request }, use) => {
      const sandbox = new SandboxControl(request);
      await sandbox.clearFaults();
      await use(sandbox);
      await sandbox.clearFaults();
    },
    { auto: true },
  ],
  shop: async ({ page }, use) => use(new ShopPage(page)),
  hostedPage: async ({ page, sandbox }, use) => use(new HostedCardPage(page, sandbox)),
  orderPage: async ({ page }, use) => use(new OrderPage(page)),
  customer: async ({ page }, use) => {
    const customer = { email: uniqueEmail(), password: "rahasia-123" };
    await signUp(page, customer.email, customer.password);
    await addAddress(page);
    await use(customer);
  },
});

/** Every test of the file starts signed in as a new customer; the report names that customer's email. */
export function withNewCustomer() {
  test.beforeEach(async ({ customer }) => {
    test.info().annotations.push({ type: "customer", description: customer.email });
  });
}
