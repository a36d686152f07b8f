import { randomUUID } from "node:crypto";
import { mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { MediaStore } from "./store";

/**
 * Pictures as files in one directory. A file is written under a temporary name and renamed into place, so a reader
 * (another instance sharing the directory) never sees half a picture.
 */
export function localDirectoryStore(directory: string): MediaStore {
  const root = path.resolve(directory);
  const fileOf = (name: string) => path.join(root, path.basename(name));
  return {
    async put(name, bytes) {
      const file = fileOf(name);
      if (await exists(file)) return;
      await mkdir(root, { recursive: true });
      const temporary = path.join(root, `.${randomUUID()}.part`);
      await writeFile(temporary, bytes);
      await rename(temporary, file);
    },
    async get(name) {
      try {
        return new Uint8Array(await readFile(fileOf(name)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
  };
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
