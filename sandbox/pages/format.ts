/** "Rp 150.000": Indonesian grouping with a plain space, built by hand so it does not depend on the host's ICU data. */
export function formatRupiah(amount: number): string {
  const digits = String(Math.trunc(Math.abs(amount))).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${amount < 0 ? "-" : ""}Rp ${digits}`;
}

/** "01/39" from the YYMM the API uses. */
export function expiryForDisplay(yymm: string): string {
  return `${yymm.slice(2, 4)}/${yymm.slice(0, 2)}`;
}
