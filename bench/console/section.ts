import { readFileSync, writeFileSync } from "node:fs";

/** The console's block in BENCHMARKS.md: written by npm run bench:console, kept as it is by npm run bench. */
export const CONSOLE_MARKERS = ["<!-- console-bench:start -->", "<!-- console-bench:end -->"] as const;

function read(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

/** The console block currently in the file, or "". */
export function currentConsoleSection(file: string): string {
  const text = read(file);
  const start = text.indexOf(CONSOLE_MARKERS[0]);
  const end = text.indexOf(CONSOLE_MARKERS[1]);
  return start >= 0 && end > start ? text.slice(start, end + CONSOLE_MARKERS[1].length) : "";
}

/** Replaces the console block (or appends it), leaving the rest of the file as it is. */
export function writeConsoleSection(file: string, section: string): void {
  const text = read(file) || "# Benchmarks\n";
  const current = currentConsoleSection(file);
  writeFileSync(file, current ? text.replace(current, section) : `${text.trimEnd()}\n\n${section}\n`);
}
