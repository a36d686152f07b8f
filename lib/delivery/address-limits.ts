/**
 * The address form's length limits, on their own so that the browser's form can use them (maxLength) without
 * bundling the zod schema: zod probes `new Function` on load, which the page CSP (rightly) reports as blocked eval.
 */
export const RECIPIENT_NAME_MAX = 50;
export const ADDRESS_LINE_MAX = 100;
export const NOTES_MAX = 200;
