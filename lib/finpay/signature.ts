import { createHmac, timingSafeEqual } from "node:crypto";
import { MAX_JSON_DEPTH, jsonNestingDepth } from "./json-depth";

/**
 * Finpay signs callbacks in PHP: hash_hmac("sha512", json_encode($body without "signature"), $merchantKey).
 * [INFER:signature-bytes] json_encode with its default flags, over the members in the order Finpay sends them.
 * PHP's default json_encode differs from JSON.stringify in two ways that change the signed bytes:
 * "/" is written "\/" and every non-ASCII UTF-16 unit is written "\uXXXX" (lowercase hex).
 * (Finpay running PHP with default flags is an inference of docs/finpay-reference.md §5.2.)
 *
 * Astral characters come out as two escaped surrogates ("\ud83d\ude00"), exactly as PHP writes them.
 * U+007F (DEL) is ASCII and PHP leaves it raw, so the range starts at U+0080.
 * Checked against PHP 8.2's json_encode. Known gaps, all in numbers: PHP writes 1e25 as "1.0e+25",
 * keeps integers above 2^53 exact and writes -0.0 as "-0"; JavaScript cannot. That is one reason
 * verification tries the raw body first.
 */
export function phpJsonEncode(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError("value cannot be JSON-encoded");
  return json.replace(/[\u0080-\uffff]|\//g, (ch) =>
    ch === "/" ? "\\/" : `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

export function hmacSha512Hex(data: string, key: string): string {
  return createHmac("sha512", key).update(data, "utf8").digest("hex");
}

/** The signature Finpay puts in a callback: HMAC-SHA512 over PHP json_encode of the payload minus `signature`. */
export function signCallback(payload: Record<string, unknown>, key: string): string {
  const rest = { ...payload };
  delete rest.signature;
  return hmacSha512Hex(phpJsonEncode(rest), key);
}

/** Adds `signature` as the last member, as Finpay's callbacks carry it. */
export function withSignature<T extends Record<string, unknown>>(payload: T, key: string): T & { signature: string } {
  return { ...payload, signature: signCallback(payload, key) };
}

/** HMAC-SHA512 as hex is 128 characters. PHP's hash_hmac writes lowercase; uppercase is tolerated. */
export const CALLBACK_SIGNATURE_PATTERN = /^[0-9a-fA-F]{128}$/;

export type CallbackSignatureFailure =
  | "malformed_json"
  | "too_deep"
  | "not_an_object"
  | "missing_signature"
  | "malformed_signature"
  | "mismatch";

export type CallbackSignatureCheck =
  | {
      valid: true;
      /** Which bytes matched: the raw body minus its signature member, or a PHP re-encoding of the parsed body. */
      matchedOn: "raw_body" | "php_reencoded";
    }
  | { valid: false; reason: CallbackSignatureFailure };

/**
 * Checks a Finpay callback against the merchant key, given the request body exactly as received.
 *
 * First choice: cut the top-level "signature" member out of the raw text and HMAC what remains. When
 * Finpay built the body by appending the signature to the json_encode output it signed (the shape of
 * every sample), this reproduces the signed bytes exactly, whatever PHP did with floats or escapes.
 * Fallback: HMAC the PHP json_encode re-encoding of the parsed body (covers re-formatted bodies, such
 * as a pretty-printing proxy in between).
 *
 * Never throws for bad input; a failure says why, for the log. An empty key is a configuration bug
 * and throws, so that it cannot silently accept or reject every callback.
 */
export function verifyCallbackSignature(rawBody: string, key: string): CallbackSignatureCheck {
  if (key.length === 0) throw new TypeError("verifyCallbackSignature: the merchant key is empty");

  // Before anything recursive: JSON.stringify in the PHP re-encoding fallback throws RangeError on deep nesting.
  if (jsonNestingDepth(rawBody) > MAX_JSON_DEPTH) return { valid: false, reason: "too_deep" };
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawBody);
  } catch {
    return { valid: false, reason: "malformed_json" };
  }
  if (!isPlainObject(parsed)) return { valid: false, reason: "not_an_object" };

  const signature = parsed.signature;
  if (signature === undefined || signature === null) return { valid: false, reason: "missing_signature" };
  if (typeof signature !== "string" || !CALLBACK_SIGNATURE_PATTERN.test(signature)) {
    return { valid: false, reason: "malformed_signature" };
  }

  const given = Buffer.from(signature, "hex");
  const stripped = removeTopLevelMember(rawBody, "signature");
  // Two "signature" members would mean the raw text and the parsed value disagree on what was signed.
  if (stripped === null) return { valid: false, reason: "malformed_signature" };
  if (hmacMatches(stripped, key, given)) return { valid: true, matchedOn: "raw_body" };

  const rest: Record<string, unknown> = { ...parsed };
  delete rest.signature;
  if (hmacMatches(phpJsonEncode(rest), key, given)) return { valid: true, matchedOn: "php_reencoded" };

  return { valid: false, reason: "mismatch" };
}

function hmacMatches(data: string, key: string, given: Buffer): boolean {
  const expected = createHmac("sha512", key).update(data, "utf8").digest();
  // Both are 64 bytes (the pattern check guarantees it for `given`); timingSafeEqual throws otherwise.
  return expected.length === given.length && timingSafeEqual(expected, given);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Removes the top-level member `name` from a JSON object text, leaving every other byte as it was.
 * The separator goes with it: `{"a":1,"signature":"x","b":2}` becomes `{"a":1,"b":2}`, and
 * `{"signature":"x","a":1}` becomes `{"a":1}`.
 *
 * Returns the text unchanged when the member is absent, and null when the text is not a JSON object
 * or holds the member more than once. Keys are compared after unescaping, so `"\u0073ignature"` counts.
 */
export function removeTopLevelMember(json: string, name: string): string | null {
  const members = scanTopLevelMembers(json);
  if (members === null) return null;
  const hits = members.map((m, i) => ({ m, i })).filter(({ m }) => m.key === name);
  if (hits.length === 0) return json;
  if (hits.length > 1) return null;
  const { m, i } = hits[0]!;
  const previous = members[i - 1];
  const next = members[i + 1];
  // Cut from the end of the previous value (taking the comma before us), or, when we are first,
  // up to the start of the next key (taking the comma after us).
  const from = previous ? previous.valueEnd : m.keyStart;
  const to = previous ? m.valueEnd : next ? next.keyStart : m.valueEnd;
  return json.slice(0, from) + json.slice(to);
}

interface MemberSpan {
  key: string;
  keyStart: number;
  valueEnd: number;
}

/** Spans of the members of a top-level JSON object, or null if the text is not valid JSON of that shape. */
function scanTopLevelMembers(json: string): MemberSpan[] | null {
  try {
    const parsed: unknown = JSON.parse(json);
    if (!isPlainObject(parsed)) return null;
  } catch {
    return null;
  }
  // From here the text is known to be valid JSON, so the scanner can stay small.
  const members: MemberSpan[] = [];
  let i = skipWhitespace(json, 0) + 1; // past "{"
  for (;;) {
    i = skipWhitespace(json, i);
    if (json[i] === "}") return members;
    const keyStart = i;
    const keyEnd = skipString(json, i);
    const key = JSON.parse(json.slice(keyStart, keyEnd)) as string;
    i = skipWhitespace(json, keyEnd) + 1; // past ":"
    const valueEnd = skipValue(json, skipWhitespace(json, i));
    members.push({ key, keyStart, valueEnd });
    i = skipWhitespace(json, valueEnd);
    if (json[i] === ",") i += 1;
  }
}

function skipWhitespace(s: string, i: number): number {
  while (i < s.length && (s[i] === " " || s[i] === "\n" || s[i] === "\r" || s[i] === "\t")) i += 1;
  return i;
}

/** `i` is at an opening quote; returns the index just past the closing quote. */
function skipString(s: string, i: number): number {
  i += 1;
  while (s[i] !== '"') i += s[i] === "\\" ? 2 : 1;
  return i + 1;
}

function skipValue(s: string, i: number): number {
  const c = s[i];
  if (c === '"') return skipString(s, i);
  if (c === "{" || c === "[") {
    let depth = 0;
    while (i < s.length) {
      const ch = s[i];
      if (ch === '"') {
        i = skipString(s, i);
        continue;
      }
      if (ch === "{" || ch === "[") depth += 1;
      else if (ch === "}" || ch === "]") {
        depth -= 1;
        if (depth === 0) return i + 1;
      }
      i += 1;
    }
    return i;
  }
  // number, true, false, null
  while (i < s.length && !",}] \n\r\t".includes(s[i]!)) i += 1;
  return i;
}
