import { NextRequest } from "next/server";
import { handlers } from "@/auth";
import { readBodyWithLimit } from "@/lib/http/read-body";
import { MAX_AUTH_BODY_BYTES } from "@/lib/security/requests";

export const { GET } = handlers;

/** Auth.js parses whatever body it is given; a body larger than its few short fields is refused before that. */
export async function POST(request: NextRequest) {
  const body = await readBodyWithLimit(request, MAX_AUTH_BODY_BYTES);
  if (!body.ok) return Response.json({ error: `Request body larger than ${MAX_AUTH_BODY_BYTES} bytes` }, { status: 413 });
  const headers = new Headers(request.headers);
  headers.delete("content-length"); // recomputed from the text passed on
  return handlers.POST(new NextRequest(request.url, { method: "POST", headers, body: body.text }));
}
