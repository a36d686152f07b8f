import { BlockList, isIP } from "node:net";

/**
 * IP address parsing and the trusted-proxy check shared by the environment check (TRUSTED_PROXIES), proxy.ts and
 * lib/auth/client-ip.ts. Pure: no env parsing and no `server-only`, so proxy.ts can use it.
 */

/**
 * The request header that carries the address of the socket the request arrived on (the peer), stamped by
 * lib/security/peer-address.ts on every request before Next.js sees it, over anything a client sent under that name.
 */
export const PEER_ADDRESS_HEADER = "x-toko-peer-address";

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

const lists = new Map<string, BlockList>();

function trustedProxyList(entries: readonly string[]): BlockList {
  const key = entries.join(",");
  let list = lists.get(key);
  if (!list) {
    list = new BlockList();
    for (const entry of entries) {
      const [address, prefix] = entry.split("/");
      const family = isIP(address!) === 4 ? "ipv4" : "ipv6";
      if (prefix === undefined) list.addAddress(address!, family);
      else list.addSubnet(address!, Number(prefix), family);
    }
    lists.set(key, list);
  }
  return list;
}

/** Whether a normalised address is one of `trustedProxies` (parsed TRUSTED_PROXIES entries). */
export function isTrustedProxy(address: string, trustedProxies: readonly string[]): boolean {
  if (trustedProxies.length === 0) return false;
  return trustedProxyList(trustedProxies).check(address, isIP(address) === 4 ? "ipv4" : "ipv6");
}

/** Whether the request arrived straight from a trusted proxy (by its stamped peer address). */
export function arrivedFromTrustedProxy(headers: Headers, trustedProxies: readonly string[]): boolean {
  const peer = normaliseAddress(headers.get(PEER_ADDRESS_HEADER));
  return peer !== null && isTrustedProxy(peer, trustedProxies);
}
