/** Money is integer rupiah everywhere: IDR has no minor unit in practice and Finpay takes whole rupiah. */

const idr = new Intl.NumberFormat("id-ID", { style: "currency", currency: "IDR", maximumFractionDigits: 0, minimumFractionDigits: 0 });

/** `150000` -> `Rp 150.000` (Intl writes a no-break space after "Rp"; we use a plain space so text matches reliably). */
export function formatIdr(amount: number): string {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`amount must be an integer number of rupiah, got ${amount}`);
  return idr.format(amount).replace(/\u00a0/g, " ");
}

export function sumIdr(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
