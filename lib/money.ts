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
