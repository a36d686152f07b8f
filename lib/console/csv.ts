/**
 * CSV for spreadsheets (RFC 4180): every field quoted when it holds a comma, quote, CR or LF, quotes doubled,
 * CRLF line ends. Text that a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR: OWASP's
 * "CSV injection") gets a leading apostrophe, so a customer's name like `=HYPERLINK(…)` stays text. Numbers are
 * written as numbers and never guarded: they are ours, not typed by anyone.
 */
export type CsvCell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

export function csvLine(cells: readonly CsvCell[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}
