import { expect, test, type APIRequestContext } from "@playwright/test";
import { merchantPage } from "../console/support";
import { actionId, actionResult, callAction } from "./support/actions";
import { CONTROL_VALUES, decoded, HOSTILE_VALUES } from "./support/hostile-values";
import { newCustomer } from "./support/shop";

/**
 * Every query string that reaches the database, with the values the page fuzz uses (security.spec.ts) and control
 * characters. Issue 25: `/console/orders?q=%00` was a 500 (PostgreSQL 22021) and the CSV export with it answered 200
 * and then cut the file.
 */

test.describe.configure({ timeout: 400_000 }); // several hundred requests on a shared 2-core machine

const VALUES = [...HOSTILE_VALUES, ...CONTROL_VALUES];

/** Each console page and the parameters it reads (the fuzz also sends each value as a parameter name). */
const CONSOLE_PAGES: Record<string, readonly string[]> = {
  "/console": [],
  "/console/orders": ["q", "status", "method", "from", "to", "sort", "cursor"],
  "/console/callbacks": ["verdict", "outcome", "from", "to", "before"],
};
const EXPORT_PARAMETERS = ["q", "status", "method", "from", "to", "sort"] as const;

async function statusOf(request: APIRequestContext, path: string, failures: string[]): Promise<number> {
  const response = await request.get(path, { maxRedirects: 0 });
  if (response.status() >= 500) failures.push(`GET ${path.slice(0, 100)} ${response.status()}`);
  return response.status();
}

test("fuzz, signed in as the merchant: every console page and parameter, the CSV export's every parameter, the console actions: no 5xx", async ({ browser }) => {
  const merchant = await merchantPage(browser);
  const request = merchant.context().request;
  const failures: string[] = [];

  for (const value of VALUES) {
    for (const [path, names] of Object.entries(CONSOLE_PAGES)) {
      for (const name of [...names, value]) await statusOf(request, `${path}?${name}=${value}`, failures);
      if (names.length) await statusOf(request, `${path}?${names.map((name) => `${name}=${value}`).join("&")}`, failures);
    }
    await statusOf(request, `/console/orders/${value}`, failures);

    // The export: a refusal is a JSON 400 before the first byte; an accepted value gives a whole file.
    for (const name of [...EXPORT_PARAMETERS, "cursor", value]) {
      const path = `/console/orders/export?${name}=${value}`;
      const response = await request.get(path, { maxRedirects: 0 });
      const body = await response.text();
      if (response.status() === 400) {
        if (!response.headers()["content-type"]?.startsWith("application/json")) failures.push(`${path.slice(0, 100)}: 400 without JSON`);
      } else if (response.status() === 200) {
        if (!body.startsWith("\uFEFForder_number,") || body.includes("EXPORT INCOMPLETE")) failures.push(`${path.slice(0, 100)}: incomplete file`);
      } else failures.push(`${path.slice(0, 100)}: ${response.status()}`);
    }

    // The refund and void actions with the value in every field: refused with a message, nothing reviewed as money.
    for (const name of ["refundAction", "voidAction"] as const) {
      const text = decoded(value);
      const fields = { orderId: text, attemptId: text, amount: text, reason: text, confirmAmount: text };
      const response = await callAction(request, name, { path: "/console/orders", fields });
      if (response.status() >= 500) failures.push(`${name} with ${value.slice(0, 40)}: ${response.status()}`);
      else expect((await actionResult(response))?.status, `${name} ${value.slice(0, 40)}`).toBe("error");
    }
  }
  // A form that is not a form: an empty one, not a crash.
  for (const name of ["refundAction", "voidAction"] as const) {
    const response = await request.post("/console/orders", {
      headers: { "Next-Action": actionId(name), Origin: new URL(merchant.url()).origin, Accept: "text/x-component", "Content-Type": "text/plain;charset=UTF-8" },
      data: '[{"status":"idle"},1]',
      maxRedirects: 0,
    });
    if (response.status() >= 500) failures.push(`${name} with a number for the form: ${response.status()}`);
  }
  expect(failures).toEqual([]);

  // And the page says what was wrong instead of failing: the list still shows, the search box without the NUL.
  const response = await merchant.goto("/console/orders?q=kopi%00tubruk&from=0000-01-01");
  expect(response?.status()).toBe(200);
  const notApplied = merchant.getByRole("alert").filter({ hasText: "Some filters were not applied" });
  await expect(notApplied).toContainText("Search for plain text, without control characters.");
  await expect(notApplied).toContainText("Use a date from 2000 to 2099.");
  await expect(merchant.getByLabel("Search")).toHaveValue("kopitubruk");
  await merchant.context().close();
});

test("fuzz, signed in as a customer: the shop's query parameters (search, sort, page, checkout, address book, notices): no 5xx", async ({ page }) => {
  await newCustomer(page, "kueri");
  const failures: string[] = [];
  for (const value of VALUES) {
    const paths = [
      `/search?q=${value}`,
      `/search?q=kopi&sort=${value}&page=${value}`,
      `/?sort=${value}&page=${value}`,
      `/categories/kopi-teh?sort=${value}&page=${value}`,
      `/categories/${value}`,
      `/checkout?address=${value}&option=${value}`,
      `/account/addresses?edit=${value}&saved=${value}`,
      `/account?complete=${value}&returnTo=${value}`,
      `/orders/00000000-0000-4000-8000-000000000000?notice=${value}`,
      `/sign-in?reset=${value}`,
      `/?${value}=${value}`,
    ];
    for (const path of paths) await statusOf(page.request, path, failures);
  }
  expect(failures).toEqual([]);
  // A search with control characters is read as the words around them.
  await page.goto("/search?q=kopi%00gayo");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("kopi gayo");
});
