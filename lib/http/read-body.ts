/**
 * Reads a request body, giving up as soon as it passes `limit` bytes (nothing more is buffered). With `drain`, the
 * rest is read and dropped instead of cancelling the stream: proxy.ts reads a copy Next.js feeds it, and cancelling
 * that copy mid-body leaves the request hanging (Next.js caps the copy at `proxyClientMaxBodySize`, next.config.ts).
 */
export async function readBodyBytesWithLimit(
  request: Request,
  limit: number,
  { drain = false }: { drain?: boolean } = {},
): Promise<{ ok: true; bytes: Buffer } | { ok: false }> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) return { ok: false };
  if (!request.body) return { ok: true, bytes: Buffer.alloc(0) };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      if (!drain) {
        await reader.cancel();
        return { ok: false };
      }
      continue;
    }
    chunks.push(value);
  }
  return size > limit ? { ok: false } : { ok: true, bytes: Buffer.concat(chunks) };
}

/** The same, as UTF-8 text. */
export async function readBodyWithLimit(request: Request, limit: number): Promise<{ ok: true; text: string } | { ok: false }> {
  const body = await readBodyBytesWithLimit(request, limit);
  return body.ok ? { ok: true, text: body.bytes.toString("utf8") } : body;
}
