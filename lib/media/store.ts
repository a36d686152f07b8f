import "server-only";
import { env } from "@/lib/env";
import type { MediaStoreKind } from "@/lib/env-schema";
import { localDirectoryStore } from "./local-store";

/**
 * Where uploaded pictures are kept, chosen by MEDIA_STORE. Names are content hashes (./picture.ts), so a store
 * never overwrites one picture with another and needs no locking: writing a name twice writes the same bytes.
 */
export interface MediaStore {
  /** Keeps the bytes under `name`; a name already kept is left as it is. */
  put(name: string, bytes: Uint8Array): Promise<void>;
  /** The bytes kept under `name`, or null. */
  get(name: string): Promise<Uint8Array | null>;
}

/**
 * One entry per MEDIA_STORE value. "local" keeps files under MEDIA_DIR: one instance, or several sharing that
 * directory (the cluster script gives both instances one; compose mounts one volume on both). An object store
 * (S3 and the like) is another entry here with the same two methods.
 */
const STORES: Record<MediaStoreKind, () => MediaStore> = {
  local: () => localDirectoryStore(env().MEDIA_DIR),
};

let store: MediaStore | undefined;

export function mediaStore(): MediaStore {
  store ??= STORES[env().MEDIA_STORE]();
  return store;
}
