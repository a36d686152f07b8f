import "server-only";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { findMerchant } from "@/lib/auth/merchant";
import { getSessionUserId } from "@/lib/auth/session";
import { isUserFacingError } from "@/lib/errors";
import { readBodyBytesWithLimit } from "@/lib/http/read-body";
import { logger } from "@/lib/logger";
import { checkPicture, PICTURE_RULES, type PictureRefusal } from "@/lib/media/picture";
import { mediaStore } from "@/lib/media/store";
import { actionHost, isCrossSiteOrigin } from "@/lib/security/requests";
import { replacePicture } from "./admin";
import { parseProductId } from "./admin-queries";

/**
 * POST /api/console/products/:id/picture, multipart with one `picture` file: the console's picture upload. A route of
 * its own rather than a server action because page POSTs are held to a few kilobytes (lib/security/requests.ts);
 * this one takes a picture's size and nothing more. It answers JSON `{message, field?, imagePath?}` in the
 * merchant's language: 200 replaced, 4xx refused with what is wrong (the file's type, size or dimensions, read from
 * its bytes), nothing changed.
 */

/** Room for the multipart framing around the file. */
const FRAMING_BYTES = 16 * 1024;

type Answer = { message: string; field?: "picture"; imagePath?: string };
const answer = (status: number, body: Answer) => Response.json(body, { status, headers: { "cache-control": "no-store" } });

export async function uploadProductPicture(request: Request, productIdParam: string): Promise<Response> {
  const t = await getTranslations("consoleCatalog");
  // A browser on another site cannot set X-Forwarded-Host (a custom header needs a CORS preflight this route never
  // grants), so the host the request names is the one its Origin must match, as for server actions.
  if (isCrossSiteOrigin(request.headers.get("origin"), actionHost(request.headers))) {
    return Response.json({ message: "Cross-site request refused" }, { status: 403 });
  }
  const merchant = await findMerchant(await getSessionUserId());
  // Anyone who is not a merchant learns nothing about the console (lib/auth/merchant.ts).
  if (!merchant) return Response.json({ message: "Not found" }, { status: 404 });
  const productId = parseProductId(productIdParam);
  if (productId === undefined) return answer(404, { message: t("edit.gone") });

  const refuse = (refusal: PictureRefusal) => answer(refusal.reason === "tooLarge" ? 413 : 422, { message: t(`picture.${refusal.reason}`, refusalValues(refusal)), field: "picture" });
  const tooLarge: PictureRefusal = { reason: "tooLarge", maxMb: PICTURE_RULES.maxBytes / (1024 * 1024) };
  const body = await readBodyBytesWithLimit(request, PICTURE_RULES.maxBytes + FRAMING_BYTES);
  if (!body.ok) return refuse(tooLarge);
  let file: FormDataEntryValue | null;
  try {
    file = (await new Response(new Uint8Array(body.bytes), { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData()).get("picture");
  } catch {
    return refuse({ reason: "missing" });
  }
  if (!(file instanceof Blob)) return refuse({ reason: "missing" });
  const bytes = new Uint8Array(await file.arrayBuffer());
  const checked = checkPicture(bytes);
  if (!checked.ok) return refuse(checked);

  try {
    await mediaStore().put(checked.name, bytes);
    const product = await replacePicture(merchant, productId, checked.name);
    revalidatePath("/", "layout");
    return answer(200, { message: t("picture.uploaded"), imagePath: product.imagePath });
  } catch (error) {
    if (isUserFacingError(error) && error.code === "not_found") return answer(404, { message: t("edit.gone") });
    logger.error("catalog.picture_upload_failed", { productId, error });
    return answer(503, { message: t("picture.failed") });
  }
}

function refusalValues(refusal: PictureRefusal): Record<string, number> {
  const { reason: _reason, ...values } = refusal;
  return values;
}
