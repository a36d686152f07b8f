import { servePicture } from "@/lib/media/serve";

/** GET /media/<content hash>.<jpg|png|webp>: an uploaded product picture, cacheable for good (lib/media/serve.ts). */
export async function GET(request: Request, { params }: { params: Promise<{ name: string }> }): Promise<Response> {
  return servePicture(request, (await params).name);
}
