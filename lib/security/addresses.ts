import { isIP } from "node:net";

/** IP address parsing shared by the environment check (TRUSTED_PROXIES) and lib/auth/client-ip.ts. Pure. */

/** A bare IP address, or null: IPv4-mapped IPv6 (`::ffff:1.2.3.4`) as IPv4, `[::1]` without brackets. */
export function normaliseAddress(value: string | null): string | null {
  if (!value) return null;
  let address = value.trim();
  if (address.startsWith("[") && address.endsWith("]")) address = address.slice(1, -1);
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) address = mapped[1]!;
  return isIP(address) ? address.toLowerCase() : null;
}

/** One TRUSTED_PROXIES entry: an IP address or a CIDR block. Returns the normalised entry, or null when invalid. */
export function parseProxyEntry(entry: string): string | null {
  const [addressText, prefixText, ...rest] = entry.trim().split("/");
  const address = normaliseAddress(addressText ?? null);
  if (!address || rest.length > 0) return null;
  if (prefixText === undefined) return address;
  const max = isIP(address) === 4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > max) return null;
  return `${address}/${Number(prefixText)}`;
}
