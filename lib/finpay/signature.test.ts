import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hmacSha512Hex, phpJsonEncode, removeTopLevelMember, signCallback, verifyCallbackSignature, withSignature } from "./signature";
import { docCard } from "./doc-samples";

const KEY = "SoSecret123"; // the docs' example key, not a real credential

/** The doc callback sample minus its signature (docs/finpay-reference.md §5.2, worked example). */
function docCallbackFields() {
  return {
    customer: { id: "hajar@yahoo.com" },
    order: { id: "1664255905824", reference: "16642559058241000000000", amount: 1000, currency: "IDR" },
    card: docCard(),
    meta: { data: null },
    result: { payment: { amount: 1000, status: "CAPTURED", statusDesc: null as string | null } },
  };
}

const WORKED_EXAMPLE_BYTES =
  '{"customer":{"id":"hajar@yahoo.com"},"order":{"id":"1664255905824","reference":"16642559058241000000000","amount":1000,"currency":"IDR"},"card":{"mask":"512345xxxxxx0008","info":{"brand":"MASTERCARD","issuing":"BANCO DEL PICHINCHA CA","type":"CREDIT","subType":"STANDARD","country":"ECUADOR"}},"meta":{"data":null},"result":{"payment":{"amount":1000,"status":"CAPTURED","statusDesc":null}}}';
const WORKED_EXAMPLE_SIGNATURE =
  "01ac4c964abc8b55ebb1555650ad36c0c1e5801578b3544df29a0e84b1ff4d09e90786f1710d541419afac8600022513da959c888276d43156ab1ed539447b1a";

/*
 * "Paid w/ card" vectors, computed with PHP 8.2.36 itself:
 *   $a = json_decode($workedExample, true); $a["result"]["payment"]["statusDesc"] = "Paid w/ card";
 *   hash_hmac("sha512", json_encode($a), "SoSecret123")                          -> 71bd9a6d…
 *   hash_hmac("sha512", json_encode($a, JSON_UNESCAPED_SLASHES), "SoSecret123")  -> 110f7e3a… (= JSON.stringify)
 * The reference quotes dbec0ac4… and b7cf996b… for this case; neither PHP nor any variant tried
 * (other keys, positions, trailing newline) reproduces them, so the reference's figures are wrong.
 */
const PAID_W_CARD_PHP_SIGNATURE =
  "71bd9a6d8645072458836d0085312f97143d3ad0baca08765fd889129a624d36cb17189872f44973ff5d08998e45cec95421c105ce73450ee9849f19b70aad63";
const PAID_W_CARD_NAIVE_SIGNATURE =
  "110f7e3abdc46acf25fe900012e57244619544c6e9da2e6385ffc6056662172754b403c030aaf1c089c884c337e623c7e384dd8bff937a9fca5b5193e4c95543";

/* Non-ASCII vector, also from PHP 8.2 (json_encode output and hash_hmac). U+007F stays raw in PHP. */
const NON_ASCII_STATUS = "Pembayaran berhasil — terima kasih 😀 \u007f";
const NON_ASCII_ID = "josé.ñandú@example.co.id";
const NON_ASCII_PHP_BYTES =
  '{"customer":{"id":"jos\\u00e9.\\u00f1and\\u00fa@example.co.id"},"order":{"id":"1664255905824","reference":"16642559058241000000000","amount":1000,"currency":"IDR"},"card":{"mask":"512345xxxxxx0008","info":{"brand":"MASTERCARD","issuing":"BANCO DEL PICHINCHA CA","type":"CREDIT","subType":"STANDARD","country":"ECUADOR"}},"meta":{"data":null},"result":{"payment":{"amount":1000,"status":"CAPTURED","statusDesc":"Pembayaran berhasil \\u2014 terima kasih \\ud83d\\ude00 \u007f"}}}';
const NON_ASCII_SIGNATURE =
  "639ec32a0281d2a5b24cec83a909c62696c4d869fc7e77ae8ba0a3cb9a5a529616f04f0304c8f947ed77ea168cbd75470335db75e34e4ac22051b4a959133c61";

/** hash_hmac("sha512", $workedExample, "AnotherKey456") in PHP. */
const OTHER_KEY_SIGNATURE =
  "bfa35540c0b8ab5438a16c04895874935910f5bf53f0e553808cc36f02126125e4e626e942fdd661b4a3984aad312a631cc5beb19f3a3b413787949a421f860e";

