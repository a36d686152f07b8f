import { env } from "@/lib/env";
import { isTrustedProxy, normaliseAddress, PEER_ADDRESS_HEADER } from "@/lib/security/addresses";

export { PEER_ADDRESS_HEADER };

// More hops than any real proxy chain; entries further left cannot matter and are not even split out.
const MAX_FORWARDED_ENTRIES = 16;

/**
 * The client's address, for the per-address sign-in throttle.
 *
 * What Next.js 16 gives us: under `next start` its server sets `X-Forwarded-For` to the socket's address only when the
 * request has none (`req.headers['x-forwarded-for'] ??= socket.remoteAddress`, next/dist/server/base-server.js). It
 * never appends, so a client that sends its own `X-Forwarded-For` replaces the only trace of its real address. The
 * header alone can therefore never be trusted. lib/security/peer-address.ts stamps the socket's address (the peer)
 * on every request in PEER_ADDRESS_HEADER (lib/security/addresses.ts), overwriting anything a client sent under that name.
 *
 * With no TRUSTED_PROXIES (the default) the answer is the peer. With proxies configured, the chain is the
 * `X-Forwarded-For` entries followed by the peer; walking it from the right past every trusted proxy, the first
 * address that is not a trusted proxy is the client (the right-most untrusted address: entries to its left were
 * written by whoever sent the request and prove nothing). An entry that is not an IP address ends the walk with the
 * peer, so garbage or an over-long header never means "no address".
 */
export function clientIp(headers: Headers, trustedProxies: readonly string[] = env().TRUSTED_PROXIES): string | null {
  const peer = normaliseAddress(headers.get(PEER_ADDRESS_HEADER));
  const forwarded = forwardedEntries(headers.get("x-forwarded-for"));
  // Without the stamp (not behind Next's server, e.g. a script), Next's own value is the nearest thing to the peer.
  const nearest = peer ?? normaliseAddress(forwarded.at(-1) ?? null);
  if (!nearest || trustedProxies.length === 0) return nearest;
  const chain = peer ? [...forwarded, peer] : forwarded;
  for (let i = chain.length - 1; i >= 0; i--) {
    const address = normaliseAddress(chain[i]!);
    if (!address) return nearest;
    if (!isTrustedProxy(address, trustedProxies)) return address;
    if (i === 0) return address; // every hop is a proxy we trust: the request started at one of them
  }
  return nearest;
}

function forwardedEntries(header: string | null): string[] {
  if (!header) return [];
  const entries = header.slice(-MAX_FORWARDED_ENTRIES * 64).split(",");
  return entries.slice(-MAX_FORWARDED_ENTRIES).map((entry) => entry.trim());
}
