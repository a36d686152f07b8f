import { expect, type Page } from "@playwright/test";

export type AddressFields = { recipientName: string; mobilePhone: string; street: string; district: string; city: string; province: string; postalCode: string; notes?: string };

/** The address every checkout of the existing specs delivers to: Bandung, Jawa Barat (zone Jawa). */
export const BANDUNG: AddressFields = {
  recipientName: "Dewi Anggraini",
  mobilePhone: "0812-9999 0000",
  street: "Jl. Braga No. 12",
  district: "Braga, Sumur Bandung",
  city: "Kota Bandung",
  province: "Jawa Barat",
  postalCode: "40111",
};

/** Fills the address form that is on the page (the address book's, or checkout's "Add a new address"). */
export async function fillAddressForm(page: Page, address: AddressFields) {
  const form = page.getByTestId("address-form");
  await form.getByLabel("Recipient name").fill(address.recipientName);
  await form.getByLabel("Recipient mobile phone").fill(address.mobilePhone);
  await form.getByLabel("Street and number").fill(address.street);
  await form.getByLabel("Kelurahan / kecamatan").fill(address.district);
  await form.getByLabel("City / kabupaten").fill(address.city);
  await form.getByLabel("Province").selectOption({ label: address.province });
  await form.getByLabel("Postal code").fill(address.postalCode);
  if (address.notes) await form.getByLabel("Notes for the courier (optional)").fill(address.notes);
}

/**
 * Every checkout needs a delivery address: the signed-in customer adds one in the address book, as a shopper
 * would before their first purchase (it becomes the default), and goes back to the page they were on.
 */
export async function addAddress(page: Page, address: AddressFields = BANDUNG) {
  const from = page.url();
  await page.goto("/account/addresses");
  await fillAddressForm(page, address);
  await page.getByRole("button", { name: "Add address" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The address was saved." })).toBeVisible();
  if (from.startsWith("http") && !from.includes("/account/addresses")) await page.goto(from);
}
