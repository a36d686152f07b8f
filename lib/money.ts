/** Money is integer rupiah everywhere: IDR has no minor unit in practice and Finpay takes whole rupiah. */

const idr = new Intl.NumberFormat("id-ID", { style: "currency", currency: "IDR", maximumFractionDigits: 0, minimumFractionDigits: 0 });

/** Between "Rp" and the digits: a no-break space, so a narrow screen never puts "Rp" and "19.000" on two lines. */
export const RUPIAH_SPACE = "\u00a0";

/**
 * `150000` -> `Rp 150.000`, with RUPIAH_SPACE after "Rp". Intl's own spacing is normalised to it rather than trusted:
 * ICU versions differ (no-break space, narrow no-break space, or a plain space in some builds).
 */
export function formatIdr(amount: number): string {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`amount must be an integer number of rupiah, got ${amount}`);
  return idr.format(amount).replace(/^(-?)Rp\s*/u, `$1Rp${RUPIAH_SPACE}`);
}

export function sumIdr(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/**
 * Why a typed amount was refused. Each is a message key the form words (e.g. `console.moneyBack.validation.amount*`),
 * so this module stays free of next-intl.
 */
export const RUPIAH_INPUT_ERRORS = ["empty", "decimal", "format", "tooLarge"] as const;
export type RupiahInputError = (typeof RUPIAH_INPUT_ERRORS)[number];

export type RupiahInput = { ok: true; amount: number } | { ok: false; error: RupiahInputError };

/** 999.999.999.999: far above any order, and well inside a safe integer. */
const MAX_RUPIAH_DIGITS = 12;

// A first group of 1-3 digits that does not start with 0 ("0.500" is half, not five hundred), then groups of exactly 3.
const GROUPED_BY_DOTS = /^[1-9]\d{0,2}(?:\.\d{3})+$/;
const GROUPED_BY_COMMAS = /^[1-9]\d{0,2}(?:,\d{3})+$/;
const PLAIN = /^(?:0|[1-9]\d*)$/;
// A separator followed by one or two digits at the end, or a leading zero group: someone wrote a fraction.
const LOOKS_DECIMAL = /^\d*(?:[.,]\d+)*[.,]\d{1,2}$|^0[.,]\d+$/;

/**
 * The one reader of rupiah typed by a person: `100000`, `100.000`, `100,000` and `Rp 100.000` (also `Rp100.000`,
 * `Rp. 100.000`) are 100,000 rupiah. Dots or commas count only as thousands separators in groups of exactly three
 * after a first group that does not start with 0; one kind of separator per amount. Anything that reads as a
 * fraction ("1000.50", "1.5", "0.5", "1.000,50") is refused rather than guessed: rupiah are whole here, and stripping
 * the separator would turn "1.5" into 15 and "1000.50" into 100,050.
 */
export function parseRupiah(text: string): RupiahInput {
  const trimmed = text.replace(/[\u00a0\u202f]/g, " ").trim();
  if (trimmed === "") return { ok: false, error: "empty" };
  const number = trimmed.replace(/^rp\.?\s*/i, "");
  let digits: string;
  if (PLAIN.test(number)) digits = number;
  else if (GROUPED_BY_DOTS.test(number)) digits = number.replaceAll(".", "");
  else if (GROUPED_BY_COMMAS.test(number)) digits = number.replaceAll(",", "");
  else return { ok: false, error: LOOKS_DECIMAL.test(number) ? "decimal" : "format" };
  if (digits.length > MAX_RUPIAH_DIGITS) return { ok: false, error: "tooLarge" };
  return { ok: true, amount: Number(digits) };
}
