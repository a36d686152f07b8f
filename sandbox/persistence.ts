import { mkdirSync, readFileSync } from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { StateFileSchema, type StateFile } from "./state";

/** Where the store keeps its state between restarts. */
export interface Persistence {
  readonly description: string;
  /** The saved state, or null when there is none yet (a fresh state gets seeded). */
  load(): StateFile | null;
  /** Asks for the current state to be written; cheap to call on every change. */
  save(snapshot: () => StateFile): void;
  /** Resolves once everything asked for so far is on disk. */
  flush(): Promise<void>;
}

export const MEMORY_STATE = "memory";

export function createPersistence(stateFile: string, onError: (error: unknown) => void): Persistence {
  return stateFile === MEMORY_STATE ? memoryPersistence() : jsonFilePersistence(resolve(stateFile), onError);
}

function memoryPersistence(): Persistence {
  return { description: MEMORY_STATE, load: () => null, save: () => {}, flush: () => Promise.resolve() };
}

/**
 * Writes are debounced (a burst of changes becomes one write) and serialised (one write at a time), and each
 * write goes to a temporary file that is renamed over the real one, so a crash or a concurrent request can
 * never leave a half-written JSON file behind.
 */
export function jsonFilePersistence(path: string, onError: (error: unknown) => void, debounceMs = 25): Persistence {
  let pending: (() => StateFile) | null = null;
  let timer: NodeJS.Timeout | null = null;
  let writing: Promise<void> = Promise.resolve();

  const writeNow = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = null;
    const snapshot = pending;
    pending = null;
    if (!snapshot) return writing;
    // Serialise now so the bytes reflect the state at this moment, then chain after any write in flight.
    const json = `${JSON.stringify(snapshot(), null, 2)}\n`;
    writing = writing.then(async () => {
      const temp = `${path}.${process.pid}.tmp`;
      try {
        await mkdir(dirname(path), { recursive: true });
        await writeFile(temp, json, "utf8");
        await rename(temp, path);
      } catch (error) {
        onError(error);
      }
    });
    return writing;
  };

  return {
    description: path,
    load() {
      let text: string;
      try {
        text = readFileSync(path, "utf8");
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") {
          mkdirSync(dirname(path), { recursive: true });
          return null;
        }
        throw error;
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new Error(`Sandbox state file ${path} is not valid JSON; delete it to start afresh.`);
      }
      const parsed = StateFileSchema.safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(
          `Sandbox state file ${path} has an unexpected shape at ${issue?.path.join(".") || "(root)"}: ${issue?.message}; delete it to start afresh.`,
        );
      }
      return parsed.data;
    },
    save(snapshot) {
      pending = snapshot;
      if (!timer) {
        timer = setTimeout(() => void writeNow(), debounceMs);
        // A pending write alone must not keep a test process alive; flush() on close writes it anyway.
        timer.unref();
      }
    },
    flush: writeNow,
  };
}
