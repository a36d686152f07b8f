import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pngPicture } from "@/test-support/pictures";
import { checkPicture } from "./picture";

// The store this file's env() picks: a fresh directory (env() is read on first use, after this line).
const directory = mkdtempSync(path.join(tmpdir(), "media-serve-"));
process.env.MEDIA_DIR = directory;
const { servePicture } = await import("./serve");
const { mediaStore } = await import("./store");

const get = (name: string, headers: Record<string, string> = {}) => servePicture(new Request(`http://shop.test/media/${name}`, { headers }), name);

describe("serving uploaded pictures", () => {
  it("serves a stored picture for good, answers a revalidation with 304, and never reaches the disk for a hostile name", async () => {
    const bytes = pngPicture(400, 400, [9, 9, 9]);
    const checked = checkPicture(bytes);
    if (!checked.ok) throw new Error("refused");
    await mediaStore().put(checked.name, bytes);
    expect(readdirSync(directory)).toEqual([checked.name]);

    const response = await get(checked.name);
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject({ "content-type": "image/png", "cache-control": "public, max-age=31536000, immutable", "content-length": String(bytes.length) });
    expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes);

    const again = await get(checked.name, { "if-none-match": response.headers.get("etag")! });
    expect(again.status).toBe(304);

    for (const name of ["../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", `${"0".repeat(32)}.png`, "x".repeat(3000)]) {
      const refused = await get(name);
      expect(refused.status, name).toBe(404);
      expect(refused.headers.get("cache-control")).toBe("no-store");
    }
  });
});
