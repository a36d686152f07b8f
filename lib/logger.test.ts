import { afterEach, describe, expect, it, vi } from "vitest";

/** Each case loads lib/logger.ts afresh, because it reads LOG_LEVEL once, on the first line it logs. */
async function logAtEveryLevel(level: string | undefined): Promise<string[]> {
  vi.resetModules();
  if (level !== undefined) vi.stubEnv("LOG_LEVEL", level);
  const { logger } = await import("./logger");
  const written: string[] = [];
  const capture = (chunk: string | Uint8Array) => (written.push(String(chunk)), true);
  vi.spyOn(process.stdout, "write").mockImplementation(capture);
  vi.spyOn(process.stderr, "write").mockImplementation(capture);
  logger.debug("debug.line");
  logger.info("info.line");
  logger.warn("warn.line");
  logger.error("error.line");
  vi.restoreAllMocks();
  return written.map((line) => (JSON.parse(line) as { event: string }).event);
}

describe("LOG_LEVEL", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it("defaults to info: debug lines are left out", async () => {
    vi.stubEnv("LOG_LEVEL", "");
    expect(await logAtEveryLevel(undefined)).toEqual(["info.line", "warn.line", "error.line"]);
  });

  it("debug adds the debug lines; warn and error leave out what is below them", async () => {
    expect(await logAtEveryLevel("debug")).toEqual(["debug.line", "info.line", "warn.line", "error.line"]);
    expect(await logAtEveryLevel("warn")).toEqual(["warn.line", "error.line"]);
    expect(await logAtEveryLevel("error")).toEqual(["error.line"]);
  });

  it("a value outside the list is refused with an error naming the variable", async () => {
    await expect(logAtEveryLevel("loud")).rejects.toThrow(/^Invalid environment variable LOG_LEVEL: /);
  });
});