describe("phpJsonEncode", () => {
  it("writes the worked example exactly as the reference prints it", () => {
    expect(phpJsonEncode(docCallbackFields())).toBe(WORKED_EXAMPLE_BYTES);
  });

  it("escapes / as \\/ and non-ASCII as lowercase \\uXXXX, astral characters as surrogate pairs", () => {
    expect(phpJsonEncode({ u: "https://a.b/c", s: "é—😀" })).toBe('{"u":"https:\\/\\/a.b\\/c","s":"\\u00e9\\u2014\\ud83d\\ude00"}');
  });

  it("leaves DEL (U+007F) raw, as PHP does, and escapes control characters like JSON", () => {
    expect(phpJsonEncode("a\u007fb")).toBe('"a\u007fb"');
    expect(phpJsonEncode("\t\u0001\u2028")).toBe('"\\t\\u0001\\u2028"');
  });

  it("keeps member order and writes no whitespace", () => {
    expect(phpJsonEncode({ z: 1, a: [1, { b: null }] })).toBe('{"z":1,"a":[1,{"b":null}]}');
  });

  it("refuses values JSON cannot encode", () => {
    expect(() => phpJsonEncode(undefined)).toThrow(TypeError);
  });
});

describe("signCallback", () => {
  it("reproduces the reference's worked example (key SoSecret123 -> 01ac4c96…)", () => {
    expect(hmacSha512Hex(WORKED_EXAMPLE_BYTES, KEY)).toBe(WORKED_EXAMPLE_SIGNATURE);
    expect(signCallback(docCallbackFields(), KEY)).toBe(WORKED_EXAMPLE_SIGNATURE);
  });

  it("ignores an existing signature member", () => {
    expect(signCallback({ ...docCallbackFields(), signature: "whatever" }, KEY)).toBe(WORKED_EXAMPLE_SIGNATURE);
  });

  it("signs 'Paid w/ card' with the slash escaped, as PHP does, not as JSON.stringify does", () => {
    const fields = docCallbackFields();
    fields.result.payment.statusDesc = "Paid w/ card";
    expect(signCallback(fields, KEY)).toBe(PAID_W_CARD_PHP_SIGNATURE);
    expect(hmacSha512Hex(JSON.stringify(fields), KEY)).toBe(PAID_W_CARD_NAIVE_SIGNATURE);
  });

  it("signs non-ASCII values over PHP's \\u escapes", () => {
    const fields = docCallbackFields();
    fields.customer.id = NON_ASCII_ID;
    fields.result.payment.statusDesc = NON_ASCII_STATUS;
    expect(phpJsonEncode(fields)).toBe(NON_ASCII_PHP_BYTES);
    expect(signCallback(fields, KEY)).toBe(NON_ASCII_SIGNATURE);
  });

  it("withSignature appends the signature as the last member", () => {
    const signed = withSignature(docCallbackFields(), KEY);
    expect(Object.keys(signed).at(-1)).toBe("signature");
    expect(signed.signature).toBe(WORKED_EXAMPLE_SIGNATURE);
  });
});

