import "server-only";
import { contentTypeOf, isStoredPictureName } from "./picture";
import { mediaStore } from "./store";

/**
 * A stored picture as a response. Its name is the hash of its bytes, so the bytes behind a name never change: browsers
 * and any CDN may keep it for a year without asking again (immutable), and a replaced picture gets a new name, which
 * the product row points to. A name that is not a stored picture's shape never reaches the store.
 */
export const IMMUTABLE = "public, max-age=31536000, immutable";

export async function servePicture(request: Request, name: string): Promise<Response> {
  if (!isStoredPictureName(name)) return notFound();
  const etag = `"${name.slice(0, name.indexOf("."))}"`;
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers: { etag, "cache-control": IMMUTABLE } });
  const bytes = await mediaStore().get(name);
  if (!bytes) return notFound();
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": contentTypeOf(name),
      "content-length": String(bytes.byteLength),
      "cache-control": IMMUTABLE,
      etag,
      // A picture is only ever shown as an image: nothing in it may run or be framed as a document.
      "content-security-policy": "default-src 'none'; sandbox",
    },
  });
}

/** Not cached for long: the picture may be uploaded (on another instance) a moment later. */
function notFound(): Response {
  return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}
