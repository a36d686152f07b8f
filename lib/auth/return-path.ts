/**
 * Where to send a customer back to after sign-in, sign-up or "Back" on the account page: only a path on this site.
 *
 * The check runs on the path the browser will actually follow, not on the text it was given: the value is resolved
 * with the WHATWG URL parser (the one browsers use) against a fixed same-site base, which strips tabs and newlines,
 * turns backslashes into slashes, and removes dot segments, percent-encoded ones (`%2e`) included. So `/.//evil`,
 * `/%2e//evil`, `/a/..//evil` and `/./\evil` all become `//evil`, and are refused. Only a result on the base's own
 * origin whose serialised path cannot be read as protocol-relative (`//host`, `/\host`) is accepted, and the
 * normalised form is what is returned, so the string the redirect carries is the one that was checked.
 */
const SAME_SITE_BASE = "http://same-site.invalid";

export function safeReturnPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length > 2048) return fallback;
  // A path must start with a slash as typed; "evil.example/x" or "javascript:..." are not paths.
  if (!value.startsWith("/")) return fallback;
  // Tabs and newlines are stripped by the parser (as by browsers); any other control character is not a real path.
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, SAME_SITE_BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== SAME_SITE_BASE || url.username || url.password) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (!isPlainPath(path)) return fallback;
  // The normalised path must resolve to itself: what the browser follows is exactly what was checked.
  if (new URL(path, SAME_SITE_BASE).href !== url.href) return fallback;
  return path;
}

/** A root-relative path that no browser reads as `//host` (protocol-relative) or `/\host`. */
function isPlainPath(path: string): boolean {
  return path.startsWith("/") && !/^\/[/\\]/.test(path);
}

/** Where a signed-in person lands when no page asked for them: a merchant on the console, a customer on the account. */
export function landingFor(isMerchant: boolean): string {
  return isMerchant ? "/console" : "/account";
}

/**
 * Where a new customer lands after sign-up: the account page, which greets them (`welcome`) and links back to where
 * they were going (`returnTo`): the page that sent them to sign-up, or else their cart when it holds something
 * (a guest cart is theirs now), so nobody loses the way back to what they were about to pay for.
 */
export function welcomePath(returnPath: string, cartHasItems: boolean): string {
  const back = returnPath && returnPath !== "/account" ? returnPath : cartHasItems ? "/cart" : "";
  return back ? `/account?welcome=1&returnTo=${encodeURIComponent(back)}` : "/account?welcome=1";
}
