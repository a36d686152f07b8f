import { createHash } from "node:crypto";

/** Card info as Finpay returns it in callbacks and status answers (docs/finpay-reference.md §3.5). */
export interface CardInfo {
  brand: string;
  issuing: string;
  type: string;
  subType: string;
  country: string;
}

/**
 * What the sandbox's pretend acquirer does with a card. `cvv_mismatch` is not a card's: any card declines with it
 * when the customer types the declining CVV (DECLINING_CVV).
 */
export type CardBehaviour = "approve" | "decline" | "insufficient_funds" | "challenge" | "gateway_error" | "cvv_mismatch";

export interface TestCard {
  number: string;
  brand: string;
  behaviour: CardBehaviour;
  /** Shown in the hosted pages' test-card table. */
  label: string;
  info: CardInfo;
}

const INDONESIAN_ISSUERS = {
  bca: { issuing: "PT BANK CENTRAL ASIA TBK", country: "INDONESIA" },
  bni: { issuing: "PT BANK NEGARA INDONESIA (PERSERO) TBK", country: "INDONESIA" },
  mandiri: { issuing: "PT BANK MANDIRI (PERSERO) TBK", country: "INDONESIA" },
  bri: { issuing: "PT BANK RAKYAT INDONESIA (PERSERO) TBK", country: "INDONESIA" },
} as const;

/** The cards the hosted pages advertise; any other Luhn-valid number is approved with a brand from its BIN. */
export const TEST_CARDS: readonly TestCard[] = [
  {
    number: "5123450000000008",
    brand: "MASTERCARD",
    behaviour: "approve",
    label: "Approved",
    // The MPGS test card and its BIN data, exactly as in Finpay's callback sample.
    info: { brand: "MASTERCARD", issuing: "BANCO DEL PICHINCHA CA", type: "CREDIT", subType: "STANDARD", country: "ECUADOR" },
  },
  {
    number: "4508750015741019",
    brand: "VISA",
    behaviour: "approve",
    label: "Approved",
    info: { brand: "VISA", ...INDONESIAN_ISSUERS.bca, type: "CREDIT", subType: "PLATINUM" },
  },
  {
    number: "4000000000000002",
    brand: "VISA",
    behaviour: "decline",
    label: "Declined (Do not honour)",
    info: { brand: "VISA", ...INDONESIAN_ISSUERS.bni, type: "CREDIT", subType: "CLASSIC" },
  },
  {
    number: "4000000000009995",
    brand: "VISA",
    behaviour: "insufficient_funds",
    label: "Declined (insufficient funds)",
    info: { brand: "VISA", ...INDONESIAN_ISSUERS.bri, type: "DEBIT", subType: "CLASSIC" },
  },
  {
    number: "4000000000003220",
    brand: "VISA",
    behaviour: "challenge",
    label: "3-D Secure challenge (code 123456)",
    info: { brand: "VISA", ...INDONESIAN_ISSUERS.mandiri, type: "CREDIT", subType: "GOLD" },
  },
  {
    number: "4000000000000119",
    brand: "VISA",
    behaviour: "gateway_error",
    label: "Gateway error",
    info: { brand: "VISA", ...INDONESIAN_ISSUERS.bni, type: "CREDIT", subType: "CLASSIC" },
  },
];

/** The one-time code that passes the 3-D Secure challenge. */
export const CHALLENGE_CODE = "123456";

/**
 * The CVV the pretend issuer says is wrong: 999 (9999 for a 4-digit Amex code) declines any card, on the card page
 * and on the two-click page, before any 3-D Secure step. Every other well-formed CVV is accepted.
 */
export const DECLINING_CVV = "999";

export function isDecliningCvv(cvv: string): boolean {
  return cvv === DECLINING_CVV || cvv === "9999";
}

/** Finpay/MPGS result texts per behaviour: statusDesc for the merchant, userDesc for the customer. */
export const DECLINE_REASONS: Record<Exclude<CardBehaviour, "approve" | "challenge">, { statusDesc: string; userDesc: string }> = {
  decline: { statusDesc: "Do not honour", userDesc: "Your card was declined by the issuing bank." },
  insufficient_funds: { statusDesc: "Insufficient funds", userDesc: "Your card has insufficient funds." },
  // MPGS's CSC check answering NO_MATCH: the issuer declines and Finpay reports a FAILURE.
  cvv_mismatch: {
    statusDesc: "Declined: card security code (CVV) mismatch",
    userDesc: "The card security code (CVV) is incorrect. Check the 3 digits on the back of your card.",
  },
  gateway_error: {
    statusDesc: "Processing error: issuer or switch inoperative",
    userDesc: "The payment could not be processed. Please try again later.",
  },
};
export const CHALLENGE_FAILED = {
  statusDesc: "3-D Secure authentication failed",
  userDesc: "The card holder could not be authenticated.",
};

export function digitsOnly(input: string): string {
  return input.replace(/[\s-]/g, "");
}

export function passesLuhn(pan: string): boolean {
  if (!/^\d+$/.test(pan)) return false;
  let sum = 0;
  for (let i = 0; i < pan.length; i++) {
    let d = Number(pan[pan.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Brand from the BIN ranges of the schemes MPGS names. */
export function brandFromBin(pan: string): string {
  const two = Number(pan.slice(0, 2));
  const four = Number(pan.slice(0, 4));
  if (pan.startsWith("4")) return "VISA";
  if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) return "MASTERCARD";
  if (two === 34 || two === 37) return "AMEX";
  if (four >= 3528 && four <= 3589) return "JCB";
  if (two === 62) return "UNIONPAY";
  if (two === 36 || two === 38 || two === 39 || (four >= 3000 && four <= 3059)) return "DINERS_CLUB";
  if (four === 6011 || two === 65 || (four >= 6440 && four <= 6499)) return "DISCOVER";
  return "UNKNOWN";
}

export function cvvLength(brand: string): number {
  return brand === "AMEX" ? 4 : 3;
}

/** Finpay's mask: first six and last four digits, x in between (`512345xxxxxx0008`). */
export function maskPan(pan: string): string {
  return `${pan.slice(0, 6)}${"x".repeat(Math.max(0, pan.length - 10))}${pan.slice(-4)}`;
}

/**
 * Lets the sandbox recognise "the same card again" for one customer without keeping the PAN.
 * Only test numbers pass through here, so a plain hash is enough.
 */
export function panFingerprint(pan: string): string {
  return createHash("sha256").update(`finpay-sandbox:${pan}`).digest("hex");
}

export interface CardProfile {
  mask: string;
  brand: string;
  behaviour: CardBehaviour;
  info: CardInfo;
  fingerprint: string;
}

/** Everything the sandbox derives from a PAN; the PAN itself goes no further than this function. */
export function profileCard(pan: string): CardProfile {
  const known = TEST_CARDS.find((card) => card.number === pan);
  const brand = known?.brand ?? brandFromBin(pan);
  return {
    mask: maskPan(pan),
    brand,
    behaviour: known?.behaviour ?? "approve",
    info: known?.info ?? { brand, ...INDONESIAN_ISSUERS.mandiri, type: "CREDIT", subType: "STANDARD" },
    fingerprint: panFingerprint(pan),
  };
}

/** "Mastercard •••• 0008" for the two-click page. */
export function describeMask(brand: string, mask: string): string {
  const names: Record<string, string> = { MASTERCARD: "Mastercard", VISA: "Visa", AMEX: "American Express", JCB: "JCB" };
  return `${names[brand] ?? brand} •••• ${mask.slice(-4)}`;
}
