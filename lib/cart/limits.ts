/**
 * The cart's quantity limit, in a module of its own so that client components can show it without pulling zod
 * into the browser bundle (zod's eval feature probe is also reported as a CSP violation there).
 */
export const MAX_QUANTITY = 99;
