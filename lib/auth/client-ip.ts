/**
 * The client's address for throttling: the first X-Forwarded-For entry (set by Next's server and by proxies),
 * else X-Real-IP. Behind a proxy that does not overwrite these headers they can be forged; deploy behind one that does.
 */
export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const ip = forwarded || headers.get("x-real-ip")?.trim();
  return ip && ip.length <= 64 ? ip : null;
}
