/**
 * How deeply a JSON text nests, counted without parsing it. A Finpay callback nests four levels
 * (`result.payment`, `card.info`); a body nested thousands deep makes JSON.stringify (the PHP
 * re-encoding fallback of the signature check) throw a RangeError, so such bodies are refused first.
 * Brackets inside strings do not count. Iterative, so no input can exhaust the stack.
 */
export function jsonNestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c) i += 1; // backslash: skip the escaped character
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x7b || ch === 0x5b) {
      depth += 1;
      if (depth > deepest) deepest = depth;
    } else if (ch === 0x7d || ch === 0x5d) depth -= 1;
  }
  return deepest;
}

/**
 * [INFER:callback-bounds] Far above any real callback or status answer (4 levels; meta.data is ours and flat), far
 * below any stack limit.
 */
export const MAX_JSON_DEPTH = 32;
