import "server-only";
import { cookies } from "next/headers";
import { getSessionUserId } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { UserFacingError } from "@/lib/errors";
import { cartExists, createCart, findUserCartId, getOrCreateUserCartId, mergeGuestCart } from "./service";
import { isValidCartId, type CartErrorKey } from "./validation";

/**
 * Which cart a request works on: a signed-in customer's own cart (kept in the database, found by user id),
 * else the guest cart named by an httpOnly cookie that holds only a random id.
 */

export const CART_COOKIE = "cart_id";
const CART_COOKIE_MAX_AGE = 60 * 60 * 24 * 30;

type CartCookie = { kind: "none" } | { kind: "valid"; id: string } | { kind: "malformed" };

async function readCartCookie(): Promise<CartCookie> {
  const value = (await cookies()).get(CART_COOKIE)?.value;
  if (!value) return { kind: "none" };
  return isValidCartId(value) ? { kind: "valid", id: value } : { kind: "malformed" };
}

function cartCookieOptions() {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: env().APP_BASE_URL.startsWith("https:"),
    path: "/",
    maxAge: CART_COOKIE_MAX_AGE,
  };
}

async function refuseMalformedCookie(message: CartErrorKey): Promise<never> {
  // Cleared so that the next attempt starts a fresh cart; the refused request itself changes nothing.
  (await cookies()).delete(CART_COOKIE);
  throw new UserFacingError(message, "invalid_input");
}

/** The cart to show. A missing or malformed cookie reads as an empty cart; nothing is written. */
export async function getCurrentCartId(): Promise<string | null> {
  const userId = await getSessionUserId();
  if (userId) return findUserCartId(userId);
  const cookie = await readCartCookie();
  return cookie.kind === "valid" ? cookie.id : null;
}

/** The cart to add to, created on first use. */
export async function getCartIdForWrite(): Promise<string> {
  const userId = await getSessionUserId();
  if (userId) return getOrCreateUserCartId(userId);
  const cookie = await readCartCookie();
  if (cookie.kind === "malformed") return refuseMalformedCookie("cartUnrecognised");
  if (cookie.kind === "valid" && (await cartExists(cookie.id))) return cookie.id;
  const id = await createCart();
  (await cookies()).set(CART_COOKIE, id, cartCookieOptions());
  return id;
}

/** For changing or removing lines: an existing cart is required; nothing is created. */
export async function getExistingCartId(): Promise<string> {
  const userId = await getSessionUserId();
  const cookie = userId ? null : await readCartCookie();
  if (cookie?.kind === "malformed") return refuseMalformedCookie("cartUnrecognised");
  const id = userId ? await findUserCartId(userId) : cookie?.kind === "valid" && (await cartExists(cookie.id)) ? cookie.id : null;
  if (!id) throw new UserFacingError("cartEmpty", "not_found");
  return id;
}

/** After sign-in or sign-up: the guest cart joins the customer's cart and the guest cookie goes away. */
export async function adoptGuestCart(userId: string): Promise<void> {
  const cookie = await readCartCookie();
  if (cookie.kind === "valid") await mergeGuestCart(cookie.id, userId);
  if (cookie.kind !== "none") (await cookies()).delete(CART_COOKIE);
}
