import { cookies } from "next/headers";

/** The per-visitor part of every shop page (who is signed in, how much is in the cart), read from cookies. */
export async function VisitorBar() {
  const jar = await cookies();
  return (
    <header>
      <span>{jar.get("visitor")?.value ?? "Tamu"}</span> · <span>Keranjang {jar.get("cart")?.value ?? "0"}</span>
    </header>
  );
}

export function GuestBar() {
  return (
    <header>
      <span>Tamu</span> · <span>Keranjang 0</span>
    </header>
  );
}
