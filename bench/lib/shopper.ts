import type { Sql } from "postgres";
import { DEMO_MERCHANT } from "../../db/seed-data";
import { hashPassword } from "../../lib/auth/password";

/**
 * A signed-in customer for the pay and Lighthouse measurements: a complete profile, a cart with two products, and
 * a session cookie obtained the way a browser gets one (Auth.js's credentials sign-in over HTTP).
 */
export interface Shopper {
  id: string;
  email: string;
  /** `authjs.session-token=…`, ready for a Cookie header. */
  cookie: string;
  /** The default delivery address every checkout names. */
  addressId: string;
}

const PASSWORD = "bench-pass-123";

export async function createShopper(sql: Sql, appUrl: string): Promise<Shopper> {
  const email = `bench.shopper.${Date.now()}@example.com`;
  const [user] = await sql<{ id: string }[]>`
    insert into users (email, password_hash, first_name, last_name, mobile_phone, finpay_customer_id)
    values (${email}, ${await hashPassword(PASSWORD)}, 'Rina', 'Kusuma', '+6281377778888', ${`bench_shopper_${Date.now()}`})
    returning id`;
  const [cart] = await sql<{ id: string }[]>`insert into carts (user_id) values (${user!.id}) returning id`;
  await sql`
    insert into cart_items (cart_id, product_id, quantity)
    select ${cart!.id}, id, 1 from products where slug in ('kopi-gayo-arabika', 'kemeja-batik-tulis')`;
  const [address] = await sql<{ id: string }[]>`
    insert into addresses (user_id, recipient_name, mobile_phone, street, district, city, province_code, postal_code, is_default)
    values (${user!.id}, 'Rina Kusuma', '+6281377778888', 'Jl. Braga No. 12', 'Braga, Sumur Bandung', 'Kota Bandung', 'ID-JB', '40111', true)
    returning id`;
  // Every measured payment may be paid and take from stock: keep the bench database's shelves full.
  await sql`update products set stock = greatest(stock, 100000) where slug in ('kopi-gayo-arabika', 'kemeja-batik-tulis')`;
  return { id: user!.id, email, cookie: await signIn(appUrl, email, PASSWORD), addressId: address!.id };
}

/** The seeded demo merchant's session cookie (bench builds pay through the sandbox, so db:seed adds that account). */
export function signInMerchant(appUrl: string): Promise<string> {
  return signIn(appUrl, DEMO_MERCHANT.email, DEMO_MERCHANT.password);
}

async function signIn(appUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${appUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const response = await fetch(`${appUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${appUrl}/` }),
  });
  const session = response.headers.getSetCookie().find((c) => c.startsWith("authjs.session-token="));
  if (!session) throw new Error(`sign-in of ${email} failed: HTTP ${response.status} ${response.headers.get("location") ?? ""}`);
  return session.split(";")[0]!;
}

/** Puts the shopper's two products back in the cart (a paid order empties it). */
export async function refillCart(sql: Sql, userId: string): Promise<void> {
  await sql`
    insert into cart_items (cart_id, product_id, quantity)
    select c.id, p.id, 1 from carts c, products p
    where c.user_id = ${userId} and p.slug in ('kopi-gayo-arabika', 'kemeja-batik-tulis')
    on conflict do nothing`;
}
