import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { PEER_ADDRESS_HEADER } from "@/lib/security/addresses";

/**
 * Puts the address of the socket each request arrived on (the peer) into PEER_ADDRESS_HEADER, before Next.js sees
 * the request, replacing anything a client sent under that name. Next.js 16 does not pass the socket's address to
 * app code when the client sends its own X-Forwarded-For (see lib/auth/client-ip.ts), so without this the real
 * address is lost. Node publishes `http.server.request.start` synchronously before the server's "request" event, for
 * every HTTP server in the process: a supported hook, not a patch of Next.js. Registered once from instrumentation.ts.
 */
const registered = Symbol.for("toko.peer-address-stamp");

export function stampPeerAddresses(): void {
  const state = globalThis as { [registered]?: boolean };
  if (state[registered]) return;
  state[registered] = true;
  subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    request.headers[PEER_ADDRESS_HEADER] = socket.remoteAddress ?? "";
  });
}
