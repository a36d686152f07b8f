import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { gifPicture, pngPicture, svgPicture } from "@/test-support/pictures";
import { localDirectoryStore } from "./local-store";
import { checkPicture, contentTypeOf, isStoredPictureName, PICTURE_RULES } from "./picture";

describe("product pictures are checked by their bytes", () => {
  it("accepts a PNG within the limits and names it by the hash of its bytes", () => {
    const picture = pngPicture(800, 600);
    const checked = checkPicture(picture);
    expect(checked).toMatchObject({ ok: true, format: "png", width: 800, height: 600 });
    if (!checked.ok) throw new Error("refused");
    expect(checked.name).toMatch(/^[0-9a-f]{32}\.png$/);
    expect(checkPicture(pngPicture(800, 600)).ok && checkPicture(pngPicture(800, 600))).toMatchObject({ name: checked.name });
    expect(checkPicture(pngPicture(800, 600, [1, 2, 3]))).not.toMatchObject({ name: checked.name });
    expect(isStoredPictureName(checked.name)).toBe(true);
    expect(contentTypeOf(checked.name)).toBe("image/png");
  });

  it("refuses, with the reason and the numbers, what the shop cannot show well or safely", () => {
    expect(checkPicture(new Uint8Array())).toEqual({ ok: false, reason: "missing" });
    expect(checkPicture(new Uint8Array(PICTURE_RULES.maxBytes + 1))).toEqual({ ok: false, reason: "tooLarge", maxMb: 2 });
    expect(checkPicture(Buffer.from("just some text, not a picture at all"))).toEqual({ ok: false, reason: "notAPicture" });
    expect(checkPicture(gifPicture(800, 800))).toEqual({ ok: false, reason: "wrongFormat" });
    expect(checkPicture(svgPicture(800, 800))).toEqual({ ok: false, reason: "wrongFormat" });
    expect(checkPicture(pngPicture(399, 800))).toEqual({ ok: false, reason: "tooSmall", width: 399, height: 800, minSide: 400 });
    expect(checkPicture(pngPicture(4001, 400))).toEqual({ ok: false, reason: "tooBig", width: 4001, height: 400, maxSide: 4000 });
    expect(checkPicture(pngPicture(400, 4000)).ok).toBe(true);
  });

  it("lets only stored names' shapes through to a store", () => {
    for (const name of ["../etc/passwd", "abc.png", `${"a".repeat(32)}.svg`, `${"A".repeat(32)}.png`, `${"a".repeat(32)}.png/..`]) expect(isStoredPictureName(name), name).toBe(false);
    expect(isStoredPictureName(`${"0f".repeat(16)}.webp`)).toBe(true);
  });
});

describe("the local directory store", () => {
  it("keeps bytes under a name, leaves no temporary file, and answers null for an unknown name", async () => {
    const directory = path.join(mkdtempSync(path.join(tmpdir(), "media-")), "nested");
    const store = localDirectoryStore(directory);
    const bytes = new Uint8Array(pngPicture(400, 400));
    await store.put("a.png", bytes);
    await store.put("a.png", bytes); // the same name twice: content-addressed, nothing to do
    expect(Buffer.from((await store.get("a.png"))!)).toEqual(Buffer.from(bytes));
    expect(await store.get("b.png")).toBeNull();
    expect(readdirSync(directory)).toEqual(["a.png"]);
  });
});