describe("verifyCallbackSignature", () => {
  const compact = (fields: object, signature: string) => `${phpJsonEncode(fields).slice(0, -1)},"signature":"${signature}"}`;

  it("accepts the worked example as Finpay sends it, on the raw bytes", () => {
    expect(verifyCallbackSignature(compact(docCallbackFields(), WORKED_EXAMPLE_SIGNATURE), KEY)).toEqual({
      valid: true,
      matchedOn: "raw_body",
    });
  });

  it("accepts 'Paid w/ card' as PHP writes it (\\/) on the raw bytes", () => {
    const fields = docCallbackFields();
    fields.result.payment.statusDesc = "Paid w/ card";
    const raw = compact(fields, PAID_W_CARD_PHP_SIGNATURE);
    expect(raw).toContain('"Paid w\\/ card"');
    expect(verifyCallbackSignature(raw, KEY)).toEqual({ valid: true, matchedOn: "raw_body" });
  });

  it("rejects 'Paid w/ card' signed over JSON.stringify bytes", () => {
    const fields = docCallbackFields();
    fields.result.payment.statusDesc = "Paid w/ card";
    expect(verifyCallbackSignature(compact(fields, PAID_W_CARD_NAIVE_SIGNATURE), KEY)).toEqual({
      valid: false,
      reason: "mismatch",
    });
  });

  it("accepts a body with non-ASCII values, raw or re-encoded", () => {
    const fields = docCallbackFields();
    fields.customer.id = NON_ASCII_ID;
    fields.result.payment.statusDesc = NON_ASCII_STATUS;
    expect(verifyCallbackSignature(compact(fields, NON_ASCII_SIGNATURE), KEY)).toEqual({ valid: true, matchedOn: "raw_body" });
    // The same content with raw UTF-8 instead of \u escapes only matches through the PHP re-encoding.
    const unescaped = JSON.stringify({ ...fields, signature: NON_ASCII_SIGNATURE });
    expect(verifyCallbackSignature(unescaped, KEY)).toEqual({ valid: true, matchedOn: "php_reencoded" });
  });

  it("accepts a pretty-printed body through the PHP re-encoding", () => {
    const pretty = JSON.stringify({ ...docCallbackFields(), signature: WORKED_EXAMPLE_SIGNATURE }, null, 2);
    expect(verifyCallbackSignature(pretty, KEY)).toEqual({ valid: true, matchedOn: "php_reencoded" });
  });

  it("rejects a signature made with another key", () => {
    expect(hmacSha512Hex(WORKED_EXAMPLE_BYTES, "AnotherKey456")).toBe(OTHER_KEY_SIGNATURE);
    expect(verifyCallbackSignature(compact(docCallbackFields(), OTHER_KEY_SIGNATURE), KEY)).toEqual({
      valid: false,
      reason: "mismatch",
    });
  });

  it("accepts the signature member in the middle of the body", () => {
    const signed = '{"order":{"id":"A1","amount":1000},"result":{"payment":{"status":"CAPTURED"}}}';
    const sig = hmacSha512Hex(signed, KEY);
    const raw = `{"order":{"id":"A1","amount":1000},"signature":"${sig}","result":{"payment":{"status":"CAPTURED"}}}`;
    expect(verifyCallbackSignature(raw, KEY)).toEqual({ valid: true, matchedOn: "raw_body" });
  });

  it("accepts the signature member at the start of the body", () => {
    const signed = '{"order":{"id":"A1","amount":1000},"result":{"payment":{"status":"CAPTURED"}}}';
    const sig = hmacSha512Hex(signed, KEY);
    const raw = `{"signature":"${sig}","order":{"id":"A1","amount":1000},"result":{"payment":{"status":"CAPTURED"}}}`;
    expect(verifyCallbackSignature(raw, KEY)).toEqual({ valid: true, matchedOn: "raw_body" });
  });

  it("prefers the raw bytes, which keep number spellings JavaScript cannot reproduce", () => {
    const signed = '{"order":{"id":"A1","amount":1.0e+25}}'; // PHP's spelling of 1e25
    const raw = `{"order":{"id":"A1","amount":1.0e+25},"signature":"${hmacSha512Hex(signed, KEY)}"}`;
    expect(verifyCallbackSignature(raw, KEY)).toEqual({ valid: true, matchedOn: "raw_body" });
  });

  it("accepts an upper-case hex signature", () => {
    const raw = compact(docCallbackFields(), WORKED_EXAMPLE_SIGNATURE.toUpperCase());
    expect(verifyCallbackSignature(raw, KEY).valid).toBe(true);
  });

  it("rejects a tampered body", () => {
    const fields = docCallbackFields();
    fields.order.amount = 1;
    expect(verifyCallbackSignature(compact(fields, WORKED_EXAMPLE_SIGNATURE), KEY)).toEqual({ valid: false, reason: "mismatch" });
  });

  it("rejects a missing or null signature", () => {
    expect(verifyCallbackSignature(WORKED_EXAMPLE_BYTES, KEY)).toEqual({ valid: false, reason: "missing_signature" });
    expect(verifyCallbackSignature('{"a":1,"signature":null}', KEY)).toEqual({ valid: false, reason: "missing_signature" });
  });

  it("rejects a short, long, non-hex or non-string signature", () => {
    const bad = [
      WORKED_EXAMPLE_SIGNATURE.slice(0, 127),
      WORKED_EXAMPLE_SIGNATURE.slice(0, 64),
      `${WORKED_EXAMPLE_SIGNATURE}0`,
      `${WORKED_EXAMPLE_SIGNATURE.slice(0, 127)}g`,
      "",
    ];
    for (const sig of bad) {
      expect(verifyCallbackSignature(compact(docCallbackFields(), sig), KEY)).toEqual({ valid: false, reason: "malformed_signature" });
    }
    expect(verifyCallbackSignature('{"a":1,"signature":12345}', KEY)).toEqual({ valid: false, reason: "malformed_signature" });
  });

  it("rejects a body with two signature members", () => {
    const raw = `{"signature":"${WORKED_EXAMPLE_SIGNATURE}","a":1,"signature":"${WORKED_EXAMPLE_SIGNATURE}"}`;
    expect(verifyCallbackSignature(raw, KEY)).toEqual({ valid: false, reason: "malformed_signature" });
  });

  it("rejects text that is not a JSON object", () => {
    expect(verifyCallbackSignature("not json", KEY)).toEqual({ valid: false, reason: "malformed_json" });
    expect(verifyCallbackSignature("", KEY)).toEqual({ valid: false, reason: "malformed_json" });
    expect(verifyCallbackSignature("[1,2]", KEY)).toEqual({ valid: false, reason: "not_an_object" });
    expect(verifyCallbackSignature("null", KEY)).toEqual({ valid: false, reason: "not_an_object" });
  });

  it("refuses deep nesting before the re-encoding fallback can throw, whatever the signature", () => {
    // 10,000 levels: JSON.parse copes, JSON.stringify (the PHP re-encoding) would throw RangeError.
    const deep = `{"order":{"id":"X"},"meta":${"[".repeat(10_000)}${"]".repeat(10_000)},"signature":"${WORKED_EXAMPLE_SIGNATURE}"}`;
    expect(verifyCallbackSignature(deep, KEY)).toEqual({ valid: false, reason: "too_deep" });
    // Brackets inside strings are not nesting.
    const brackets = `{"a":"${"[{".repeat(100)}","signature":"${WORKED_EXAMPLE_SIGNATURE}"}`;
    expect(verifyCallbackSignature(brackets, KEY)).toEqual({ valid: false, reason: "mismatch" });
  });

  it("refuses an empty key instead of checking against it", () => {
    expect(() => verifyCallbackSignature(WORKED_EXAMPLE_BYTES, "")).toThrow(TypeError);
  });

  it("uses an HMAC over exactly the stripped bytes", () => {
    const raw = compact(docCallbackFields(), WORKED_EXAMPLE_SIGNATURE);
    const expected = createHmac("sha512", KEY).update(removeTopLevelMember(raw, "signature") ?? "").digest("hex");
    expect(expected).toBe(WORKED_EXAMPLE_SIGNATURE);
  });
});

