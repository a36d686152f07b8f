import "server-only";
import { cookies } from "next/headers";
import { env } from "@/lib/env";
import { UserFacingError } from "@/lib/errors";
import { cartExists, createCart } from "./service";
import { isValidCartId } from "./validation";

export const CART_COOKIE = "cart_id";
const CART_COOKIE_MAX_AGE = 60 * 60 * 24 * 30;

type CartCookie = { kind: "none" } | { kind: "valid"; id: string } | { kind: "malformed" };

async function readCartCookie(): Promise<CartCookie> {
  const value = (await cookies()).get(CART_COOKIE)?.value;
  if (!value) return { kind: "none" };
  return isValidCartId(value) ? { kind: "valid", id: value } : { kind: "malformed" };
}

export function cartCookieOptions() {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: env().APP_BASE_URL.startsWith("https:"),
    path: "/",
    maxAge: CART_COOKIE_MAX_AGE,
  };
}

/** The cart to show. A missing or malformed cookie reads as an empty cart; nothing is written. */
export async function getCurrentCartId(): Promise<string | null> {
  const cookie = await readCartCookie();
  return cookie.kind === "valid" ? cookie.id : null;
}

/**
 * The cart to write to, created on first use. A malformed cookie is refused (and cleared, so the next
 * attempt starts a fresh cart) rather than silently replaced, so the customer learns why nothing changed.
 */
export async function getCartIdForWrite(): Promise<string> {
  const cookie = await readCartCookie();
  const jar = await cookies();
  if (cookie.kind === "malformed") {
    jar.delete(CART_COOKIE);
    throw new UserFacingError("Your cart could not be recognised, so nothing was changed. Please try again.", "invalid_input");
  }
  if (cookie.kind === "valid" && (await cartExists(cookie.id))) return cookie.id;
  const id = await createCart();
  jar.set(CART_COOKIE, id, cartCookieOptions());
  return id;
}

/** For changing or removing lines: an existing cart is required; nothing is created. */
export async function getExistingCartId(): Promise<string> {
  const cookie = await readCartCookie();
  if (cookie.kind === "malformed") {
    (await cookies()).delete(CART_COOKIE);
    throw new UserFacingError("Your cart could not be recognised, so nothing was changed.", "invalid_input");
  }
  if (cookie.kind === "none" || !(await cartExists(cookie.id))) {
    throw new UserFacingError("Your cart is empty.", "not_found");
  }
  return cookie.id;
}
