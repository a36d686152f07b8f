import { createHash } from "node:crypto";
import { imageSize } from "image-size";

/**
 * What a product picture must be. The shop shows pictures square (cards 400 px, the product page up to 600 px, twice
 * that on a sharp screen), so a side under 400 px looks blurred and anything over 4000 px is only weight. SVG is
 * refused: it can carry script, and the shop serves uploads from its own origin.
 */
export const PICTURE_RULES = {
  maxBytes: 2 * 1024 * 1024,
  minSide: 400,
  maxSide: 4000,
} as const;

/** The accepted formats, recognised by their bytes (never by the name or the type the browser claims). */
export const PICTURE_FORMATS = {
  jpg: { contentType: "image/jpeg", extension: "jpg" },
  png: { contentType: "image/png", extension: "png" },
  webp: { contentType: "image/webp", extension: "webp" },
} as const;
export type PictureFormat = keyof typeof PICTURE_FORMATS;

export type PictureRefusal =
  | { reason: "missing" }
  | { reason: "tooLarge"; maxMb: number }
  | { reason: "notAPicture" }
  | { reason: "wrongFormat" }
  | { reason: "tooSmall"; width: number; height: number; minSide: number }
  | { reason: "tooBig"; width: number; height: number; maxSide: number };

export type CheckedPicture = { ok: true; format: PictureFormat; width: number; height: number; name: string } | ({ ok: false } & PictureRefusal);

function isFormat(type: string | undefined): type is PictureFormat {
  return type !== undefined && Object.hasOwn(PICTURE_FORMATS, type);
}

/**
 * Checks an uploaded file by its content: size, format and dimensions read from the file's header (image-size, which
 * reads only the header and decodes no pixels). A good picture gets its stored name: the SHA-256 of its bytes, so
 * the same picture is stored once and a name never changes content (it may be cached for good).
 */
export function checkPicture(bytes: Uint8Array): CheckedPicture {
  if (bytes.byteLength === 0) return { ok: false, reason: "missing" };
  if (bytes.byteLength > PICTURE_RULES.maxBytes) return { ok: false, reason: "tooLarge", maxMb: PICTURE_RULES.maxBytes / (1024 * 1024) };
  let size: { width: number; height: number; type?: string };
  try {
    size = imageSize(bytes);
  } catch {
    return { ok: false, reason: "notAPicture" };
  }
  if (!isFormat(size.type)) return { ok: false, reason: "wrongFormat" };
  const { width, height } = size;
  if (Math.min(width, height) < PICTURE_RULES.minSide) return { ok: false, reason: "tooSmall", width, height, minSide: PICTURE_RULES.minSide };
  if (Math.max(width, height) > PICTURE_RULES.maxSide) return { ok: false, reason: "tooBig", width, height, maxSide: PICTURE_RULES.maxSide };
  const hash = createHash("sha256").update(bytes).digest("hex").slice(0, 32);
  return { ok: true, format: size.type, width, height, name: `${hash}.${PICTURE_FORMATS[size.type].extension}` };
}

/** A stored picture's name: 32 hex digits and a known extension; nothing else reaches the store (no path tricks). */
const STORED_NAME = new RegExp(`^[0-9a-f]{32}\\.(${Object.values(PICTURE_FORMATS).map((f) => f.extension).join("|")})$`);

export function isStoredPictureName(name: string): boolean {
  return STORED_NAME.test(name);
}

export function contentTypeOf(name: string): string {
  const extension = name.slice(name.lastIndexOf(".") + 1);
  return Object.values(PICTURE_FORMATS).find((f) => f.extension === extension)?.contentType ?? "application/octet-stream";
}

/** Where the shop serves uploaded pictures (app/media/[name]/route.ts); product rows keep this path. */
export const MEDIA_PATH = "/media";

export function pictureUrl(name: string): string {
  return `${MEDIA_PATH}/${name}`;
}
