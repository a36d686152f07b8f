import { readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { APP_URL } from "./shop";

/**
 * Calling the app's server actions the way an attacker would: a hand-made POST with the action's id, any form
 * fields, any Origin, from any session. The ids come from the build's server-reference manifest (the same ids the
 * pages embed), so the requests are exactly what a browser would send, minus the browser's good manners.
 */

export const ACTION_NAMES = [
  "signInAction",
  "signUpAction",
  "requestPasswordResetAction",
  "resetPasswordAction",
  "confirmSignUpAction",
  "signOutAction",
  "updateProfileAction",
  "changePasswordAction",
  "addToCartAction",
  "setCartQuantityAction",
  "removeFromCartAction",
  "startCheckoutAction",
  "payAgainAction",
  "cancelPaymentAction",
  "checkStatusAction",
  "removeSavedCardAction",
  "refundAction",
  "voidAction",
  "createProductAction",
  "updateProductAction",
  "setPublishedAction",
  "deleteProductAction",
] as const;
export type ActionName = (typeof ACTION_NAMES)[number];

type Manifest = { node: Record<string, { exportedName?: string; filename?: string }> };

let ids: Map<string, string> | undefined;

/** The id of a server action in the build the e2e server runs (NEXT_DIST_DIR or .next). */
export function actionId(name: ActionName): string {
  if (!ids) {
    const file = path.join(process.env.NEXT_DIST_DIR ?? ".next", "server", "server-reference-manifest.json");
    const manifest = JSON.parse(readFileSync(file, "utf8")) as Manifest;
    ids = new Map(Object.entries(manifest.node).map(([id, entry]) => [entry.exportedName ?? "", id]));
  }
  const id = ids.get(name);
  if (!id) throw new Error(`server action ${name} is not in the build's server-reference manifest`);
  return id;
}

export type ActionCall = {
  /** The page the POST goes to. Pages share one action table, so any page path reaches any action. */
  path?: string;
  /** FormData fields as the action's form would send them. */
  fields?: Record<string, string>;
  /** Defaults to the app's own origin; a string sends that Origin, null sends none. */
  origin?: string | null;
  headers?: Record<string, string>;
  /** Another app instance than the e2e server. */
  baseURL?: string;
};

/**
 * POSTs a `useActionState` action (previousState, formData) in React's wire format: form fields prefixed `_1_` and
 * the argument list `[previousState, $K1]` as field `0`. Redirects are not followed, so a refusal shows as it is.
 */
export async function callAction(request: APIRequestContext, name: ActionName, call: ActionCall = {}): Promise<APIResponse> {
  const baseURL = call.baseURL ?? APP_URL;
  // The fields must come before the argument list: the server resolves $K1 from the fields received so far.
  const multipart = new FormData();
  for (const [key, value] of Object.entries(call.fields ?? {})) multipart.append(`_1_${key}`, value);
  multipart.append("0", JSON.stringify([{ status: "idle" }, "$K1"]));
  const origin = call.origin === undefined ? baseURL : call.origin;
  return request.post(new URL(call.path ?? "/", baseURL).toString(), {
    headers: {
      "Next-Action": actionId(name),
      Accept: "text/x-component",
      // The suite reads the English shop; an API request sends no Accept-Language of its own (the shop would answer
      // in Bahasa Indonesia, its default).
      "Accept-Language": "en-US",
      ...(origin === null ? {} : { Origin: origin }),
      ...call.headers,
    },
    multipart,
    maxRedirects: 0,
  });
}

export type ActionOutcome = {
  status?: string;
  message?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
  /** The console's refund and void confirmation step (lib/console/money-back-state.ts). */
  review?: { amountIdr: number; question: string; confirm: string };
};

/**
 * The rows of a React Flight answer: `<id>:<json>\n`, or `<id>:T<hex byte length>,<text>` for long strings, which
 * have no newline and are referred to from JSON rows as "$<id>".
 */
function flightRows(body: Buffer): Map<string, { text: string; isText: boolean }> {
  const rows = new Map<string, { text: string; isText: boolean }>();
  let at = 0;
  while (at < body.length) {
    const colon = body.indexOf(":", at);
    if (colon < 0) break;
    const id = body.subarray(at, colon).toString();
    if (body[colon + 1] === 0x54 /* T */) {
      const comma = body.indexOf(",", colon);
      const length = parseInt(body.subarray(colon + 2, comma).toString(), 16);
      rows.set(id, { text: body.subarray(comma + 1, comma + 1 + length).toString(), isText: true });
      at = comma + 1 + length;
    } else {
      const newline = body.indexOf("\n", colon);
      const end = newline < 0 ? body.length : newline;
      rows.set(id, { text: body.subarray(colon + 1, end).toString(), isText: false });
      at = end + 1;
    }
  }
  return rows;
}

/** The action's return value, read from the React Flight answer (`0:{"a":"$@1",…}` then `1:{…}`). */
export async function actionResult(response: APIResponse): Promise<ActionOutcome | undefined> {
  const rows = flightRows(await response.body());
  const root = rows.get("0")?.text ?? "";
  const reference = /"a":"\$@([0-9a-f]+)"/.exec(root)?.[1];
  const row = reference ? rows.get(reference) : undefined;
  if (!row || row.isText) return undefined;
  try {
    return JSON.parse(row.text, (_key, value: unknown) => {
      const ref = typeof value === "string" ? /^\$([0-9a-f]+)$/.exec(value)?.[1] : undefined;
      const text = ref ? rows.get(ref) : undefined;
      return text?.isText ? text.text : value;
    }) as ActionOutcome;
  } catch {
    return undefined;
  }
}

/** Where a refused action sends the browser (requireUser's redirect to sign-in), from Next's redirect header. */
export function actionRedirect(response: APIResponse): string | undefined {
  return response.headers()["x-action-redirect"];
}