describe("removeTopLevelMember", () => {
  it("removes a last, middle, first or only member with its separator", () => {
    expect(removeTopLevelMember('{"a":1,"signature":"x"}', "signature")).toBe('{"a":1}');
    expect(removeTopLevelMember('{"a":1,"signature":"x","b":2}', "signature")).toBe('{"a":1,"b":2}');
    expect(removeTopLevelMember('{"signature":"x","a":1}', "signature")).toBe('{"a":1}');
    expect(removeTopLevelMember('{"signature":"x"}', "signature")).toBe("{}");
  });

  it("keeps whitespace elsewhere untouched", () => {
    expect(removeTopLevelMember('{ "a" : 1 ,\n "signature" : "x" }', "signature")).toBe('{ "a" : 1 }');
    expect(removeTopLevelMember('{\n  "signature": "x",\n  "a": [1, 2]\n}', "signature")).toBe('{\n  "a": [1, 2]\n}');
  });

  it("touches only the top level and skips look-alikes inside strings and nested values", () => {
    const raw = '{"meta":{"signature":"inner"},"s":"\\"signature\\":{[","list":[{"signature":1}],"n":-1.5e3,"t":true,"signature":"x"}';
    expect(removeTopLevelMember(raw, "signature")).toBe(
      '{"meta":{"signature":"inner"},"s":"\\"signature\\":{[","list":[{"signature":1}],"n":-1.5e3,"t":true}',
    );
  });

  it("matches an escaped key", () => {
    expect(removeTopLevelMember('{"a":1,"\\u0073ignature":"x"}', "signature")).toBe('{"a":1}');
  });

  it("returns the text unchanged when the member is absent, and null for non-objects or duplicates", () => {
    expect(removeTopLevelMember('{"a":1}', "signature")).toBe('{"a":1}');
    expect(removeTopLevelMember("{}", "signature")).toBe("{}");
    expect(removeTopLevelMember("[1]", "signature")).toBeNull();
    expect(removeTopLevelMember("{", "signature")).toBeNull();
    expect(removeTopLevelMember('{"signature":1,"signature":2}', "signature")).toBeNull();
  });
});
