import { brandFromBin, cvvLength, digitsOnly, passesLuhn } from "./cards";

/**
 * Checks what the customer typed on the hosted card page. Errors are written for the customer and keyed by the
 * input's id, so the page can tie each one to its field.
 */

/** What the customer typed, kept when the form comes back with errors (the CVV never is). */
export interface CardFormValues {
  cardNumber: string;
  expiry: string;
  nameOnCard: string;
  saveCard: boolean;
}

export const EMPTY_CARD_FORM: CardFormValues = { cardNumber: "", expiry: "", nameOnCard: "", saveCard: false };

export type CardFormResult =
  | { ok: true; pan: string; expiryDate: string; save: boolean; cvv: string }
  | { ok: false; values: CardFormValues; errors: Record<string, string> };

export function readCardForm(form: Record<string, unknown>, now: Date): CardFormResult {
  const field = (name: string) => (typeof form[name] === "string" ? (form[name] as string) : "");
  const values: CardFormValues = {
    cardNumber: field("cardNumber").trim(),
    expiry: field("expiry").trim(),
    nameOnCard: field("nameOnCard").trim(),
    saveCard: field("saveCard") !== "",
  };
  const errors: Record<string, string> = {};

  const pan = digitsOnly(values.cardNumber);
  if (pan === "") errors.cardNumber = "Enter the card number.";
  else if (!/^\d+$/.test(pan)) errors.cardNumber = "The card number can contain digits only.";
  else if (pan.length < 12 || pan.length > 19) errors.cardNumber = "The card number must have 12 to 19 digits.";
  else if (!passesLuhn(pan)) errors.cardNumber = "This card number is not valid. Check it and try again.";

  const expiry = parseExpiry(values.expiry, now);
  if (typeof expiry !== "string") errors.expiry = expiry.error;

  const cvv = field("cvv").trim();
  const cvvError = checkCvv(cvv, errors.cardNumber ? "UNKNOWN" : brandFromBin(pan));
  if (cvvError) errors.cvv = cvvError;

  if (values.nameOnCard === "") errors.nameOnCard = "Enter the name as it appears on the card.";
  else if (values.nameOnCard.length > 50) errors.nameOnCard = "The name on the card can have at most 50 characters.";

  if (Object.keys(errors).length > 0 || typeof expiry !== "string") return { ok: false, values, errors };
  // The CVV goes on to the pretend issuer, which declines DECLINING_CVV; it is never stored or echoed back.
  return { ok: true, pan, expiryDate: expiry, save: values.saveCard, cvv };
}

/** The CVV check shared with the two-click page, where the brand comes from the stored card. */
export function checkCvv(cvv: string, brand: string): string | undefined {
  const length = cvvLength(brand);
  if (cvv === "") return "Enter the CVV.";
  if (!/^\d+$/.test(cvv) || (brand === "UNKNOWN" ? cvv.length < 3 || cvv.length > 4 : cvv.length !== length)) {
    return `The CVV must be ${brand === "UNKNOWN" ? "3 or 4" : length} digits.`;
  }
  return undefined;
}

/** "MM/YY" (also "MM/YYYY" or "MMYY") to the API's YYMM, refusing past months. */
function parseExpiry(input: string, now: Date): string | { error: string } {
  if (input === "") return { error: "Enter the expiry date." };
  const match = /^(\d{1,2})\s*\/?\s*(\d{2}|\d{4})$/.exec(input);
  if (!match) return { error: "Enter the expiry date as MM/YY, for example 12/29." };
  const month = Number(match[1]);
  const year = Number(match[2]?.slice(-2));
  if (month < 1 || month > 12) return { error: "The expiry month must be between 01 and 12." };
  const currentYear = now.getUTCFullYear() % 100;
  const currentMonth = now.getUTCMonth() + 1;
  if (year < currentYear || (year === currentYear && month < currentMonth)) return { error: "This card has expired." };
  if (year > currentYear + 20) return { error: "The expiry year is too far in the future." };
  return `${String(year).padStart(2, "0")}${String(month).padStart(2, "0")}`;
}
