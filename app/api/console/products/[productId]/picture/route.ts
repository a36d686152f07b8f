import { uploadProductPicture } from "@/lib/catalog/picture-upload";

export const dynamic = "force-dynamic";

/** POST: a product picture from the console (merchants only); lib/catalog/picture-upload.ts says what it accepts. */
export async function POST(request: Request, { params }: { params: Promise<{ productId: string }> }): Promise<Response> {
  return uploadProductPicture(request, (await params).productId);
}
